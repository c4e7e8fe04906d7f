package org.tcplab.decode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reassembles IPv4 (RFC 791 §3.2) and IPv6 (RFC 8200 §4.5) fragments, as tshark does by default:
 * the transport header is decoded at the frame that completes the datagram. Fragments are rare,
 * so this side path may allocate.
 */
final class IpDefragmenter {
    /** Datagrams waiting for fragments; the oldest is dropped beyond this many. */
    static final int MAX_PENDING = 4096;
    private static final int MAX_DATAGRAM = 65535 + 8;

    record Key(int version, long srcHi, long srcLo, long dstHi, long dstLo, long id, int protocol) {
    }

    private static final class Datagram {
        byte[] data = new byte[2048];
        int totalLength = -1;
        int[] starts = new int[8];
        int[] ends = new int[8];
        int ranges;
        int fragments;

        void put(int offset, byte[] b, int off, int len) {
            int end = offset + len;
            if (end > data.length) {
                data = Arrays.copyOf(data, Math.max(end, Math.min(MAX_DATAGRAM, data.length * 2)));
            }
            System.arraycopy(b, off, data, offset, len);
            if (ranges == starts.length) {
                starts = Arrays.copyOf(starts, ranges * 2);
                ends = Arrays.copyOf(ends, ranges * 2);
            }
            starts[ranges] = offset;
            ends[ranges] = end;
            ranges++;
            fragments++;
        }

        boolean complete() {
            if (totalLength < 0) {
                return false;
            }
            // sort ranges by start (few of them: insertion sort) and check they cover [0, total)
            for (int i = 1; i < ranges; i++) {
                int s = starts[i];
                int e = ends[i];
                int j = i - 1;
                while (j >= 0 && starts[j] > s) {
                    starts[j + 1] = starts[j];
                    ends[j + 1] = ends[j];
                    j--;
                }
                starts[j + 1] = s;
                ends[j + 1] = e;
            }
            int covered = 0;
            for (int i = 0; i < ranges; i++) {
                if (starts[i] > covered) {
                    return false;
                }
                covered = Math.max(covered, ends[i]);
            }
            return covered >= totalLength;
        }
    }

    /** The result of a completed datagram: valid until the next call to {@link #add}. */
    byte[] reassembled;
    int reassembledLength;
    int reassembledFragments;

    private final Map<Key, Datagram> pending = new LinkedHashMap<>();

    /**
     * Adds one fragment's payload.
     *
     * @return true when this fragment completed its datagram; the payload is then in
     * {@link #reassembled}
     */
    boolean add(int version, long srcHi, long srcLo, long dstHi, long dstLo, long id, int protocol,
                int fragmentOffset, boolean more, byte[] b, int off, int len) {
        if (fragmentOffset + len > MAX_DATAGRAM) {
            return false;
        }
        Key key = new Key(version, srcHi, srcLo, dstHi, dstLo, id, protocol);
        Datagram d = pending.get(key);
        if (d == null) {
            if (pending.size() >= MAX_PENDING) {
                Iterator<Key> it = pending.keySet().iterator();
                it.next();
                it.remove();
            }
            d = new Datagram();
            pending.put(key, d);
        }
        d.put(fragmentOffset, b, off, len);
        if (!more) {
            d.totalLength = fragmentOffset + len;
        }
        if (d.complete()) {
            pending.remove(key);
            reassembled = d.data;
            reassembledLength = d.totalLength;
            reassembledFragments = d.fragments;
            return true;
        }
        return false;
    }
}
