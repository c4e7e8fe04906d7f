package org.tcplab.tcp;

/**
 * Open-addressing map from an unordered address/port pair to an int. Keys and value share one
 * stride of a flat long array (one cache line per probe, no objects), so lookups allocate
 * nothing. Both directions of a flow find the same entry; the caller learns which direction it
 * looked up from {@link #lastLookupWasSwapped()}.
 */
public final class FlowTable {
    /** srcHi, srcLo, dstHi, dstLo, family|ports, value+1 (0 marks a free slot). */
    private static final int STRIDE = 6;
    private long[] slots;
    private int size;
    private int mask;
    private boolean swapped;

    public FlowTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = new long[cap * STRIDE];
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
        // one method with the key in locals: in C1 (conns never leaves it) each call and each field
        // round trip showed in the profile of a 2 M-packet pass
        boolean swap = srcHi != dstHi ? (srcHi ^ Long.MIN_VALUE) > (dstHi ^ Long.MIN_VALUE)
                : srcLo != dstLo ? (srcLo ^ Long.MIN_VALUE) > (dstLo ^ Long.MIN_VALUE) : sport > dport;
        swapped = swap;
        int slot = swap ? find(dstHi, dstLo, srcHi, srcLo, key(family, dport, sport))
                : find(srcHi, srcLo, dstHi, dstLo, key(family, sport, dport));
        return (int) slots[slot * STRIDE + 5] - 1;
    }

    /** Sets the value (>= 0) for the flow. */
    public void put(int family, long srcHi, long srcLo, int sport, long dstHi, long dstLo, int dport, int value) {
        get(family, srcHi, srcLo, sport, dstHi, dstLo, dport);
        long k0 = swapped ? dstHi : srcHi;
        long k1 = swapped ? dstLo : srcLo;
        long k2 = swapped ? srcHi : dstHi;
        long k3 = swapped ? srcLo : dstLo;
        long k4 = swapped ? key(family, dport, sport) : key(family, sport, dport);
        int base = find(k0, k1, k2, k3, k4) * STRIDE;
        if (slots[base + 5] == 0) {
            slots[base] = k0;
            slots[base + 1] = k1;
            slots[base + 2] = k2;
            slots[base + 3] = k3;
            slots[base + 4] = k4;
            size++;
        }
        slots[base + 5] = value + 1L;
        if (size * 2 > mask + 1) {
            grow();
        }
    }

    private static long key(int family, int sport, int dport) {
        return ((long) family << 32) | ((long) sport << 16) | dport;
    }

    private static int hash(long a, long b, long c, long d, long e) {
        long h = (b * 0x9E3779B97F4A7C15L) ^ d;
        h = (h * 0xC2B2AE3D27D4EB4FL) ^ e ^ (a * 31 + c);
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 41));
    }

    /** The slot holding the key, or the free slot where it belongs. */
    private int find(long k0, long k1, long k2, long k3, long k4) {
        long[] s = slots;
        int m = mask;
        int i = hash(k0, k1, k2, k3, k4) & m;
        while (true) {
            int b = i * STRIDE;
            long v = s[b + 5];
            if (v == 0 || (s[b + 1] == k1 && s[b + 3] == k3 && s[b + 4] == k4 && s[b] == k0 && s[b + 2] == k2)) {
                return i;
            }
            i = (i + 1) & m;
        }
    }

    private void grow() {
        long[] old = slots;
        int cap = (mask + 1) * 2;
        slots = new long[cap * STRIDE];
        mask = cap - 1;
        for (int b = 0; b < old.length; b += STRIDE) {
            if (old[b + 5] == 0) {
                continue;
            }
            int i = hash(old[b], old[b + 1], old[b + 2], old[b + 3], old[b + 4]) & mask;
            while (slots[i * STRIDE + 5] != 0) {
                i = (i + 1) & mask;
            }
            System.arraycopy(old, b, slots, i * STRIDE, STRIDE);
        }
    }
}
