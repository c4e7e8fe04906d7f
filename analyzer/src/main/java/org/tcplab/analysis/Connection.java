package org.tcplab.analysis;

/**
 * The analysis state of one TCP connection (one tshark stream): both directions' sequence state
 * and the handshake timing. Direction 0 sent the stream's first captured segment.
 */
public final class Connection {
    final Direction[] dirs = {new Direction(), new Direction()};
    /** Time of the most recent SYN without ACK, 0 when none. */
    long lastSynTime;
    /** Initial RTT (SYN to the first ACK after it), 0 until known. */
    long firstRttNanos;

    public long firstRttNanos() {
        return firstRttNanos;
    }

    /**
     * Runs the sequence analysis for a segment in direction {@code dir} (with its applied window
     * scales) and fills {@code v}.
     */
    public void analyse(int dir, long seq, long ack, int seglen, int flags, int window, int fwdScale, int revScale,
                        long baseFwd, long time, long frame, SequenceAnalysis.Verdict v) {
        Direction fwd = dirs[dir];
        Direction rev = dirs[1 - dir];
        fwd.windowScale = fwdScale;
        rev.windowScale = revScale;
        fwd.baseSeq = baseFwd;
        // the initial RTT: from the SYN to the first ACK that is not a SYN+ACK
        if ((flags & (SequenceAnalysis.SYN | SequenceAnalysis.ACK)) == SequenceAnalysis.SYN) {
            lastSynTime = time;
        } else if ((flags & (SequenceAnalysis.SYN | SequenceAnalysis.ACK)) == SequenceAnalysis.ACK
                && firstRttNanos == 0 && lastSynTime != 0) {
            firstRttNanos = Math.max(1, time - lastSynTime);
        }
        SequenceAnalysis.analyse(fwd, rev, seq, ack, seglen, flags, window, time, frame, firstRttNanos, v);
    }
}
