package org.tcplab.analysis;

import java.util.Arrays;

/**
 * What the sequence analysis remembers of one direction of a connection, tshark's
 * {@code tcp_analyze_seq_info}: the next expected sequence number (0 meaning none seen, as in
 * tshark), the highest contiguous one, the last ACK and window, duplicate-ACK counting, and the
 * segments not yet acknowledged (for ACK RTT and bytes in flight). Raw sequence numbers.
 */
final class Direction {
    /** tshark keeps at most this many unacknowledged segments per direction. */
    static final int MAX_UNACKED = 1000;

    long baseSeq;
    boolean baseSet;
    long nextSeq;
    long nextSeqTime;
    long nextSeqFrame;
    long maxSeqToBeAcked;
    int window = -1;
    int windowScale = -1;
    long lastAck;
    long lastAckTime;
    long lastNonDupAckFrame;
    int dupAckCount;
    int lastSegmentFlags;
    boolean validBytesInFlight;

    // unacknowledged segments, oldest first
    long[] segSeq = new long[0];
    long[] segNext = new long[0];
    long[] segFrame = new long[0];
    long[] segTime = new long[0];
    int segments;

    void addSegment(long seq, long next, long frame, long time) {
        if (segments == segSeq.length) {
            int n = Math.max(8, segments * 2);
            segSeq = Arrays.copyOf(segSeq, n);
            segNext = Arrays.copyOf(segNext, n);
            segFrame = Arrays.copyOf(segFrame, n);
            segTime = Arrays.copyOf(segTime, n);
        }
        segSeq[segments] = seq;
        segNext[segments] = next;
        segFrame[segments] = frame;
        segTime[segments] = time;
        segments++;
    }

    void removeSegment(int i) {
        int tail = segments - i - 1;
        if (tail > 0) {
            System.arraycopy(segSeq, i + 1, segSeq, i, tail);
            System.arraycopy(segNext, i + 1, segNext, i, tail);
            System.arraycopy(segFrame, i + 1, segFrame, i, tail);
            System.arraycopy(segTime, i + 1, segTime, i, tail);
        }
        segments--;
    }
}
