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

    /**
     * Unacknowledged segments, oldest first, in a ring (an ACK mostly frees the oldest: O(1)):
     * per segment its seq, next seq, frame and time side by side, so that a segment is one
     * cache line rather than four.
     */
    long[] seg = new long[4 * SEG];
    static final int SEG = 4;
    static final int NEXT = 1;
    static final int FRAME = 2;
    static final int TIME = 3;
    int segHead;
    int segments;

    /**
     * Back to a fresh direction, for a pooled connection. A ring grown past {@link #POOLED_RING}
     * segments is given up, so that a pool of idle connections holds no bulk transfer's ring.
     */
    void reset() {
        baseSeq = 0;
        baseSet = false;
        nextSeq = 0;
        nextSeqTime = 0;
        maxSeqToBeAcked = 0;
        window = -1;
        windowScale = -1;
        lastAck = 0;
        lastAckTime = 0;
        lastNonDupAckFrame = 0;
        dupAckCount = 0;
        lastSegmentFlags = 0;
        validBytesInFlight = true;
        sackDelivered = 0;
        if (seg.length > POOLED_RING * SEG) {
            seg = new long[4 * SEG];
        }
        // what the ring holds beyond its count is never read, so it is not cleared
        segHead = 0;
        segments = 0;
    }

    static final int POOLED_RING = 64;

    /** A field from each part of the object, for {@link Connection#warm()}. */
    long warm() {
        return baseSeq + sackDelivered + segments;
    }

    /** Array index of the {@code k}-th oldest unacknowledged segment's seq (NEXT, FRAME, TIME follow). */
    int at(int k) {
        return ((segHead + k) & (seg.length / SEG - 1)) * SEG;
    }

    void addSegment(long seq, long next, long frame, long time) {
        if (segments == seg.length / SEG) {
            long[] b = new long[seg.length * 2];
            for (int k = 0; k < segments; k++) {
                System.arraycopy(seg, at(k), b, k * SEG, SEG);
            }
            seg = b;
            segHead = 0;
        }
        int i = at(segments);
        seg[i] = seq;
        seg[i + NEXT] = next;
        seg[i + FRAME] = frame;
        seg[i + TIME] = time;
        segments++;
    }

    /** Removes the {@code k}-th oldest segment. */
    void removeSegment(int k) {
        if (k == 0) {
            segHead = (segHead + 1) & (seg.length / SEG - 1);
        } else {
            for (int j = k; j < segments - 1; j++) {
                System.arraycopy(seg, at(j + 1), seg, at(j), SEG);
            }
        }
        segments--;
    }
}
