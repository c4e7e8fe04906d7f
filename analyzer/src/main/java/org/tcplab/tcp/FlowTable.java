package org.tcplab.tcp;

import java.util.Arrays;

/**
 * Open-addressing map from an unordered address/port pair to an int, with keys kept in flat long
 * arrays so that lookups allocate nothing. Both directions of a flow find the same entry; the
 * caller learns which direction it looked up from {@link #lastLookupWasSwapped()}.
 */
public final class FlowTable {
    private static final int STRIDE = 5;
    private long[] keys;
    private int[] values;
    private boolean[] used;
    private int size;
    private int mask;
    private boolean swapped;
    private final long[] probe = new long[STRIDE];

    public FlowTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[cap * STRIDE];
        values = new int[cap];
        used = new boolean[cap];
        mask = cap - 1;
    }

    public int size() {
        return size;
    }

    /** True when the last {@link #get}/{@link #put} saw the endpoints in the stored order reversed. */
    public boolean lastLookupWasSwapped() {
        return swapped;
    }

    /** Value for the flow, or -1. */
    public int get(int family, long srcHi, long srcLo, int sport, long dstHi, long dstLo, int dport) {
        canonical(family, srcHi, srcLo, sport, dstHi, dstLo, dport);
        int slot = find();
        return slot >= 0 && used[slot] ? values[slot] : -1;
    }

    /** Sets the value for the flow (after {@link #get} with the same flow, or standalone). */
    public void put(int family, long srcHi, long srcLo, int sport, long dstHi, long dstLo, int dport, int value) {
        canonical(family, srcHi, srcLo, sport, dstHi, dstLo, dport);
        int slot = find();
        if (!used[slot]) {
            used[slot] = true;
            System.arraycopy(probe, 0, keys, slot * STRIDE, STRIDE);
            size++;
        }
        values[slot] = value;
        if (size * 2 > values.length) {
            grow();
        }
    }

    private void canonical(int family, long srcHi, long srcLo, int sport, long dstHi, long dstLo, int dport) {
        int c = Long.compareUnsigned(srcHi, dstHi);
        if (c == 0) {
            c = Long.compareUnsigned(srcLo, dstLo);
        }
        if (c == 0) {
            c = Integer.compare(sport, dport);
        }
        swapped = c > 0;
        long[] k = probe;
        if (!swapped) {
            k[0] = srcHi;
            k[1] = srcLo;
            k[2] = dstHi;
            k[3] = dstLo;
            k[4] = ((long) family << 32) | ((long) sport << 16) | dport;
        } else {
            k[0] = dstHi;
            k[1] = dstLo;
            k[2] = srcHi;
            k[3] = srcLo;
            k[4] = ((long) family << 32) | ((long) dport << 16) | sport;
        }
    }

    private int hash(long[] k, int base) {
        long h = k[base] * 0x9E3779B97F4A7C15L;
        h = (h ^ k[base + 1]) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ k[base + 2]) * 0x9E3779B97F4A7C15L;
        h = (h ^ k[base + 3]) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ k[base + 4]) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 41));
    }

    private int find() {
        int i = hash(probe, 0) & mask;
        while (used[i]) {
            int b = i * STRIDE;
            if (keys[b] == probe[0] && keys[b + 1] == probe[1] && keys[b + 2] == probe[2]
                    && keys[b + 3] == probe[3] && keys[b + 4] == probe[4]) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        int cap = values.length * 2;
        keys = new long[cap * STRIDE];
        values = new int[cap];
        used = new boolean[cap];
        mask = cap - 1;
        for (int s = 0; s < oldUsed.length; s++) {
            if (!oldUsed[s]) {
                continue;
            }
            int i = hash(oldKeys, s * STRIDE) & mask;
            while (used[i]) {
                i = (i + 1) & mask;
            }
            used[i] = true;
            System.arraycopy(oldKeys, s * STRIDE, keys, i * STRIDE, STRIDE);
            values[i] = oldValues[s];
        }
    }
}
