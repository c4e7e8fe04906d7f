package org.tcplab.output;

import java.util.List;
import org.tcplab.model.Field;
import org.tcplab.model.PacketView;
import org.tcplab.model.Slice;

/**
 * tshark's {@code -T fields}: one line per packet, the chosen fields' values separated by a
 * character (tab by default), a field that occurs several times as all its values joined by the
 * aggregator (or only the first, the last, or the n-th), each value optionally quoted. Values are
 * written as tshark writes them ({@link FieldText}).
 */
public final class FieldsFormatter implements PacketFormatter {
    /** -E options: header=y|n, separator=C (/t tab, /s space), occurrence=f|l|a|N, aggregator=C, quote=d|s|n. */
    public record Options(boolean header, char separator, char aggregator, int occurrence, char quote) {
        /** occurrence: 0 all, -1 the last, n the n-th (1 the first). */
        public static final Options DEFAULT = new Options(false, '\t', ',', 0, (char) 0);

        /** Reads one -E option ("header=y"); the message names what is wrong. */
        public Options with(String option) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("-E takes NAME=VALUE (header, separator, occurrence, aggregator, quote), not '"
                        + option + "'");
            }
            String name = option.substring(0, eq);
            String value = option.substring(eq + 1);
            return switch (name) {
                case "header" -> new Options(yes(name, value), separator, aggregator, occurrence, quote);
                case "separator" -> new Options(header, character(name, value), aggregator, occurrence, quote);
                case "aggregator" -> new Options(header, separator, character(name, value), occurrence, quote);
                case "occurrence" -> new Options(header, separator, aggregator, occurrence(value), quote);
                case "quote" -> new Options(header, separator, aggregator, occurrence, quote(value));
                default -> throw new IllegalArgumentException("unknown -E option '" + name
                        + "' (header, separator, occurrence, aggregator, quote)");
            };
        }

        private static boolean yes(String name, String v) {
            return switch (v) {
                case "y", "yes", "true", "1" -> true;
                case "n", "no", "false", "0" -> false;
                default -> throw new IllegalArgumentException("-E " + name + "=" + v + ": expected y or n");
            };
        }

        private static char character(String name, String v) {
            if (v.equals("/t")) {
                return '\t';
            }
            if (v.equals("/s")) {
                return ' ';
            }
            if (v.length() == 1) {
                return v.charAt(0);
            }
            throw new IllegalArgumentException("-E " + name + "=" + v + ": expected one character, /t (tab) or /s (space)");
        }

        private static int occurrence(String v) {
            return switch (v) {
                case "a" -> 0;
                case "f" -> 1;
                case "l" -> -1;
                default -> {
                    try {
                        int n = Integer.parseInt(v);
                        if (n < 0) {
                            throw new NumberFormatException();
                        }
                        yield n;
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("-E occurrence=" + v + ": expected f, l, a or a number");
                    }
                }
            };
        }

        private static char quote(String v) {
            return switch (v) {
                case "d" -> '"';
                case "s" -> '\'';
                case "n" -> (char) 0;
                default -> throw new IllegalArgumentException("-E quote=" + v + ": expected d, s or n");
            };
        }
    }

    private final List<Field> fields;
    private final Options options;
    private final Slice slice = new Slice();

    public FieldsFormatter(List<Field> fields, Options options) {
        this.fields = List.copyOf(fields);
        this.options = options;
    }

    @Override
    public PacketFormatter copy() {
        return new FieldsFormatter(fields, options);
    }

    /** The header line (the field names), when asked for; else nothing. */
    public void header(ByteSink out) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.put(options.separator());
            }
            out.put(fields.get(i).name());
        }
    }

    @Override
    public void format(PacketView v, ByteSink out) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.put(options.separator());
            }
            Field f = fields.get(i);
            int n = f.count(v);
            if (n == 0) {
                continue;
            }
            int from = 0;
            int to = n;
            if (options.occurrence() == -1) {
                from = n - 1;
            } else if (options.occurrence() > 0) {
                if (options.occurrence() > n) {
                    continue;
                }
                from = options.occurrence() - 1;
                to = from + 1;
            }
            if (options.quote() != 0) {
                out.put(options.quote());
            }
            for (int k = from; k < to; k++) {
                if (k > from) {
                    out.put(options.aggregator());
                }
                FieldText.write(f, v, k, out, slice);
            }
            if (options.quote() != 0) {
                out.put(options.quote());
            }
        }
    }
}
