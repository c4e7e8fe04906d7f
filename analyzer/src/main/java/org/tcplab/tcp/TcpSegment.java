package org.tcplab.tcp;

import org.tcplab.decode.DecodedPacket;

/**
 * What the stream tracker and the connection analysis read of one TCP segment: its flow, header
 * fields, the options area of a SYN, and the frame's time, number and length. A copy, so that
 * decoding (which reuses its buffers) and tracking can run in different threads; filled in place
 * and reused.
 */
public final class TcpSegment {
    /** RFC 9293 §3.1: the data offset allows at most 40 bytes of options. */
    static final int MAX_OPTIONS = 40;

    boolean tracked;
    int family;
    long srcHi;
    long srcLo;
    long dstHi;
    long dstLo;
    int sport;
    int dport;
    long seq;
    long ack;
    int flags;
    int window;
    boolean hasSegmentLength;
    int payloadLength;
    /**
     * The options area of a SYN as captured (empty for other segments: only a SYN's are read).
     * Made at the first SYN: a batch of thousands of segments holds few SYNs.
     */
    byte[] options = NONE;
    private static final byte[] NONE = new byte[0];
    int optionsLength;
    long timeNanos;
    long frame;
    int frameLength;

    /**
     * Copies what tracking needs from a decoded packet.
     *
     * @return whether the tracker numbers this packet: TCP with ports, numbers, offset, flags and
     *         window captured (tshark assigns the stream only after reading those 16 bytes)
     */
    public boolean fill(DecodedPacket p, long timeNanos, long frame, int frameLength) {
        tracked = p.isTcp() && p.tcpFieldsCaptured() >= 16;
        seq = p.seq();
        ack = p.ack();
        window = p.window();
        if (!tracked) {
            return false;
        }
        family = p.ipVersion();
        srcHi = p.srcHi();
        srcLo = p.srcLo();
        dstHi = p.dstHi();
        dstLo = p.dstLo();
        sport = p.sport();
        dport = p.dport();
        flags = p.tcpFlags();
        hasSegmentLength = p.hasSegmentLength();
        payloadLength = p.payloadLength();
        this.timeNanos = timeNanos;
        this.frame = frame;
        this.frameLength = frameLength;
        optionsLength = 0;
        if ((flags & TcpStreamTracker.SYN) != 0 && hasSegmentLength) {
            int from = p.l4Offset() + 20;
            int to = Math.min(p.l4Offset() + p.tcpHeaderLength(), p.l4Offset() + p.l4Captured());
            if (to > from) {
                optionsLength = Math.min(to - from, MAX_OPTIONS);
                if (options.length < MAX_OPTIONS) {
                    options = new byte[MAX_OPTIONS];
                }
                System.arraycopy(p.l4Data(), from, options, 0, optionsLength);
            }
        }
        return true;
    }
}
