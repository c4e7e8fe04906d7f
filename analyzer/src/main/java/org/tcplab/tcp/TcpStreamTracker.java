package org.tcplab.tcp;

import static org.tcplab.wire.TcpFlags.ACK;
import static org.tcplab.wire.TcpFlags.SYN;

import java.util.Arrays;
import org.tcplab.decode.DecodedPacket;

/**
 * Numbers TCP streams and computes relative sequence numbers exactly as tshark does in one pass
 * with default preferences (epan/dissectors/packet-tcp.c):
 * <ul>
 * <li>a stream is an address/port pair; a SYN (without ACK) whose sequence number differs from the
 * ISN already known for that direction starts a new stream ("port numbers reused");</li>
 * <li>a SYN+ACK whose sequence number differs from its direction's base is also marked "ports
 * reused", in the same stream, and becomes that direction's base;</li>
 * <li>each direction's base is the ISN when its SYN is seen, else the first sequence number seen
 * minus one, so that data starts at 1; the other direction's base may come first from an
 * acknowledgement (ack - 1) when the capture starts mid-connection;</li>
 * <li>no relative numbers for a segment shorter than its own header;</li>
 * <li>a direction's windows are scaled by the shift its own SYN offered (capped at 14, RFC 7323
 * §2.3) once that SYN is seen, unless a SYN came without the option, which turns scaling off
 * both ways (§2.2).</li>
 * </ul>
 * State lives in flat arrays indexed by stream so the hot path allocates nothing; what a stream
 * keeps for the whole capture is its key in the flow table and 28 bytes here ({@link #bytes()}). The connection
 * analysis (states, verdicts, summaries) builds on this in {@code org.tcplab.analysis}.
 */
public final class TcpStreamTracker {
    private final FlowTable table = new FlowTable(1024);
    private int streams;
    /** Per stream: the base sequence number of direction 0 in the low 32 bits, of direction 1 in the high. */
    private long[] bases = new long[256];
    /**
     * Per stream, state bits: bit 0 the endpoints were swapped (relative to the table's canonical
     * order) in the stream's first segment; bits 1-2 base set for dir 0/1; then per direction five
     * bits of the scale offered in the SYN (+3 so that -2 "none" and -1 "not seen" fit) and five
     * of the scale applied (+3).
     */
    private int[] bits = new int[256];
    private static final int SWAPPED = 1;
    private static final int BASE_SET_0 = 2;
    private static final int OFFERED_SHIFT = 3;
    private static final int APPLIED_SHIFT = 13;
    private final TcpSegment copy = new TcpSegment();
    /** Per stream: capture time of its first and of its latest segment (tshark's tcp.time_relative, tcp.time_delta). */
    private long[] times = new long[256 * 2];

    public int streamCount() {
        return streams;
    }

    /** Bytes held for the whole capture, for every stream seen so far (the numbering tshark keeps). */
    public long bytes() {
        return table.bytes() + 8L * bases.length + 4L * bits.length + 8L * times.length;
    }

    /** Annotates a TCP segment without time or frame number. */
    public void annotate(DecodedPacket p, TcpAnnotation a) {
        copy.fill(p, 0, 0, 0);
        annotate(copy, a);
    }

