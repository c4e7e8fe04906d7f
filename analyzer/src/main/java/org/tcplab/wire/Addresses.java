package org.tcplab.wire;

/** Formats addresses held as two longs (IPv4 in the low 32 bits) without going through InetAddress. */
public final class Addresses {
    private Addresses() {
    }

    public static String format(int family, long hi, long lo) {
        StringBuilder sb = new StringBuilder(39);
        append(sb, family, hi, lo);
        return sb.toString();
    }

    public static void append(StringBuilder sb, int family, long hi, long lo) {
        if (family == 4) {
            appendIpv4(sb, lo);
        } else {
            appendIpv6(sb, hi, lo);
        }
    }

    /** "address:port", IPv6 in brackets (RFC 5952 §6); with port < 0 the address alone. */
    public static void appendEndpoint(StringBuilder sb, int family, long hi, long lo, int port) {
        if (port < 0) {
            append(sb, family, hi, lo);
            return;
        }
        if (family == 6) {
            sb.append('[');
            append(sb, family, hi, lo);
            sb.append(']');
        } else {
            append(sb, family, hi, lo);
        }
        sb.append(':').append(port);
    }

    public static void appendIpv4(StringBuilder sb, long v) {
        sb.append((v >>> 24) & 0xff).append('.').append((v >>> 16) & 0xff).append('.')
                .append((v >>> 8) & 0xff).append('.').append(v & 0xff);
    }

    /** RFC 5952 §4: lower case, no leading zeros, the longest run (two or more) of zero groups as "::". */
    public static void appendIpv6(StringBuilder sb, long hi, long lo) {
        if (hi == 0 && (lo >>> 32) == 0xFFFFL) {
            sb.append("::ffff:"); // IPv4-mapped (RFC 5952 §5)
            appendIpv4(sb, lo & 0xFFFFFFFFL);
            return;
        }
        int bestStart = -1;
        int bestLen = 0;
        int runStart = -1;
        for (int i = 0; i < 8; i++) {
            if (group(hi, lo, i) == 0) {
                if (runStart < 0) {
                    runStart = i;
                }
                int len = i - runStart + 1;
                if (len > bestLen) {
                    bestLen = len;
                    bestStart = runStart;
                }
            } else {
                runStart = -1;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLen) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(group(hi, lo, i)));
        }
    }

    private static int group(long hi, long lo, int i) {
        long word = i < 4 ? hi : lo;
        return (int) ((word >>> (48 - 16 * (i & 3))) & 0xFFFF);
    }
}
