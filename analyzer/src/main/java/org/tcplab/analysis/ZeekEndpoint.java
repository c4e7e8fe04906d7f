package org.tcplab.analysis;

/**
 * What Zeek's TCP analyzer remembers of one endpoint (TCP_Endpoint), as far as conn_state and
 * history need it: its state, its sequence space (start, the highest sequence number sent and the
 * highest the peer acknowledged, each with its count of 32-bit wraps), its FINs and RSTs, the
 * last SYN, FIN and RST numbers the history letters compare with, the counters of the letters
 * written at 1, 10, 100 … occurrences, and which of its payload bytes the reassembler holds, so
 * that an acknowledgement past bytes never seen counts as a content gap.
 * {@link Endpoint} extends it so that both views of an endpoint share one object (one cache miss
 * per packet instead of two, on a capture of many interleaved connections: measured in the README).
 */
class ZeekEndpoint {
    ZeekState zeekState = ZeekState.INACTIVE;
    ZeekState zeekPrevState = ZeekState.INACTIVE;
    /** The initial sequence number, signed 64-bit (Zeek's start_seq: an ISN - 1 may wrap below 0). */
    long start;
    /** One past the highest sequence number this endpoint sent, 32-bit, and its wraps. */
    long lastSeq;
    int seqWraps;
    /** The highest acknowledgement the peer sent for this endpoint's data, 32-bit, and its wraps. */
    long ackSeq;
    int ackWraps;
    int finCount;
    int rstCount;
    /** Relative sequence number just past this endpoint's FIN. */
    long zeekFinSeq;
    long histLastSyn;
    long histLastFin;
    long histLastRst;
    /** Occurrences of the scaled letters C, T, W, G (written at 1, 10, 100 …). */
    int checksumCount;
    int retransmitCount;
    int zeroWindowCount;
    int gapCount;

    // The reassembler of this endpoint's payload (TCP_Reassembler): relative sequence numbers.
    /** Everything below has been delivered or skipped. */
    long lastReassembled = 1;
    /** Acknowledged data below this is forgotten. */
    long trimSeq = 1;
    /** Payload held above a hole, as sorted disjoint [from, to) pairs; allocated on the first hole. */
    private long[] held;
    private int heldCount;

    /** Back to a fresh endpoint, for a pooled connection; a grown block list is given up. */
    void reset() {
        zeekState = ZeekState.INACTIVE;
        zeekPrevState = ZeekState.INACTIVE;
        start = 0;
        lastSeq = 0;
        seqWraps = 0;
        ackSeq = 0;
        ackWraps = 0;
        finCount = 0;
        rstCount = 0;
        zeekFinSeq = 0;
        histLastSyn = 0;
        histLastFin = 0;
        histLastRst = 0;
        checksumCount = 0;
        retransmitCount = 0;
        zeroWindowCount = 0;
        gapCount = 0;
        lastReassembled = 1;
        trimSeq = 1;
        held = null;
        heldCount = 0;
    }

    void setZeekState(ZeekState s) {
        if (s != zeekState) {
            zeekPrevState = zeekState;
            zeekState = s;
        }
    }

    void initStartSeq(long seq) {
        start = seq;
    }

    void updateLastSeq(long seq) {
        if (seq < lastSeq) {
            seqWraps++;
        }
        lastSeq = seq;
    }

    void updateAckSeq(long seq) {
        if (seq < ackSeq) {
            ackWraps++;
        }
        ackSeq = seq;
    }

    long full(long seq, int wraps) {
        return ((long) wraps << 32) + seq;
    }

    /** True when the peer acknowledged nothing beyond this endpoint's SYN. */
    boolean noDataAcked() {
        long ack = full(ackSeq, ackWraps);
        return ack == start || ack == start + 1;
    }

    /** The bytes this endpoint sent by sequence numbers (Zeek's size: orig_bytes, resp_bytes). */
    long size(ZeekEndpoint peer) {
        if (zeekPrevState == ZeekState.SYN_SENT && zeekState == ZeekState.RESET && peer.zeekState == ZeekState.INACTIVE
                && !noDataAcked()) {
            // a half-open connection found and aborted: its numbers mean nothing
            return 0;
        }
        long last = full(lastSeq, seqWraps);
        long ack = full(ackSeq, ackWraps);
        long size = Long.compareUnsigned(last, ack) > 0 ? last - start : ack - start;
        if (size != 0) {
            size--; // the SYN's octet, also for a partial connection (its start is first seq - 1)
        }
        if (finCount > 0 && size != 0) {
            size--; // the FIN's octet
        }
        return size;
    }

