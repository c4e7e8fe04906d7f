package org.tcplab.output;

/** Decimal seconds with nine fractional digits, written without allocation. */
public final class TimeFormat {
    private TimeFormat() {
    }

    public static void appendSeconds(StringBuilder sb, long seconds, int nanos) {
        sb.append(seconds).append('.');
        appendPadded(sb, nanos, 9);
    }

    /** A signed offset in nanoseconds as seconds with {@code digits} fractional digits (1 to 9). */
    public static void appendOffset(StringBuilder sb, long nanos, int digits) {
        if (nanos < 0) {
            sb.append('-');
            nanos = -nanos;
        }
        long div = 1;
        for (int i = digits; i < 9; i++) {
            div *= 10;
        }
        sb.append(nanos / 1_000_000_000L).append('.');
        appendPadded(sb, (int) ((nanos % 1_000_000_000L) / div), digits);
    }

    /** A signed duration in nanoseconds as milliseconds with {@code digits} fractional digits (1 to 6). */
    public static void appendMillis(StringBuilder sb, long nanos, int digits) {
        if (nanos < 0) {
            sb.append('-');
            nanos = -nanos;
        }
        long div = 1;
        for (int i = digits; i < 6; i++) {
            div *= 10;
        }
        sb.append(nanos / 1_000_000L).append('.');
        appendPadded(sb, (int) ((nanos % 1_000_000L) / div), digits);
    }

    static void appendPadded(StringBuilder sb, int value, int width) {
        int p = 1;
        for (int i = 1; i < width; i++) {
            p *= 10;
        }
        while (p > 1 && value < p) {
            sb.append('0');
            p /= 10;
        }
        sb.append(value);
    }
}
