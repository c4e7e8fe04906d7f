package org.tcplab.tcp;

import java.util.ArrayList;
import java.util.List;
import org.tcplab.wire.Bytes;

/**
 * The options of one TCP header (RFC 9293 §3.2, RFC 7323, RFC 2018). {@link #walk} visits them
 * without allocating (for the formatters); {@link #parse} collects them into this record (for
 * summaries and tests). Never throws: a bad option ends the walk and is reported.
 *
 * @param mss           maximum segment size, or -1
 * @param windowScale   the shift count as sent (may exceed 14), or -1
 * @param sackPermitted SACK-permitted present
 * @param sackBlocks    SACK blocks, raw sequence numbers
 * @param tsValue       timestamp value, or -1
 * @param tsEcho        timestamp echo reply, or -1
 * @param unknownKinds  kinds we do not name
 * @param error         why parsing stopped early, or null
 */
public record TcpOptions(int mss, int windowScale, boolean sackPermitted, List<SackBlock> sackBlocks, long tsValue,
                         long tsEcho, List<Integer> unknownKinds, String error) {
    /** The largest shift RFC 7323 §2.3 allows; larger values are used as 14. */
    public static final int MAX_WINDOW_SCALE = 14;

    /** One SACK block: the left edge and the right edge (exclusive) of data received (RFC 2018 §3). */
    public record SackBlock(long left, long right) {
    }

    /** Receives options as {@link #walk} finds them. */
    public interface Visitor {
        default void mss(int mss) { }
        default void windowScale(int shift) { }
        default void sackPermitted() { }
        default void sackBlock(long left, long right) { }
        default void timestamps(long value, long echo) { }
        default void unknown(int kind, int length) { }
        /** The walk stopped at a malformed option. */
        default void malformed(int kind, int length) { }
    }

    /** Visits the options in {@code b[from, to)}. */
    public static void walk(byte[] b, int from, int to, Visitor v) {
        int p = from;
        while (p < to) {
            int kind = b[p] & 0xff;
            if (kind == 0) {
                return; // end of option list
            }
            if (kind == 1) {
                p++; // no-operation
                continue;
            }
            if (p + 1 >= to) {
                v.malformed(kind, -1);
                return;
            }
            int len = b[p + 1] & 0xff;
            if (len < 2 || p + len > to) {
                v.malformed(kind, len);
                return;
            }
            switch (kind) {
                case 2 -> {
                    if (len == 4) {
                        v.mss(Bytes.u16be(b, p + 2));
                    } else {
                        v.malformed(kind, len);
                    }
                }
                case 3 -> {
                    if (len == 3) {
                        v.windowScale(b[p + 2] & 0xff);
                    } else {
                        v.malformed(kind, len);
                    }
                }
                case 4 -> v.sackPermitted();
                case 5 -> {
                    for (int q = p + 2; q + 8 <= p + len; q += 8) {
                        v.sackBlock(Bytes.u32be(b, q), Bytes.u32be(b, q + 4));
                    }
                }
                case 8 -> {
                    if (len == 10) {
                        v.timestamps(Bytes.u32be(b, p + 2), Bytes.u32be(b, p + 6));
                    } else {
                        v.malformed(kind, len);
                    }
                }
                default -> v.unknown(kind, len);
            }
            p += len;
        }
    }

    public static TcpOptions parse(byte[] b, int from, int to) {
        var c = new Visitor() {
            int mss = -1;
            int ws = -1;
            boolean sackOk;
            final List<SackBlock> sack = new ArrayList<>();
            long tsv = -1;
            long tse = -1;
            final List<Integer> unknown = new ArrayList<>();
            String error;

            @Override public void mss(int v) { mss = v; }
            @Override public void windowScale(int shift) { ws = shift; }
            @Override public void sackPermitted() { sackOk = true; }
            @Override public void sackBlock(long l, long r) { sack.add(new SackBlock(l, r)); }
            @Override public void timestamps(long v, long e) { tsv = v; tse = e; }
            @Override public void unknown(int kind, int length) { unknown.add(kind); }
            @Override public void malformed(int kind, int length) { error = "option kind " + kind + " has invalid length " + length; }
        };
        walk(b, from, to, c);
        return new TcpOptions(c.mss, c.ws, c.sackOk, List.copyOf(c.sack), c.tsv, c.tse, List.copyOf(c.unknown), c.error);
    }

    /** tshark keeps at most this many SACK blocks of a segment for its bytes-in-flight count. */
    static final int SACK_BLOCKS_COUNTED = 3;

    /**
     * Bytes the receiver says it holds beyond its ACK: the sum of right minus left edge over the
     * first three blocks of the last SACK option (RFC 2018 §3), as tshark subtracts them from the
     * bytes in flight (packet-tcp.c, dissect_tcpopt_sack). 0 without SACK; allocates nothing.
     */
    public static long sackDelivered(byte[] b, int from, int to) {
        long delivered = 0;
        int p = from;
        while (p < to) {
            int kind = b[p] & 0xff;
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                p++;
                continue;
            }
            if (p + 1 >= to) {
                break;
            }
            int len = b[p + 1] & 0xff;
            if (len < 2 || p + len > to) {
                break;
            }
            if (kind == 5) {
                delivered = 0;
                int blocks = 0;
                for (int q = p + 2; q + 8 <= p + len && blocks < SACK_BLOCKS_COUNTED; q += 8, blocks++) {
                    delivered += (Bytes.u32be(b, q + 4) - Bytes.u32be(b, q)) & 0xFFFFFFFFL;
                }
            }
            p += len;
        }
        return delivered;
    }

    /** Window scale shift from a SYN's options, or -1 when absent; cheap enough for the hot path. */
    public static int windowScale(byte[] b, int from, int to) {
        int p = find(b, from, to, 3, 3, 0);
        return p < 0 ? -1 : b[p + 2] & 0xff;
    }

    /**
     * Offset of the {@code k}-th option of {@code kind} with length {@code length} (0: any) in
     * {@code b[from, to)}, or -1. The walk stops at End of Option List and at an option whose
     * length is less than 2 or runs past the header (RFC 9293 §3.1, MUST-7: an illegal option
     * length must be handled without crashing).
     */
    public static int find(byte[] b, int from, int to, int kind, int length, int k) {
        int p = from;
        while (p < to) {
            int kd = b[p] & 0xff;
            if (kd == 0) {
                return -1;
            }
            if (kd == 1) {
                p++;
                continue;
            }
            if (p + 1 >= to) {
                return -1;
            }
            int len = b[p + 1] & 0xff;
            if (len < 2 || p + len > to) {
                return -1;
            }
            if (kd == kind && (length == 0 || len == length) && k-- == 0) {
                return p;
            }
            p += len;
        }
        return -1;
    }
}
