package org.tcplab.analysis;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Connections by the capture time at which they become due for retirement, soonest first, so
 * that a sweep touches only what is due however many connections are open. An entry names its
 * stream and the serial number of the connection object it was made for; the tracker skips an
 * entry whose connection has since been freed, and adds one again when a due time has moved.
 *
 * <p>Capture time mostly grows, so most entries arrive in due order: those go to a ring, O(1)
 * each. One that arrives earlier than the ring's last (a due time that moved, a capture whose
 * clock steps back) goes to a binary heap beside it. Entries of freed connections are dropped
 * when they come due, or by {@link #compact} when they outnumber the open connections.
 */
final class RetirementQueue {
    private long[] ringDue = new long[64];
    /** stream << 32 | serial. */
    private long[] ringRef = new long[64];
    private int ringHead;
    private int ringCount;
    private long[] heapDue = new long[16];
    private long[] heapRef = new long[16];
    private int heapCount;

    int size() {
        return ringCount + heapCount;
    }

    void add(long dueNanos, int stream, int serial) {
        long r = (long) stream << 32 | (serial & 0xFFFFFFFFL);
        int mask = ringDue.length - 1;
        if (ringCount == 0 || dueNanos >= ringDue[(ringHead + ringCount - 1) & mask]) {
            if (ringCount == ringDue.length) {
                growRing();
                mask = ringDue.length - 1;
            }
            int at = (ringHead + ringCount++) & mask;
            ringDue[at] = dueNanos;
            ringRef[at] = r;
        } else {
            heapAdd(dueNanos, r);
        }
    }

    /** True when the soonest entry is due strictly before {@code now}. */
    boolean hasDueBefore(long now) {
        return (ringCount > 0 && ringDue[ringHead] < now) || (heapCount > 0 && heapDue[0] < now);
    }

    /** Removes the soonest entry; returns its stream << 32 | serial. */
    long poll() {
        if (heapCount == 0 || (ringCount > 0 && ringDue[ringHead] <= heapDue[0])) {
            long r = ringRef[ringHead];
            ringHead = (ringHead + 1) & (ringDue.length - 1);
            ringCount--;
            return r;
        }
        return heapPoll();
    }

    /** Drops every entry whose stream {@code live} rejects (a freed connection), keeping the order. */
    void compact(IntPredicate live) {
        int mask = ringDue.length - 1;
        int kept = 0;
        for (int i = 0; i < ringCount; i++) {
            int from = (ringHead + i) & mask;
            if (live.test(stream(ringRef[from]))) {
                int to = (ringHead + kept++) & mask;
                ringDue[to] = ringDue[from];
                ringRef[to] = ringRef[from];
            }
        }
        ringCount = kept;
        long[] d = Arrays.copyOf(heapDue, heapCount);
        long[] r = Arrays.copyOf(heapRef, heapCount);
        heapCount = 0;
        for (int i = 0; i < d.length; i++) {
            if (live.test(stream(r[i]))) {
                heapAdd(d[i], r[i]);
            }
        }
    }

    static int stream(long ref) {
        return (int) (ref >>> 32);
    }

    static int serial(long ref) {
        return (int) ref;
    }

    private void growRing() {
        int n = ringDue.length;
        long[] d = new long[n * 2];
        long[] r = new long[n * 2];
        for (int i = 0; i < ringCount; i++) {
            d[i] = ringDue[(ringHead + i) & (n - 1)];
            r[i] = ringRef[(ringHead + i) & (n - 1)];
        }
        ringDue = d;
        ringRef = r;
        ringHead = 0;
    }

    private void heapAdd(long due, long ref) {
        if (heapCount == heapDue.length) {
            heapDue = Arrays.copyOf(heapDue, heapCount * 2);
            heapRef = Arrays.copyOf(heapRef, heapCount * 2);
        }
        int i = heapCount++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapDue[parent] <= due) {
                break;
            }
            heapDue[i] = heapDue[parent];
            heapRef[i] = heapRef[parent];
            i = parent;
        }
        heapDue[i] = due;
        heapRef[i] = ref;
    }

    private long heapPoll() {
        long top = heapRef[0];
        int n = --heapCount;
        long d = heapDue[n];
        long r = heapRef[n];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && heapDue[child + 1] < heapDue[child]) {
                child++;
            }
            if (heapDue[child] >= d) {
                break;
            }
            heapDue[i] = heapDue[child];
            heapRef[i] = heapRef[child];
            i = child;
        }
        heapDue[i] = d;
        heapRef[i] = r;
        return top;
    }
}
