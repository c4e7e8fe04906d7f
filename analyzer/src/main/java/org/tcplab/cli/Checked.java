package org.tcplab.cli;

import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value types of the command-line options, each checked where the option is declared
 * ({@code @Option(converter = Checked.Port.class)}): a value outside what the option can honour is
 * refused by picocli with one line that names the option, the value and what is allowed, exit 2.
 * Each type also names values it must refuse, which the test that walks every option of both
 * programs feeds it (OptionWalkTest): a new option of a checked type is covered without editing
 * the test, and a numeric option without one fails it.
 */
public final class Checked {
    private Checked() {
    }

    /** A converter that knows values it refuses. */
    public interface Refusing {
        /** Values this type must refuse: zero, negative, too large, not a number, empty, as apply. */
        List<String> refused();

        /** Values at its edges it must accept (the smallest, the largest, an idiom such as -s 0). */
        default List<String> accepted() {
            return List.of();
        }
    }

    private static long parseLong(String s, String what) {
        return parseLong(s, s, what);
    }

    /** {@code s} as a number; the message quotes {@code given}, the value as the user typed it. */
    private static long parseLong(String s, String given, String what) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + given + "' is not " + what);
        }
    }

    private static long inRange(String s, long min, long max, String what) {
        return inRange(s, s, min, max, what);
    }

    private static long inRange(String s, String given, long min, long max, String what) {
        long v = parseLong(s, given, what);
        if (v < min || v > max) {
            throw new TypeConversionException("'" + given + "' is not " + what);
        }
        return v;
    }

    /** A whole number within [min, max], quoted back in the message when it is not. */
    public abstract static class IntRange implements ITypeConverter<Integer>, Refusing {
        private final long min;
        private final long max;
        private final String what;
        private final List<String> refused;
        private final List<String> edges;

        protected IntRange(long min, long max, String what, String... refused) {
            this.min = min;
            this.max = max;
            this.edges = List.of(Long.toString(min), Long.toString(max));
            this.what = what;
            this.refused = List.of(refused);
        }

        @Override
        public Integer convert(String s) {
            return (int) inRange(s, min, max, what);
        }

        @Override
        public List<String> refused() {
            return refused;
        }

        @Override
        public List<String> accepted() {
            return edges;
        }
    }

    /** How many of something: a whole number of at least 1. */
    public static final class Count implements ITypeConverter<Long>, Refusing {
        @Override
        public Long convert(String s) {
            return inRange(s, 1, Long.MAX_VALUE, "a count (a whole number of at least 1)");
        }

        @Override
        public List<String> refused() {
            return List.of("0", "-5", "ten", "", "99999999999999999999");
        }
    }

    /** A frame number as read and tshark number them, from 1. */
    public static final class FrameNumber implements ITypeConverter<Long>, Refusing {
        @Override
        public Long convert(String s) {
            return inRange(s, 1, Long.MAX_VALUE, "a frame number (1 or more)");
        }

        @Override
        public List<String> refused() {
            return List.of("0", "-1", "first", "");
        }
    }

    /** A TCP or UDP port, 1-65535. */
    public static final class Port extends IntRange {
        public Port() {
            super(1, 65535, "a port (1-65535)", "0", "-1", "65536", "99999", "http", "");
        }
    }

    /** A stream index as tshark numbers them, from 0. */
    public static final class StreamIndex extends IntRange {
        public StreamIndex() {
            super(0, Integer.MAX_VALUE, "a stream number (0 or more)", "-1", "first", "", "99999999999");
        }
    }

    /** Bytes kept of each captured packet (pcap's snapshot length), up to libpcap's 262144; 0 means that, as tcpdump -s 0. */
    public static final class Snaplen extends IntRange {
        private static final int MAX = org.tcplab.live.LiveCaptureOptions.DEFAULT_SNAPLEN;

        public Snaplen() {
            super(0, MAX, "a snapshot length (1-" + MAX + " bytes, or 0 for " + MAX + ")", "-1", Integer.toString(MAX + 1),
                    "all", "");
        }

        @Override
        public Integer convert(String s) {
            int v = super.convert(s);
            return v == 0 ? MAX : v;
        }
    }

    /** A port to match in a filter: 0-65535 (port 0 occurs on the wire). */
    public static final class FilterPort extends IntRange {
        public FilterPort() {
            super(0, 65535, "a port (0-65535)", "-1", "65536", "http", "");
        }
    }

    /** A buffer size in MiB, 1-4096. */
    public static final class Mebibytes extends IntRange {
        public Mebibytes() {
            // libpcap takes the buffer size in bytes as an int
            super(1, 2047, "a size in MiB (1-2047)", "0", "-2", "2048", "4096", "big", "");
        }
    }

    /** A positive whole number that fits an int (connections, requests, milliseconds …). */
    public static final class Positive extends IntRange {
        public Positive() {
            super(1, Integer.MAX_VALUE, "a whole number from 1 to " + Integer.MAX_VALUE, "0", "-1", "3000000000", "many", "");
        }
    }

    /** A decimal number the predicate accepts (NaN never passes a comparison). */
    private static double decimal(String s, java.util.function.DoublePredicate ok, String what) {
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + s + "' is not " + what);
        }
        if (!ok.test(v)) {
            throw new TypeConversionException("'" + s + "' is not " + what);
        }
        return v;
    }

    /** A duration in seconds, more than 0 (fractions allowed). */
    public static final class Seconds implements ITypeConverter<Double>, Refusing {
        @Override
        public Double convert(String s) {
            return decimal(s, v -> v > 0 && !Double.isInfinite(v), "a duration in seconds (more than 0)");
        }

        @Override
        public List<String> refused() {
            return List.of("0", "-3", "soon", "", "NaN", "Infinity");
        }
    }

    /** A probability, from 0 to 1. */
    public static final class Probability implements ITypeConverter<Double>, Refusing {
        @Override
        public Double convert(String s) {
            return decimal(s, v -> v >= 0 && v <= 1, "a probability (0 to 1)");
        }

        @Override
        public List<String> refused() {
            return List.of("1.5", "-0.1", "half", "", "NaN");
        }
    }

    /** A random seed: any whole number. */
    public static final class Seed implements ITypeConverter<Long>, Refusing {
        @Override
        public Long convert(String s) {
            return parseLong(s, "a seed (a whole number)");
        }

        @Override
        public List<String> refused() {
            return List.of("lucky", "", "1.5");
        }
    }

    /** A byte count with an optional K, M or G suffix (powers of 1024), at least 1. */
    public static final class ByteSize implements ITypeConverter<Long>, Refusing {
        @Override
        public Long convert(String s) {
            String t = s.trim().toUpperCase(java.util.Locale.ROOT);
            long unit = 1;
            if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
                unit = t.endsWith("K") ? 1L << 10 : t.endsWith("M") ? 1L << 20 : 1L << 30;
                t = t.substring(0, t.length() - 1);
            }
            String what = "a size in bytes (at least 1, with an optional K, M or G)";
            long v = inRange(t, s, 1, Long.MAX_VALUE / unit, what);
            return v * unit;
        }

        @Override
        public List<String> refused() {
            return List.of("0", "-1K", "lots", "", "12X");
        }
    }

    /** A protocol read's --proto knows. */
    /** A report's format: text, md, html, json or pdf. */
    public static final class ReportFormat extends Choice {
        public ReportFormat() {
            super("a report format", "text", "md", "html", "json", "pdf");
        }
    }

    /** A report's language: en or zh. */
    public static final class Language extends Choice {
        public Language() {
            super("a language", "en", "zh");
        }
    }

    /** One of a fixed set of words, in any case. */
    public abstract static class Choice implements ITypeConverter<String>, Refusing {
        private final String what;
        private final java.util.List<String> words;

        protected Choice(String what, String... words) {
            this.what = what;
            this.words = java.util.List.of(words);
        }

        @Override
        public String convert(String value) {
            String v = value.toLowerCase(java.util.Locale.ROOT);
            if (!words.contains(v)) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not " + what + " ("
                        + String.join(", ", words) + ")");
            }
            return v;
        }

        @Override
        public java.util.List<String> refused() {
            return java.util.List.of("", "x", words.get(0) + "x");
        }

        @Override
        public java.util.List<String> accepted() {
            return words;
        }
    }

    public static final class Protocol implements ITypeConverter<String>, Refusing {
        private static final List<String> KNOWN = List.of("tcp", "udp", "icmp", "icmpv6", "ip", "ipv4", "ipv6", "arp");

        @Override
        public String convert(String s) {
            String p = s.trim().toLowerCase(java.util.Locale.ROOT);
            if (!KNOWN.contains(p)) {
                throw new TypeConversionException("'" + s + "' is not one of " + String.join(", ", KNOWN));
            }
            return p;
        }

        @Override
        public List<String> refused() {
            return List.of("sctp", "", "6");
        }
    }

    /** Ports FIRST to LAST, both included. */
    public record Range(int first, int last) {
        public int count() {
            return last - first + 1;
        }
    }

    /** A port range FIRST-LAST (or one port), within 1-65535. */
    public static final class PortRange implements ITypeConverter<Range>, Refusing {
        @Override
        public Range convert(String s) {
            String what = "a port range FIRST-LAST within 1-65535";
            String[] r = s.trim().split("-", -1);
            if (r.length > 2) {
                throw new TypeConversionException("'" + s + "' is not " + what);
            }
            int first = (int) inRange(r[0], s, 1, 65535, what);
            int last = r.length > 1 ? (int) inRange(r[1], s, 1, 65535, what) : first;
            if (last < first) {
                throw new TypeConversionException("'" + s + "' is not " + what + " (LAST is below FIRST)");
            }
            return new Range(first, last);
        }

        @Override
        public List<String> refused() {
            return List.of("abc", "0-10", "10-5", "1-70000", "", "1-2-3");
        }
    }
}
