package org.tcplab.report;

import java.util.Arrays;

/**
 * The first position at or after {@code from} whose value is at least {@code threshold}, in
 * O(log n): a max tree over the values. What finds the ACK that covers each of a long
 * connection's segments without a scan per segment.
 */
final class FirstAtLeast {
    private final int size;
    private final long[] max;

    /** {@code values}: Long.MIN_VALUE where a position never matches. */
    FirstAtLeast(long[] values) {
        int s = 1;
        while (s < values.length) {
            s <<= 1;
        }
        size = s;
        max = new long[2 * s];
        Arrays.fill(max, Long.MIN_VALUE);
        System.arraycopy(values, 0, max, s, values.length);
        for (int i = s - 1; i >= 1; i--) {
            max[i] = Math.max(max[2 * i], max[2 * i + 1]);
        }
    }

    /** The first index >= from with value >= threshold, or -1. */
    int find(int from, long threshold) {
        if (from >= size) {
            return -1;
        }
        return find(1, 0, size, from, threshold);
    }

    private int find(int node, int lo, int hi, int from, long threshold) {
        if (hi <= from || max[node] < threshold) {
            return -1;
        }
        if (hi - lo == 1) {
            return lo;
        }
        int mid = (lo + hi) >>> 1;
        int left = find(2 * node, lo, mid, from, threshold);
        return left >= 0 ? left : find(2 * node + 1, mid, hi, from, threshold);
    }
}
