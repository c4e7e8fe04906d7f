package org.tcplab.wire;

import java.nio.charset.StandardCharsets;

/**
 * Formats addresses held as numbers (IPv4 in the low 32 bits; IPv6 as two longs; Ethernet in the
 * low 48 bits) without going through InetAddress: the one place addresses become text. The core
 * writes ASCII bytes into an array, so that the outputs' byte buffers take them without a copy.
 */
public final class Addresses {
    /** The longest text an address takes: an IPv6 address with an embedded IPv4 one. */
    public static final int MAX_LENGTH = 45;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Addresses() {
    }

    public static String format(int family, long hi, long lo) {
        byte[] b = new byte[MAX_LENGTH];
        int n = write(b, 0, family, hi, lo);
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    public static void append(StringBuilder sb, int family, long hi, long lo) {
        sb.append(format(family, hi, lo));
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

    /** Writes an IPv4 (family 4) or IPv6 address at {@code p}; returns the position after it. */
    public static int write(byte[] b, int p, int family, long hi, long lo) {
        return family == 4 ? writeIpv4(b, p, lo) : writeIpv6(b, p, hi, lo);
    }

    public static int writeIpv4(byte[] b, int p, long v) {
        p = writeByte(b, p, (int) ((v >>> 24) & 0xff));
        b[p++] = '.';
        p = writeByte(b, p, (int) ((v >>> 16) & 0xff));
        b[p++] = '.';
        p = writeByte(b, p, (int) ((v >>> 8) & 0xff));
        b[p++] = '.';
        return writeByte(b, p, (int) (v & 0xff));
    }

    private static int writeByte(byte[] b, int p, int v) {
        if (v >= 100) {
            b[p++] = (byte) ('0' + v / 100);
        }
        if (v >= 10) {
            b[p++] = (byte) ('0' + v / 10 % 10);
        }
        b[p++] = (byte) ('0' + v % 10);
        return p;
    }

    /** RFC 5952 §4: lower case, no leading zeros, the longest run (two or more) of zero groups as "::". */
    public static int writeIpv6(byte[] b, int p, long hi, long lo) {
        if (hi == 0 && (lo >>> 32) == 0xFFFFL) {
            // IPv4-mapped (RFC 5952 §5)
            for (byte c : "::ffff:".getBytes(StandardCharsets.US_ASCII)) {
                b[p++] = c;
            }
            return writeIpv4(b, p, lo & 0xFFFFFFFFL);
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
                b[p++] = ':';
                b[p++] = ':';
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLen) {
                b[p++] = ':';
            }
            int g = group(hi, lo, i);
            boolean started = false;
            for (int shift = 12; shift >= 0; shift -= 4) {
                int d = (g >>> shift) & 0xF;
                if (d != 0 || started || shift == 0) {
                    b[p++] = HEX[d];
                    started = true;
                }
            }
        }
        return p;
    }

    private static int group(long hi, long lo, int i) {
        long word = i < 4 ? hi : lo;
        return (int) ((word >>> (48 - 16 * (i & 3))) & 0xFFFF);
    }

    /** An Ethernet address (the low 48 bits) as six colon-separated hex pairs: 00:11:22:33:44:55. */
    public static int writeEther(byte[] b, int p, long v) {
        for (int i = 5; i >= 0; i--) {
            int x = (int) ((v >>> (8 * i)) & 0xFF);
            b[p++] = HEX[x >>> 4];
            b[p++] = HEX[x & 0xF];
            if (i > 0) {
                b[p++] = ':';
            }
        }
        return p;
    }
}
