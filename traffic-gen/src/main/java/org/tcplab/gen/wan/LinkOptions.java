package org.tcplab.gen.wan;

import java.util.List;
import java.util.Locale;
import org.tcplab.cli.Checked;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The emulated link's option values as people type them, as tc netem takes them: 20ms, 1%, 10mbit. */
public final class LinkOptions {
    private LinkOptions() {
    }

    /** A duration: 20ms, 500us, 1.5s, 0 (nanoseconds), at most 10 s. */
    public static final class Duration implements ITypeConverter<Long>, Checked.Refusing {
        @Override
        public Long convert(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            double scale;
            String n;
            if (t.endsWith("ms")) {
                scale = 1e6;
                n = t.substring(0, t.length() - 2);
            } else if (t.endsWith("us")) {
                scale = 1e3;
                n = t.substring(0, t.length() - 2);
            } else if (t.endsWith("s")) {
                scale = 1e9;
                n = t.substring(0, t.length() - 1);
            } else if (t.equals("0")) {
                return 0L;
            } else {
                throw new TypeConversionException("'" + s + "' is not a duration (20ms, 500us, 1.5s)");
            }
            double v = number(n, s, "a duration (20ms, 500us, 1.5s)");
            if (v < 0 || v * scale > 10e9) {
                throw new TypeConversionException("'" + s + "' is not a duration from 0 to 10s");
            }
            return Math.round(v * scale);
        }

        @Override
        public List<String> refused() {
            return List.of("20", "-1ms", "11s", "fast", "", "ms");
        }

        @Override
        public List<String> accepted() {
            return List.of("0", "10s", "20ms", "500us");
        }
    }

    /** A fraction as a percentage (1%) or a number from 0 to 1 (0.01). */
    public static final class Percent implements ITypeConverter<Double>, Checked.Refusing {
        @Override
        public Double convert(String s) {
            String t = s.trim();
            double v = t.endsWith("%") ? number(t.substring(0, t.length() - 1), s, "a percentage (1%) or a fraction (0.01)") / 100
                    : number(t, s, "a percentage (1%) or a fraction (0.01)");
            if (!(v >= 0 && v <= 1)) {
                throw new TypeConversionException("'" + s + "' is not a percentage from 0% to 100%");
            }
            return v;
        }

        @Override
        public List<String> refused() {
            return List.of("101%", "-1%", "1.5", "some", "", "%");
        }

        @Override
        public List<String> accepted() {
            return List.of("0%", "100%", "0.01");
        }
    }

    /** A rate in bits per second: 10mbit, 500kbit, 1gbit, or bits (1000000); 0 for no limit. */
    public static final class Rate implements ITypeConverter<Long>, Checked.Refusing {
        @Override
        public Long convert(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            double scale = 1;
            for (String[] u : new String[][] {{"gbit", "1e9"}, {"mbit", "1e6"}, {"kbit", "1e3"}, {"bit", "1"}}) {
                if (t.endsWith(u[0])) {
                    scale = Double.parseDouble(u[1]);
                    t = t.substring(0, t.length() - u[0].length());
                    break;
                }
            }
            double v = number(t, s, "a rate (10mbit, 500kbit, 1gbit)");
            if (v < 0 || v * scale > 100e9 || v > 0 && v * scale < 8000) {
                throw new TypeConversionException("'" + s + "' is not a rate from 8kbit to 100gbit (0: no limit)");
            }
            return Math.round(v * scale);
        }

        @Override
        public List<String> refused() {
            return List.of("-1mbit", "1bit", "fast", "", "mbit", "200gbit");
        }

        @Override
        public List<String> accepted() {
            return List.of("0", "8kbit", "10mbit", "100gbit");
        }
    }

    /** The mean length of a loss burst, in packets: 1 (independent losses) to 1000. */
    public static final class Burst implements ITypeConverter<Double>, Checked.Refusing {
        @Override
        public Double convert(String s) {
            double v = number(s.trim(), s, "a mean burst length in packets (1 or more)");
            if (!(v >= 1 && v <= 1000)) {
                throw new TypeConversionException("'" + s + "' is not a mean burst length from 1 to 1000 packets");
            }
            return v;
        }

        @Override
        public List<String> refused() {
            return List.of("0", "0.5", "1001", "long", "");
        }
    }

    /** The tail-drop queue in packets: 1 to 100000. */
    public static final class Queue extends Checked.IntRange {
        public Queue() {
            super(1, 100_000, "a queue length in packets (1-100000)", "0", "-1", "100001", "deep", "");
        }
    }

    private static double number(String n, String given, String what) {
        try {
            double v = Double.parseDouble(n);
            if (Double.isNaN(v) || Double.isInfinite(v) || n.isBlank()) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + given + "' is not " + what);
        }
    }
}
