package org.tcplab.conv;

import java.util.List;

/** Prints conversation tables in the layout of {@code tshark -q -z conv,tcp -z conv,udp} (TShark 4.0). */
public final class ConversationTableFormatter {
    private static final String RULE = "================================================================================\n";
    private static final String HEADER =
            "                                                           |       <-      | |       ->      | |     Total     |    Relative    |   Duration   |\n"
          + "                                                           | Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |\n";

    private ConversationTableFormatter() {
    }

    /** tshark prints UDP first, then TCP (taps are drawn in reverse order of registration). */
    public static String format(ConversationTable table) {
        return format(table, null);
    }

    /** The tables of the packets a display filter passed, as {@code tshark -z conv,tcp,FILTER} prints them. */
    public static String format(ConversationTable table, String filter) {
        StringBuilder sb = new StringBuilder();
        table(sb, "UDP", table.rows(false), filter);
        table(sb, "TCP", table.rows(true), filter);
        return sb.toString();
    }

    private static void table(StringBuilder sb, String title, List<Conversation> rows, String filter) {
        sb.append(RULE).append(title).append(" Conversations\nFilter:").append(filter == null ? "<No Filter>" : filter)
                .append('\n').append(HEADER);
        // tshark groups rows by total frames, largest first, keeping first-appearance order within a group.
        long max = Long.MAX_VALUE;
        while (true) {
            long next = 0;
            for (Conversation c : rows) {
                if (c.frames() > next && c.frames() < max) {
                    next = c.frames();
                }
            }
            if (next == 0) {
                break;
            }
            for (Conversation c : rows) {
                if (c.frames() == next) {
                    row(sb, c);
                }
            }
            max = next;
        }
        sb.append(RULE);
    }

    /** printf("%-26s <-> %-26s  %6d %-9s  %6d %-9s  %6d %-9s  %14.9f   %12.4f\n"), without java.util.Formatter (slow). */
    private static void row(StringBuilder sb, Conversation c) {
        left(sb, c.addressA() + ":" + c.aPort(), 26).append(" <-> ");
        left(sb, c.addressB() + ":" + c.bPort(), 26).append("  ");
        // "<-" counts frames from B to A, "->" from A to B.
        right(sb, Long.toString(c.framesBToA()), 6).append(' ');
        left(sb, size(c.bytesBToA()), 9).append("  ");
        right(sb, Long.toString(c.framesAToB()), 6).append(' ');
        left(sb, size(c.bytesAToB()), 9).append("  ");
        right(sb, Long.toString(c.frames()), 6).append(' ');
        left(sb, size(c.bytes()), 9).append("  ");
        right(sb, exact(seconds(c.startNanos()), 9), 14).append("   ");
        right(sb, exact(seconds(c.durationNanos()), 4), 12).append('\n');
    }

    private static StringBuilder left(StringBuilder sb, String s, int width) {
        sb.append(s);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb;
    }

    private static StringBuilder right(StringBuilder sb, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb.append(s);
    }

    /** tshark's nstime_to_sec: seconds and nanoseconds added as doubles. */
    private static double seconds(long nanos) {
        return (double) Math.floorDiv(nanos, 1_000_000_000L) + (double) Math.floorMod(nanos, 1_000_000_000L) / 1e9;
    }

    /** C's printf("%.Nf"): the double's exact binary value rounded, not Java's shortest decimal form. */
    private static String exact(double v, int digits) {
        return new java.math.BigDecimal(v).setScale(digits, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** wsutil's format_size with SI prefixes: "1351 bytes", "19 kB" (floor), "3 MB". */
    public static String size(long bytes) {
        String[] prefixes = {"T", "G", "M", "k"};
        long[] powers = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < powers.length; i++) {
            if (bytes / powers[i] >= 10) {
                return bytes / powers[i] + " " + prefixes[i] + "B";
            }
        }
        return bytes + " bytes";
    }
}
