package org.tcplab.tcp;

import java.util.ArrayList;
import java.util.List;
import org.tcplab.wire.Bytes;

/**
 * The options of one TCP header (RFC 9293 §3.2, RFC 7323, RFC 2018), parsed on demand for output
 * and for the SYN's window scale. Never throws: a bad option ends the list and is named.
 *
 * @param mss           maximum segment size, or -1
 * @param windowScale   the shift count as sent (may exceed 14), or -1
 * @param sackPermitted SACK-permitted present
 * @param sackBlocks    left/right edges of each SACK block, raw sequence numbers
 * @param tsValue       timestamp value, or -1
 * @param tsEcho        timestamp echo reply, or -1
 * @param unknownKinds  kinds we do not name
 * @param error         why parsing stopped early, or null
 */
public record TcpOptions(int mss, int windowScale, boolean sackPermitted, List<long[]> sackBlocks, long tsValue,
                         long tsEcho, List<Integer> unknownKinds, String error) {
    public static final TcpOptions NONE = new TcpOptions(-1, -1, false, List.of(), -1, -1, List.of(), null);

    /** The largest shift RFC 7323 §2.3 allows; larger values are used as 14. */
    public static final int MAX_WINDOW_SCALE = 14;

    public static TcpOptions parse(byte[] b, int from, int to) {
        int mss = -1;
        int ws = -1;
        boolean sackOk = false;
        List<long[]> sack = List.of();
        long tsv = -1;
        long tse = -1;
        List<Integer> unknown = List.of();
        String error = null;
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
                error = "option kind " + kind + " has no length byte";
                break;
            }
            int len = b[p + 1] & 0xff;
            if (len < 2 || p + len > to) {
                error = "option kind " + kind + " has invalid length " + len;
                break;
            }
            switch (kind) {
                case 2 -> mss = len == 4 ? Bytes.u16be(b, p + 2) : mss;
                case 3 -> ws = len == 3 ? b[p + 2] & 0xff : ws;
                case 4 -> sackOk = true;
                case 5 -> {
                    List<long[]> blocks = new ArrayList<>();
                    for (int q = p + 2; q + 8 <= p + len; q += 8) {
                        blocks.add(new long[] {Bytes.u32be(b, q), Bytes.u32be(b, q + 4)});
                    }
                    sack = List.copyOf(blocks);
                }
                case 8 -> {
                    if (len == 10) {
                        tsv = Bytes.u32be(b, p + 2);
                        tse = Bytes.u32be(b, p + 6);
                    }
                }
                default -> {
                    List<Integer> u = new ArrayList<>(unknown);
                    u.add(kind);
                    unknown = List.copyOf(u);
                }
            }
            p += len;
        }
        return new TcpOptions(mss, ws, sackOk, sack, tsv, tse, unknown, error);
    }

    /** Window scale shift from a SYN's options, or -1 when absent; cheap enough for the hot path. */
    public static int windowScale(byte[] b, int from, int to) {
        int p = from;
        while (p < to) {
            int kind = b[p] & 0xff;
            if (kind == 0) {
                return -1;
            }
            if (kind == 1) {
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
            if (kind == 3 && len == 3) {
                return b[p + 2] & 0xff;
            }
            p += len;
        }
        return -1;
    }
}
