package org.tcplab.tcp;

import org.tcplab.decode.DecodedPacket;
import org.tcplab.wire.Bytes;
import org.tcplab.wire.TcpFlags;

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
    /** Payload bytes the capture holds (fewer than payloadLength when the snapshot length cut it). */
    int payloadCaptured;
    /** The TCP checksum was judged and found wrong (only when a pass asks: see {@link #checksumBad(boolean)}). */
    boolean checksumBad;
    boolean ipChecksumBad;
    /**
     * What a SYN's options offered, read here once (in conns' decoding thread) so that the stream
     * numbering and both state machines walk no options: the MSS, the window scale shift of the
     * last valid option (as a walk visits them) and of the first (as a lookup finds it), -1 when
     * absent; SACK permitted, timestamps. For other segments: none.
     */
    int synMss = -1;
    int synWindowScale = -1;
    int synFirstWindowScale = -1;
    boolean synSackPermitted;
    boolean synTimestamps;
    private final SynOptions synReader = new SynOptions();
    long timeNanos;
    long frame;
    int frameLength;
    /** What the segment's SACK blocks cover, for the bytes in flight of the other direction ({@link TcpOptions#sackDelivered}). */
    long sackDelivered;

    private static final int ETHERNET = 1;
    private static final int ETHERNET_HEADER = 14;
    private static final int ETHERTYPE = 12;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int IPV4_HEADER = 20;
    private static final int IPV4_TOTAL_LENGTH = 2;
    private static final int IPV4_FLAGS_OFFSET = 6;
    private static final int IPV4_PROTOCOL = 9;
    private static final int TCP_HEADER = 20;
    private static final int TCP_DATA_OFFSET = 12;

    /**
     * Fills this segment straight from the bytes of the commonest frame, Ethernet + IPv4 without
     * options or fragmentation + a whole TCP header, exactly as {@link org.tcplab.decode.PacketDecoder}
     * and {@link #fill(DecodedPacket, long, long, int)} would; anything else (VLAN tags, tunnels,
     * IPv6, fragments, IP options, a header cut short or inconsistent lengths) is left to them.
     * It skips the decoder's dozens of fields nobody reads in a connection pass (a fifth of the
     * decoding thread's time, measured in the README).
     *
     * @return false, having changed nothing, when the frame is not of that shape
     */
    public boolean fillCommon(byte[] b, int off, int capturedLength, int originalLength, int linkType, long timeNanos,
                              long frame) {
        // Ethernet, then an IPv4 header without options (version 4, IHL 5), then a TCP header
        if (linkType != ETHERNET || capturedLength < ETHERNET_HEADER + IPV4_HEADER + TCP_HEADER
                || Bytes.u16be(b, off + ETHERTYPE) != ETHERTYPE_IPV4 || b[off + ETHERNET_HEADER] != 0x45) {
            return false;
        }
        int ip = off + ETHERNET_HEADER;
        int total = Bytes.u16be(b, ip + IPV4_TOTAL_LENGTH);
        int reported = Math.max(originalLength, capturedLength) - ETHERNET_HEADER;
        // not a fragment (MF clear, offset 0: RFC 791 §3.1), protocol TCP, a total length the frame holds
        if ((Bytes.u16be(b, ip + IPV4_FLAGS_OFFSET) & 0x3FFF) != 0 || b[ip + IPV4_PROTOCOL] != 6
                || total < IPV4_HEADER + TCP_HEADER || total > reported) {
            return false;
        }
        int tcp = ip + IPV4_HEADER;
        int hlen = ((b[tcp + TCP_DATA_OFFSET] & 0xff) >>> 4) * 4;
        int captured = Math.min(off + capturedLength, ip + total) - tcp;
        if (hlen < TCP_HEADER || total - IPV4_HEADER < hlen || captured < TCP_HEADER) {
            return false;
        }
        tracked = true;
        family = 4;
        srcHi = 0;
        srcLo = Bytes.u32be(b, ip + 12);
        dstHi = 0;
        dstLo = Bytes.u32be(b, ip + 16);
        sport = Bytes.u16be(b, tcp);
        dport = Bytes.u16be(b, tcp + 2);
        seq = Bytes.u32be(b, tcp + 4);
        ack = Bytes.u32be(b, tcp + 8);
        flags = Bytes.u16be(b, tcp + TCP_DATA_OFFSET) & 0x0FFF;
        window = Bytes.u16be(b, tcp + 14);
        hasSegmentLength = true;
        payloadLength = total - IPV4_HEADER - hlen;
        payloadCaptured = Math.max(0, captured - hlen);
        checksumBad = false;
        ipChecksumBad = false;
        this.timeNanos = timeNanos;
        this.frame = frame;
        this.frameLength = originalLength;
        noSynOptions();
        sackDelivered = 0;
        if (hlen > TCP_HEADER) {
            int to = tcp + Math.min(hlen, captured);
            if ((flags & TcpFlags.SYN) != 0) {
                readSynOptions(b, tcp + TCP_HEADER, to);
            } else {
                sackDelivered = TcpOptions.sackDelivered(b, tcp + TCP_HEADER, to);
            }
        }
        return true;
    }

    private void noSynOptions() {
        synMss = -1;
        synWindowScale = -1;
        synFirstWindowScale = -1;
        synSackPermitted = false;
        synTimestamps = false;
    }

    private void readSynOptions(byte[] b, int from, int to) {
        if (to > from) {
            TcpOptions.walk(b, from, to, synReader);
            synFirstWindowScale = TcpOptions.windowScale(b, from, to);
        }
    }

    /** Reads a SYN's offers into the segment, allocating nothing. */
    private final class SynOptions implements TcpOptions.Visitor {
        @Override
        public void mss(int value) {
            synMss = value;
        }

        @Override
        public void windowScale(int shift) {
            synWindowScale = shift;
        }

        @Override
        public void sackPermitted() {
            synSackPermitted = true;
        }

        @Override
        public void timestamps(long value, long echo) {
            synTimestamps = true;
        }
    }

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
        payloadCaptured = hasSegmentLength ? Math.max(0, Math.min(payloadLength, p.l4Captured() - p.tcpHeaderLength())) : 0;
        checksumBad = false;
        ipChecksumBad = false;
        this.timeNanos = timeNanos;
        this.frame = frame;
        this.frameLength = frameLength;
        noSynOptions();
        sackDelivered = 0;
        if (hasSegmentLength && p.tcpHeaderLength() > 20) {
            int to = Math.min(p.l4Offset() + p.tcpHeaderLength(), p.l4Offset() + p.l4Captured());
            if ((flags & TcpFlags.SYN) != 0) {
                readSynOptions(p.l4Data(), p.l4Offset() + 20, to);
            } else {
                sackDelivered = TcpOptions.sackDelivered(p.l4Data(), p.l4Offset() + 20, to);
            }
        }
        return true;
    }

    /** Whether the stream tracker numbers this segment (see {@link #fill}). */
    public boolean tracked() { return tracked; }
    public int family() { return family; }
    public long srcHi() { return srcHi; }
    public long srcLo() { return srcLo; }
    public long dstHi() { return dstHi; }
    public long dstLo() { return dstLo; }
    public int sport() { return sport; }
    public int dport() { return dport; }
    public long seq() { return seq; }
    public long ack() { return ack; }
    public int flags() { return flags; }
    /** The raw window field. */
    public int window() { return window; }
    public boolean hasSegmentLength() { return hasSegmentLength; }
    public int payloadLength() { return payloadLength; }
    public int payloadCaptured() { return payloadCaptured; }
    public boolean checksumBad() { return checksumBad; }
    /** Marks the segment's checksum wrong, for a pass that judges checksums (conns --zeek-checksums). */
    public void checksumBad(boolean bad) { checksumBad = bad; }
    public boolean ipChecksumBad() { return ipChecksumBad; }
    /** Marks the IPv4 header checksum wrong (Zeek drops such a packet before TCP sees it). */
    public void ipChecksumBad(boolean bad) { ipChecksumBad = bad; }
    /** A SYN's MSS option, or -1 (also for any other segment). */
    public int synMss() { return synMss; }
    /** A SYN's window scale shift as sent, from its last valid option (as a walk visits them), or -1. */
    public int synWindowScale() { return synWindowScale; }
    /** The same from its first (as {@link TcpOptions#windowScale} finds it), or -1. */
    public int synFirstWindowScale() { return synFirstWindowScale; }
    public boolean synSackPermitted() { return synSackPermitted; }
    public boolean synTimestamps() { return synTimestamps; }
    public long timeNanos() { return timeNanos; }
    public long frame() { return frame; }
    public int frameLength() { return frameLength; }
    public long sackDelivered() { return sackDelivered; }
}