    /** Annotates a segment copied by {@link TcpSegment#fill} or {@link TcpSegment#fillCommon}. */
    public void annotate(TcpSegment p, TcpAnnotation a) {
        a.reset();
        if (!p.tracked) {
            a.seq = p.seq;
            a.ack = p.ack;
            a.window = p.window;
            return;
        }
        int family = p.family;
        int flags = p.flags;
        int s = table.get(family, p.srcHi, p.srcLo, p.sport, p.dstHi, p.dstLo, p.dport);
        boolean swapped = table.lastLookupWasSwapped();
        if (s < 0) {
            s = newStream(swapped);
            table.put(family, p.srcHi, p.srcLo, p.sport, p.dstHi, p.dstLo, p.dport, s);
            a.newStream = true;
        }
        int dir = swapped == ((bits[s] & SWAPPED) != 0) ? 0 : 1;
        long seq = p.seq;
        if ((flags & (SYN | ACK)) == SYN && baseSet(s, dir) && seq != base(s, dir)) {
            s = newStream(swapped);
            dir = 0;
            table.put(family, p.srcHi, p.srcLo, p.sport, p.dstHi, p.dstLo, p.dport, s);
            a.newStream = true;
            a.portsReused = true;
        } else if ((flags & (SYN | ACK)) == (SYN | ACK) && baseSet(s, dir) && seq != base(s, dir)) {
            // tshark 4.0: a SYN+ACK whose seq is not its direction's base (an RST or data of that side
            // came first, or it answers anew with another ISN) says "ports reused" but stays in the
            // stream, and its seq becomes the base: the SYN+ACK shows seq=0
            setBase(s, dir, seq);
            a.portsReused = true;
        }
        a.hasStream = true;
        a.stream = s;
        a.direction = dir;
        if (a.newStream) {
            times[2 * s] = p.timeNanos;
            times[2 * s + 1] = p.timeNanos;
        }
        a.sinceStreamStart = p.timeNanos - times[2 * s];
        a.sinceStreamPrevious = p.timeNanos - times[2 * s + 1];
        times[2 * s + 1] = p.timeNanos;
        int rev = 1 - dir;
        if (!p.hasSegmentLength) {
            a.seq = seq;
            a.ack = p.ack;
            a.window = p.window;
            return;
        }
        int st = bits[s];
        if ((st & (BASE_SET_0 << dir)) == 0) {
            setBase(s, dir, (flags & SYN) != 0 ? seq : (seq - 1) & 0xFFFFFFFFL);
            st |= BASE_SET_0 << dir;
        }
        if ((st & (BASE_SET_0 << rev)) == 0 && (flags & ACK) != 0) {
            setBase(s, rev, (p.ack - 1) & 0xFFFFFFFFL);
            st |= BASE_SET_0 << rev;
        }
        bits[s] = st;
        long baseFwd = base(s, dir);
        a.relative = true;
        a.baseSeq = baseFwd;
        a.seq = (seq - baseFwd) & 0xFFFFFFFFL;
        a.ack = (flags & ACK) != 0 ? (p.ack - base(s, rev)) & 0xFFFFFFFFL : p.ack;
        if ((flags & SYN) != 0) {
            learnScale(p, s, dir);
        }
        int scale = field(bits[s], APPLIED_SHIFT, dir);
        a.windowScale = scale;
        a.peerWindowScale = field(bits[s], APPLIED_SHIFT, rev);
        // RFC 7323 §2.2: the window field of a SYN is never scaled.
        a.window = (flags & SYN) == 0 && scale >= 0 ? (long) p.window << scale : p.window;
    }

    private boolean baseSet(int s, int dir) {
        return (bits[s] & (BASE_SET_0 << dir)) != 0;
    }

    private long base(int s, int dir) {
        return (bases[s] >>> (32 * dir)) & 0xFFFFFFFFL;
    }

    private void setBase(int s, int dir, long seq) {
        int at = 32 * dir;
        bases[s] = (bases[s] & ~(0xFFFFFFFFL << at)) | (seq << at);
    }

    /** A signed per-direction five-bit field of the state bits (stored +3). */
    private static int field(int bits, int shift, int dir) {
        return ((bits >>> (shift + 5 * dir)) & 31) - 3;
    }

    private static int withField(int bits, int shift, int dir, int value) {
        int at = shift + 5 * dir;
        return (bits & ~(31 << at)) | ((value + 3) << at);
    }

    private void learnScale(TcpSegment p, int s, int dir) {
        int shift = p.synFirstWindowScale;
        int rev = 1 - dir;
        int bits = this.bits[s];
        int offered = shift < 0 ? TcpAnnotation.SCALE_NONE : Math.min(shift, TcpOptions.MAX_WINDOW_SCALE);
        bits = withField(bits, OFFERED_SHIFT, dir, offered);
        if (offered == TcpAnnotation.SCALE_NONE) {
            // RFC 7323 §2.2: a SYN without the option turns scaling off in both directions.
            bits = withField(bits, APPLIED_SHIFT, dir, TcpAnnotation.SCALE_NONE);
            bits = withField(bits, APPLIED_SHIFT, rev, TcpAnnotation.SCALE_NONE);
        } else if (field(bits, OFFERED_SHIFT, rev) != TcpAnnotation.SCALE_NONE) {
            // Like tshark, a side's own offer applies as soon as its SYN is seen, even when the
            // peer's SYN was not captured (a one-way capture, or one starting at the SYN+ACK).
            bits = withField(bits, APPLIED_SHIFT, dir, offered);
        }
        this.bits[s] = bits;
    }

    private int newStream(boolean swapped) {
        int s = streams++;
        if (s == bits.length) {
            bases = Arrays.copyOf(bases, s * 2);
            bits = Arrays.copyOf(bits, s * 2);
            times = Arrays.copyOf(times, s * 4);
        }
        int b = swapped ? SWAPPED : 0;
        b = withField(b, OFFERED_SHIFT, 0, -1);
        b = withField(b, OFFERED_SHIFT, 1, -1);
        b = withField(b, APPLIED_SHIFT, 0, TcpAnnotation.SCALE_UNKNOWN);
        b = withField(b, APPLIED_SHIFT, 1, TcpAnnotation.SCALE_UNKNOWN);
        bases[s] = 0;
        bits[s] = b;
        return s;
    }
}
