package org.tcplab.analysis;


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
    long maxSeqToBeAcked;
    int window = -1;
    int windowScale = -1;
    long lastAck;
    long lastAckTime;
    long lastNonDupAckFrame;
    int dupAckCount;
    int lastSegmentFlags;
    /** tshark starts both directions valid (packet-tcp.c, init_tcp_conversation_data). */
    boolean validBytesInFlight = true;
    /** What this direction's latest segment's SACK blocks cover (TcpOptions.sackDelivered). */
    long sackDelivered;

    // unacknowledged segments, oldest first, in a ring (an ACK mostly frees the oldest: O(1))
    long[] segSeq = new long[4];
    long[] segNext = new long[4];
    long[] segFrame = new long[4];
    long[] segTime = new long[4];
    int segHead;
    int segments;

    /** Array index of the {@code k}-th oldest unacknowledged segment. */
    int at(int k) {
        return (segHead + k) & (segSeq.length - 1);
    }

    void addSegment(long seq, long next, long frame, long time) {
        if (segments == segSeq.length) {
            int n = segSeq.length * 2;
            segSeq = unroll(segSeq, n);
            segNext = unroll(segNext, n);
            segFrame = unroll(segFrame, n);
            segTime = unroll(segTime, n);
            segHead = 0;
        }
        int i = at(segments);
        segSeq[i] = seq;
        segNext[i] = next;
        segFrame[i] = frame;
        segTime[i] = time;
        segments++;
    }

    private long[] unroll(long[] a, int n) {
        long[] b = new long[n];
        for (int k = 0; k < segments; k++) {
            b[k] = a[(segHead + k) & (a.length - 1)];
        }
        return b;
    }

    /** Removes the {@code k}-th oldest segment. */
    void removeSegment(int k) {
        if (k == 0) {
            segHead = (segHead + 1) & (segSeq.length - 1);
        } else {
            for (int j = k; j < segments - 1; j++) {
                int to = at(j);
                int from = at(j + 1);
                segSeq[to] = segSeq[from];
                segNext[to] = segNext[from];
                segFrame[to] = segFrame[from];
                segTime[to] = segTime[from];
            }
        }
        segments--;
    }
}
