package org.tcplab.tcp;

import java.util.Arrays;
import org.tcplab.decode.DecodedPacket;

/**
 * Numbers TCP streams and computes relative sequence numbers exactly as tshark does in one pass
 * with default preferences (epan/dissectors/packet-tcp.c):
 * <ul>
 * <li>a stream is an address/port pair; a SYN (without ACK) whose sequence number differs from the
 * ISN already known for that direction starts a new stream ("port numbers reused");</li>
 * <li>each direction's base is the ISN when its SYN is seen, else the first sequence number seen
 * minus one, so that data starts at 1; the other direction's base may come first from an
 * acknowledgement (ack - 1) when the capture starts mid-connection;</li>
 * <li>no relative numbers for a segment shorter than its own header;</li>
 * <li>windows are scaled only when both SYNs carried a window scale option (RFC 7323 §2.2), with
 * shifts above 14 taken as 14 (§2.3).</li>
 * </ul>
 * State lives in flat arrays indexed by stream so the hot path allocates nothing.
 */
public final class TcpStreamTracker {
    static final int SYN = 0x002;
    static final int ACK = 0x010;

    private final FlowTable table = new FlowTable(1024);
    private int streams;
    /** Per stream: were the endpoints swapped, relative to the table's canonical order, in the first segment? */
    private boolean[] firstSwapped = new boolean[256];
    /** Per stream and direction (index 2*stream + dir). */
    private long[] base = new long[512];
    private boolean[] baseSet = new boolean[512];
    /** Window scale shift offered in this direction's SYN, -1 none seen yet, -2 SYN had none. */
    private byte[] offeredScale = new byte[512];
    /** Applied scale per direction: SCALE_UNKNOWN, SCALE_NONE, or the shift. */
    private byte[] scale = new byte[512];

    public int streamCount() {
        return streams;
    }

    /** Annotates a TCP segment; a no-op (no stream) when too little of the header was captured. */
    public void annotate(DecodedPacket p, TcpAnnotation a) {
        a.reset();
        // tshark assigns the stream after reading ports, seq, ack, offset, flags and window.
        if (!p.isTcp() || p.tcpFieldsCaptured() < 16) {
            a.seq = p.seq();
            a.ack = p.ack();
            a.window = p.window();
            return;
        }
        int family = p.ipVersion();
        int flags = p.tcpFlags();
        int s = table.get(family, p.srcHi(), p.srcLo(), p.sport(), p.dstHi(), p.dstLo(), p.dport());
        boolean swapped = table.lastLookupWasSwapped();
        if (s < 0) {
            s = newStream(swapped);
            table.put(family, p.srcHi(), p.srcLo(), p.sport(), p.dstHi(), p.dstLo(), p.dport(), s);
            a.newStream = true;
        }
        int dir = swapped == firstSwapped[s] ? 0 : 1;
        long seq = p.seq();
        if ((flags & (SYN | ACK)) == SYN && baseSet[2 * s + dir] && seq != base[2 * s + dir]) {
            s = newStream(swapped);
            dir = 0;
            table.put(family, p.srcHi(), p.srcLo(), p.sport(), p.dstHi(), p.dstLo(), p.dport(), s);
            a.newStream = true;
            a.portsReused = true;
        }
        a.hasStream = true;
        a.stream = s;
        a.direction = dir;
        int fwd = 2 * s + dir;
        int rev = 2 * s + (1 - dir);
        if (!p.hasSegmentLength()) {
            a.seq = seq;
            a.ack = p.ack();
            a.window = p.window();
            return;
        }
        if (!baseSet[fwd]) {
            base[fwd] = (flags & SYN) != 0 ? seq : (seq - 1) & 0xFFFFFFFFL;
            baseSet[fwd] = true;
        }
        if (!baseSet[rev] && (flags & ACK) != 0) {
            base[rev] = (p.ack() - 1) & 0xFFFFFFFFL;
            baseSet[rev] = true;
        }
        a.relative = true;
        a.seq = (seq - base[fwd]) & 0xFFFFFFFFL;
        a.ack = (flags & ACK) != 0 ? (p.ack() - base[rev]) & 0xFFFFFFFFL : p.ack();
        if ((flags & SYN) != 0) {
            learnScale(p, flags, fwd, rev);
        }
        a.windowScale = scale[fwd];
        // RFC 7323 §2.2: the window field of a SYN is never scaled.
        a.window = (flags & SYN) == 0 && scale[fwd] >= 0 ? (long) p.window() << scale[fwd] : p.window();
    }

    private void learnScale(DecodedPacket p, int flags, int fwd, int rev) {
        byte[] b = p.l4Data();
        int from = p.l4Offset() + 20;
        int to = Math.min(p.l4Offset() + p.tcpHeaderLength(), p.l4Offset() + p.l4Captured());
        int shift = TcpOptions.windowScale(b, from, to);
        offeredScale[fwd] = (byte) (shift < 0 ? -2 : Math.min(shift, TcpOptions.MAX_WINDOW_SCALE));
        if ((flags & ACK) != 0 && offeredScale[rev] != -1) {
            // SYN+ACK after a SYN: both offers are known (RFC 7323 §2.2).
            if (offeredScale[fwd] >= 0 && offeredScale[rev] >= 0) {
                scale[fwd] = offeredScale[fwd];
                scale[rev] = offeredScale[rev];
            } else {
                scale[fwd] = TcpAnnotation.SCALE_NONE;
                scale[rev] = TcpAnnotation.SCALE_NONE;
            }
        }
    }

    private int newStream(boolean swapped) {
        int s = streams++;
        if (s >= firstSwapped.length) {
            int n = firstSwapped.length * 2;
            firstSwapped = Arrays.copyOf(firstSwapped, n);
            base = Arrays.copyOf(base, 2 * n);
            baseSet = Arrays.copyOf(baseSet, 2 * n);
            offeredScale = Arrays.copyOf(offeredScale, 2 * n);
            scale = Arrays.copyOf(scale, 2 * n);
        }
        firstSwapped[s] = swapped;
        offeredScale[2 * s] = -1;
        offeredScale[2 * s + 1] = -1;
        scale[2 * s] = TcpAnnotation.SCALE_UNKNOWN;
        scale[2 * s + 1] = TcpAnnotation.SCALE_UNKNOWN;
        return s;
    }
}