    /**
     * Payload {@code [seq, seq + len)} sent (TCP_Reassembler::DataSent): data the peer already
     * acknowledged is dropped, data at the delivery point is delivered with whatever it joins, and
     * data above a hole is held.
     */
    void dataSent(long seq, int len) {
        long ack = full(ackSeq, ackWraps) - start;
        long upper = seq + len;
        if (Long.compareUnsigned(seq, ack) < 0) {
            if (Long.compareUnsigned(upper, ack) <= 0) {
                return;
            }
            seq = ack;
        }
        if (Long.compareUnsigned(upper, trimSeq) <= 0) {
            return;
        }
        if (Long.compareUnsigned(seq, trimSeq) < 0) {
            seq = trimSeq;
        }
        if (Long.compareUnsigned(seq, lastReassembled) <= 0) {
            if (Long.compareUnsigned(upper, lastReassembled) > 0) {
                lastReassembled = upper;
                if (heldCount > 0) {
                    deliverHeld();
                }
            }
        } else {
            hold(seq, upper);
        }
    }

    /**
     * The peer acknowledged up to {@code seq} (TCP_Reassembler::AckReceived): each hole below it
     * is a content gap (Zeek counts it when both endpoints are established or cleanly closing); a
     * partial connection's first acknowledgement (up to 2) is not taken as a gap, because its
     * start was made up.
     *
     * @return the gaps found
     */
    int ackReceived(long seq, boolean partialConnection) {
        if (finCount > 0 && Long.compareUnsigned(seq, zeekFinSeq) >= 0) {
            seq = zeekFinSeq - 1;
        }
        if (Long.compareUnsigned(seq, trimSeq) <= 0) {
            return 0;
        }
        int gaps = 0;
        if (Long.compareUnsigned(seq, lastReassembled) > 0 && !(Long.compareUnsigned(seq, 2) <= 0 && partialConnection)) {
            while (heldCount > 0 && Long.compareUnsigned(held[0], seq) < 0) {
                gaps++;
                lastReassembled = held[0];
                deliverHeld();
            }
            if (Long.compareUnsigned(seq, lastReassembled) > 0) {
                gaps++;
                lastReassembled = seq;
            }
        }
        // what lies wholly below the acknowledgement is forgotten
        while (heldCount > 0 && Long.compareUnsigned(held[1], seq) <= 0) {
            removeFirst();
        }
        if (heldCount > 0 && held[0] == lastReassembled) {
            deliverHeld();
        }
        trimSeq = seq;
        return gaps;
    }

    /** Delivers the held blocks the delivery point has reached. */
    private void deliverHeld() {
        while (heldCount > 0 && Long.compareUnsigned(held[0], lastReassembled) <= 0) {
            if (Long.compareUnsigned(held[1], lastReassembled) > 0) {
                lastReassembled = held[1];
            }
            removeFirst();
        }
    }

    private void hold(long from, long to) {
        if (held == null) {
            held = new long[8];
        }
        int i = 0;
        while (i < heldCount && Long.compareUnsigned(held[2 * i + 1], from) < 0) {
            i++;
        }
        // merge with every block it overlaps or touches
        int j = i;
        while (j < heldCount && Long.compareUnsigned(held[2 * j], to) <= 0) {
            if (Long.compareUnsigned(held[2 * j], from) < 0) {
                from = held[2 * j];
            }
            if (Long.compareUnsigned(held[2 * j + 1], to) > 0) {
                to = held[2 * j + 1];
            }
            j++;
        }
        int removed = j - i;
        // as many blocks as there are holes, as Zeek's block list holds them
        if (removed == 0 && 2 * (heldCount + 1) > held.length) {
            held = java.util.Arrays.copyOf(held, held.length * 2);
        }
        int tail = heldCount - j;
        System.arraycopy(held, 2 * j, held, 2 * (i + 1), 2 * tail);
        held[2 * i] = from;
        held[2 * i + 1] = to;
        heldCount += 1 - removed;
    }

    int heldCount() {
        return heldCount;
    }

    private void removeFirst() {
        heldCount--;
        System.arraycopy(held, 2, held, 0, 2 * heldCount);
    }
}
