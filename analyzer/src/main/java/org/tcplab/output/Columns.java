package org.tcplab.output;

/**
 * Fixed-width columns for text tables, as printf's {@code %-Ns} and {@code %Ns} do, without a
 * Formatter (which parses its pattern on every call: thousands of rows would spend more time there
 * than in the analysis).
 */
public final class Columns {
    private Columns() {
    }

    /** Appends {@code value} left-aligned in {@code width} columns (never cut), then a space. */
    public static StringBuilder left(StringBuilder sb, CharSequence value, int width) {
        sb.append(value);
        pad(sb, width - value.length());
        return sb.append(' ');
    }

    /** Appends {@code value} right-aligned in {@code width} columns (never cut), then a space. */
    public static StringBuilder right(StringBuilder sb, CharSequence value, int width) {
        pad(sb, width - value.length());
        return sb.append(value).append(' ');
    }

    public static StringBuilder right(StringBuilder sb, long value, int width) {
        return right(sb, Long.toString(value), width);
    }

    private static void pad(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
    }
}
