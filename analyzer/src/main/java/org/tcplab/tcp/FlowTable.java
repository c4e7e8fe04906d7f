package org.tcplab.tcp;

import java.util.Arrays;

/**
 * Map from an unordered address/port pair to a dense int value (a stream number, a table row),
 * that also keeps each value's key. Both directions of a flow find the same entry; the caller
 * learns which direction it looked up from {@link #lastLookupWasSwapped()}.
 *
 * <p>Laid out for millions of flows (RFC 2544 benchmark captures, port scans): the keys sit in
 * one flat array by value, five longs each, written once in value order; the index is an
 * open-addressing array of single longs, each the upper half of the key's hash (its tag) and the
 * value, at most half full. A lookup reads one index slot (a tag that differs rules a slot out
 * without touching its key) and the key of a matching tag; a miss remembers its free slot for the
 * {@link #put} that usually follows. Growing the index rehashes from the tags alone, never
 * reading a key. So a flow costs 40 bytes of key and 8 to 16 of index, and nothing allocates per
 * lookup. A key put again with another value (a stream whose ports were reused) points the index
 * at the new value; the old value keeps its key.
 */
public final class FlowTable {
    private static final int KEY = 5;
    /** Per value: srcHi, srcLo, dstHi, dstLo, family|ports, in the canonical order. */
    private long[] keys;
    /** Per slot: tag << 32 | (value + 1); 0 marks a free slot. */
    private long[] index;
    private int mask;
    private int size;
    private boolean swapped;
    // the last lookup, in canonical order, and the slot it ended at
    private long l0;
    private long l1;
    private long l2;
    private long l3;
    private long l4;
    private int lastTag;
    private int lastSlot = -1;

    public FlowTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        index = new long[cap];
        mask = cap - 1;
        keys = new long[Math.max(16, expected) * KEY];
    }

    /** Flows in the index (a key put again with another value counts once). */
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
        long k0;
        long k1;
        long k2;
        long k3;
        long k4;
        if (swap) {
            k0 = dstHi;
            k1 = dstLo;
            k2 = srcHi;
            k3 = srcLo;
            k4 = ((long) family << 32) | ((long) dport << 16) | sport;
        } else {
            k0 = srcHi;
            k1 = srcLo;
            k2 = dstHi;
            k3 = dstLo;
            k4 = ((long) family << 32) | ((long) sport << 16) | dport;
        }
        l0 = k0;
        l1 = k1;
        l2 = k2;
        l3 = k3;
        l4 = k4;
        int tag = tag(k0, k1, k2, k3, k4);
        lastTag = tag;
        long[] ix = index;
        long[] ks = keys;
        int m = mask;
        int i = tag & m;
        while (true) {
            long e = ix[i];
            if (e == 0) {
                lastSlot = i;
                return -1;
            }
            if ((int) (e >>> 32) == tag) {
                int v = (int) e - 1;
                int b = v * KEY;
                if (ks[b + 1] == k1 && ks[b + 3] == k3 && ks[b + 4] == k4 && ks[b] == k0 && ks[b + 2] == k2) {
                    lastSlot = i;
                    return v;
                }
            }
            i = (i + 1) & m;
        }
    }

    /**
     * Sets the value for the flow: a value not used before (>= 0), normally the next one. After a
     * {@link #get} of the same flow it reuses that lookup's slot.
     */
    public void put(int family, long srcHi, long srcLo, int sport, long dstHi, long dstLo, int dport, int value) {
        if (!isLast(family, srcHi, srcLo, sport, dstHi, dstLo, dport)) {
            get(family, srcHi, srcLo, sport, dstHi, dstLo, dport);
        }
        int b = value * KEY;
        if (b + KEY > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(b + KEY, keys.length * 2));
        }
        keys[b] = l0;
        keys[b + 1] = l1;
        keys[b + 2] = l2;
        keys[b + 3] = l3;
        keys[b + 4] = l4;
        if (index[lastSlot] == 0) {
            size++;
        }
        index[lastSlot] = ((long) lastTag << 32) | (value + 1L);
        if (size * 2 > mask + 1) {
            grow();
        }
        lastSlot = -1;
    }

    /** The key's family (4 or 6) of a value put before. */
    public int family(int value) {
        return (int) (keys[value * KEY + 4] >>> 32);
    }

    /** Address (high and low half) and port of one end of a value's key: end 0 or 1 of the canonical order. */
    public long addressHi(int value, int end) {
        return keys[value * KEY + 2 * end];
    }

    public long addressLo(int value, int end) {
        return keys[value * KEY + 2 * end + 1];
    }

    public int port(int value, int end) {
        long k4 = keys[value * KEY + 4];
        return (int) (end == 0 ? (k4 >>> 16) & 0xFFFF : k4 & 0xFFFF);
    }

    /** Bytes the table holds now: its key array and its index. */
    public long bytes() {
        return 8L * keys.length + 8L * index.length;
    }

    private boolean isLast(int family, long srcHi, long srcLo, int sport, long dstHi, long dstLo, int dport) {
        if (lastSlot < 0) {
            return false;
        }
        return swapped
                ? l0 == dstHi && l1 == dstLo && l2 == srcHi && l3 == srcLo && l4 == (((long) family << 32) | ((long) dport << 16) | sport)
                : l0 == srcHi && l1 == srcLo && l2 == dstHi && l3 == dstLo && l4 == (((long) family << 32) | ((long) sport << 16) | dport);
    }

    /** The upper half of a 64-bit hash of the key; its low bits pick the home slot. */
    private static int tag(long a, long b, long c, long d, long e) {
        long h = (b * 0x9E3779B97F4A7C15L) ^ d;
        h = (h * 0xC2B2AE3D27D4EB4FL) ^ e ^ (a * 31 + c);
        h *= 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        // never 0 in a slot: a value is stored + 1
        return (int) (h >>> 32) ^ (int) h;
    }

    private void grow() {
        long[] old = index;
        int cap = old.length * 2;
        long[] ix = new long[cap];
        int m = cap - 1;
        for (long e : old) {
            if (e == 0) {
                continue;
            }
            int i = (int) (e >>> 32) & m;
            while (ix[i] != 0) {
                i = (i + 1) & m;
            }
            ix[i] = e;
        }
        index = ix;
        mask = m;
    }
}
