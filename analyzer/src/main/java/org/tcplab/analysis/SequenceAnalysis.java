package org.tcplab.analysis;

import static org.tcplab.analysis.AnalysisFlag.*;
import static org.tcplab.wire.TcpFlags.ACK;
import static org.tcplab.wire.TcpFlags.FIN;
import static org.tcplab.wire.TcpFlags.RST;
import static org.tcplab.wire.TcpFlags.SYN;

/**
 * Wireshark's TCP sequence analysis (epan/dissectors/packet-tcp.c, tcp_analyze_sequence_number,
 * as in 4.0), one segment at a time in capture order. The checks run in Wireshark's order and
 * some end the checking early, so which verdict wins is the same as in tshark. Sequence numbers
 * are raw and compared modulo 2^32 (RFC 9293 §3.4).
 */
public final class SequenceAnalysis {
    /** Out-of-order threshold when the initial RTT is unknown: 3 ms. */
    static final long DEFAULT_OOO_NANOS = 3_000_000L;
    /** A fast retransmission follows the duplicate ACK within 20 ms. */
    static final long FAST_RETRANSMISSION_NANOS = 20_000_000L;

    private SequenceAnalysis() {
    }

    /** Result fields for one segment, filled in place. */
    public static final class Verdict {
        public int flags;
        public int dupAckNumber;
        public long dupAckFrame;
        public long ackedFrame = -1;
        public long ackRttNanos = -1;
        public long bytesInFlight = -1;
        /**
         * tshark keeps an analysis record for this segment (a verdict, an acknowledged frame, or
         * data whose bytes in flight it counted): only then does it show the SEQ/ACK analysis and the iRTT.
         */
        public boolean recorded;

        public void copyFrom(Verdict o) {
            flags = o.flags;
            dupAckNumber = o.dupAckNumber;
            dupAckFrame = o.dupAckFrame;
            ackedFrame = o.ackedFrame;
            ackRttNanos = o.ackRttNanos;
            bytesInFlight = o.bytesInFlight;
            recorded = o.recorded;
        }

        public void reset() {
            flags = 0;
            dupAckNumber = 0;
            dupAckFrame = 0;
            ackedFrame = -1;
            ackRttNanos = -1;
            bytesInFlight = -1;
            recorded = false;
        }
    }

    static boolean gt(long a, long b) {
        return (int) (a - b) > 0;
    }

    static boolean lt(long a, long b) {
        return (int) (a - b) < 0;
    }

    static boolean le(long a, long b) {
        return (int) (a - b) <= 0;
    }

    static long u32(long v) {
        return v & 0xFFFFFFFFL;
    }

    /**
     * Analyses one segment sent by {@code fwd} (the other direction is {@code rev}).
     *
     * @param window the raw window field
     */
    static void analyse(Direction fwd, Direction rev, long seq, long ack, int seglen, int flags, int window,
                        long time, long frame, long firstRttNanos, long sackDelivered, Verdict v) {
        v.reset();
        int f = 0;
        boolean ackSet = (flags & ACK) != 0;
        if (ackSet) {
            rev.validBytesInFlight = true;
        }
        boolean done = false;
        // ZERO WINDOW PROBE: exactly one byte at the next expected seq while the peer's window is 0
        if (seglen == 1 && seq == fwd.nextSeq && rev.window == 0) {
            f |= ZERO_WINDOW_PROBE.bit();
            done = true;
        }
        if (!done) {
            // ZERO WINDOW
            if (window == 0 && (flags & (RST | FIN | SYN)) == 0) {
                f |= ZERO_WINDOW.bit();
            }
            // LOST SEGMENT: beyond the next expected seq; RSTs are not checked
            if (fwd.nextSeq != 0 && gt(seq, fwd.nextSeq) && (flags & RST) == 0) {
                f |= LOST_SEGMENT.bit();
                fwd.validBytesInFlight = false;
            }
            // KEEP ALIVE: 0 or 1 byte at one below the next expected seq
            if ((seglen == 0 || seglen == 1) && seq == u32(fwd.nextSeq - 1) && (flags & (SYN | FIN | RST)) == 0) {
                f |= KEEP_ALIVE.bit();
            }
            // WINDOW UPDATE: no data, same seq and ack, a new non-zero window
            if (seglen == 0 && window != 0 && window != fwd.window && seq == fwd.nextSeq && ack == fwd.lastAck
                    && (flags & (SYN | FIN | RST)) == 0) {
                f |= WINDOW_UPDATE.bit();
            }
            // WINDOW FULL: data up to the edge of the peer's window (known scale only)
            if (seglen > 0 && rev.windowScale != -1
                    && u32(seq + seglen) == u32(rev.lastAck + ((long) rev.window << (rev.windowScale == -2 ? 0 : rev.windowScale)))
                    && (flags & (SYN | FIN | RST)) == 0) {
                f |= WINDOW_FULL.bit();
            }
            boolean sameAsBefore = seglen == 0 && window == fwd.window && seq == fwd.nextSeq && ack == fwd.lastAck
                    && (flags & (SYN | FIN | RST)) == 0;
            // KEEP ALIVE ACK
            if (sameAsBefore && window != 0 && KEEP_ALIVE.in(rev.lastSegmentFlags)) {
                f |= KEEP_ALIVE_ACK.bit();
                done = true;
            } else if (sameAsBefore && window == 0 && ZERO_WINDOW_PROBE.in(rev.lastSegmentFlags)) {
                // ZERO WINDOW PROBE ACK
                f |= ZERO_WINDOW_PROBE_ACK.bit();
                done = true;
            } else if (sameAsBefore && window != 0) {
                // DUPLICATE ACK (after an unseen-segment mark of -1, the first again)
                fwd.dupAckCount = fwd.dupAckCount == -1 ? 1 : fwd.dupAckCount + 1;
                f |= DUPLICATE_ACK.bit();
                v.dupAckNumber = fwd.dupAckCount;
                v.dupAckFrame = fwd.lastNonDupAckFrame;
            }
        }
        // finished_fwd: a new ack number resets duplicate counting
        if (ack != fwd.lastAck) {
            fwd.lastNonDupAckFrame = frame;
            fwd.dupAckCount = 0;
        }
        // ACKED LOST SEGMENT: acknowledges beyond what was seen the other way. tshark 4.0 says so
        // once, then again only when the other side's next seq has moved on, or while that side
        // has sent no duplicate ACK (the peer stalled with pure ACKs); either way it keeps a record
        boolean recordedByAck = false;
        if (rev.maxSeqToBeAcked != 0 && gt(ack, rev.maxSeqToBeAcked) && ackSet) {
            recordedByAck = true;
            if (lt(rev.maxSeqToBeAcked, rev.nextSeq)) {
                rev.maxSeqToBeAcked = rev.nextSeq;
                f |= ACK_LOST_SEGMENT.bit();
            } else {
                if (rev.dupAckCount == 0) {
                    f |= ACK_LOST_SEGMENT.bit();
                }
                // tshark's mark: that side's next duplicate ACK counts as the first (case -1 in packet-tcp.c)
                rev.dupAckCount = -1;
            }
        }
        // RETRANSMISSION / FAST RETRANSMISSION / OUT-OF-ORDER / SPURIOUS, for data, SYN or FIN
        if ((seglen > 0 || (flags & (SYN | FIN)) != 0) && !KEEP_ALIVE.in(f)) {
            boolean seqNotAdvanced = fwd.nextSeq != 0 && lt(seq, fwd.nextSeq);
            // a segment that starts one below nextseq but carries more than a byte adds new data
            // (after a zero window probe): not a retransmission
            if (seglen > 1 && u32(fwd.nextSeq - 1) == seq) {
                seqNotAdvanced = false;
            }
            long sinceDupAck = time - rev.lastAckTime;
            long sinceHighest = time - fwd.nextSeqTime;
            long oooThreshold = firstRttNanos > 0 ? firstRttNanos : DEFAULT_OOO_NANOS;
            if (seglen > 0 && rev.lastAck != 0 && le(u32(seq + seglen), rev.lastAck)) {
                // data the receiver had already acknowledged: checked first, as tshark does
                f |= SPURIOUS_RETRANSMISSION.bit() | RETRANSMISSION.bit();
            } else if (!seqNotAdvanced) {
                // new data: none of these
            } else if (rev.dupAckCount >= 2 && rev.lastAck == seq && sinceDupAck < FAST_RETRANSMISSION_NANOS) {
                f |= FAST_RETRANSMISSION.bit() | RETRANSMISSION.bit();
            } else if (sinceHighest < oooThreshold
                    && fwd.nextSeq != u32(seq + seglen + ((flags & (SYN | FIN)) != 0 ? 1 : 0))) {
                // a copy of the latest segment (SYN and FIN count one) is a retransmission, not out of order
                f |= OUT_OF_ORDER.bit();
            } else {
                f |= RETRANSMISSION.bit();
            }
        }
        // remember this segment
        long next = u32(seq + seglen);
        if (seglen > 0 || (flags & (SYN | FIN)) != 0) {
            if ((flags & (SYN | FIN)) != 0) {
                next = u32(next + 1);
            }
            if (fwd.segments < Direction.MAX_UNACKED) {
                fwd.addSegment(seq, next, frame, time);
            }
        }
        boolean probe = ZERO_WINDOW_PROBE.in(f);
        if (gt(next, fwd.nextSeq) || fwd.nextSeq == 0) {
            if (!probe) {
                fwd.nextSeq = next;
                fwd.nextSeqTime = time;
            }
        }
        if (seq == fwd.maxSeqToBeAcked || fwd.maxSeqToBeAcked == 0) {
            if (!probe) {
                fwd.maxSeqToBeAcked = fwd.nextSeq;
            }
        }
        fwd.window = window;
        fwd.lastAck = ack;
        fwd.lastAckTime = time;
        fwd.lastSegmentFlags = f;
        // segments of the other direction this ACK covers: ACK RTT, then forget them
        if (ackSet) {
            int k = 0;
            while (k < rev.segments) {
                int i = rev.at(k);
                long sNext = rev.seg[i + Direction.NEXT];
                if (ack == sNext) {
                    // tshark walks its list newest first and keeps the last match: the oldest
                    // transmission (a retransmission's ACK times the original, as tshark does)
                    if (v.ackedFrame < 0) {
                        v.ackedFrame = rev.seg[i + Direction.FRAME];
                        v.ackRttNanos = time - rev.seg[i + Direction.TIME];
                    }
                } else if (gt(ack, rev.seg[i]) && le(ack, sNext)) {
                    rev.seg[i] = ack; // partly acknowledged
                    k++;
                    continue;
                } else if (gt(sNext, ack)) {
                    k++;
                    continue;
                }
                rev.removeSegment(k);
            }
        }
        // bytes in flight after this segment, less what the receiver's latest SACK blocks hold
        boolean counted = false;
        if (seglen != 0 && fwd.segments > 0 && fwd.validBytesInFlight) {
            counted = true;
            long base = fwd.baseSeq;
            int i0 = fwd.at(0);
            long first = u32(fwd.seg[i0] - base);
            long last = u32(fwd.seg[i0 + Direction.NEXT] - base);
            for (int k = 1; k < fwd.segments; k++) {
                int i = fwd.at(k);
                last = Math.max(last, u32(fwd.seg[i + Direction.NEXT] - base));
                first = Math.min(first, u32(fwd.seg[i] - base));
            }
            long inFlight = u32(last - first - rev.sackDelivered);
            if (inFlight > 0 && inFlight < 2_000_000_000L) {
                // a SYN or FIN counts one sequence number but no byte
                inFlight -= (flags & (SYN | FIN)) != 0 ? 1 : 0;
                if (inFlight > 0) {
                    v.bytesInFlight = inFlight;
                }
            }
        }
        fwd.sackDelivered = sackDelivered;
        v.flags = f;
        v.recorded = f != 0 || v.ackedFrame >= 0 || counted || recordedByAck;
    }
}
