package org.tcplab.filter;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.tcplab.model.Field;
import org.tcplab.model.PacketView;
import org.tcplab.model.Slice;
import org.tcplab.wire.Addresses;

/**
 * Wireshark's display filter functions (wireshark-filter(4), "Functions"), each a {@link Source}
 * over its argument's: {@code len(tcp.payload) > 100}, {@code count(ip.addr) == 4}, {@code
 * upper(http.host) contains "EXAMPLE"}, {@code string(tcp.srcport) matches "^80"}, {@code
 * abs(x)}. What each accepts is what tshark 4.0 accepts, where tcplab has the field's byte length
 * (len of an integer is its width in the packet, which the catalogue does not hold: refused with
 * a line that says so).
 */
final class Functions {
    static final String NAMES = "len, count, upper, lower, string, abs";

    private Functions() {
    }

    static Source of(Expr.Call call, Source arg) throws FilterException {
        String name = call.name();
        String shown = name + "(" + arg.name() + ")";
        switch (name.toLowerCase(Locale.ROOT)) {
            case "len" -> {
                if (arg.kind == Kind.INT || arg.kind == Kind.MARKER) {
                    throw new FilterException("len() takes bytes, a protocol, a string or an address, and " + arg.name()
                            + " is " + arg.described(), call.column());
                }
                return new Length(arg, shown);
            }
            case "count" -> {
                return new Count(arg, shown);
            }
            case "upper", "lower" -> {
                if (arg.kind != Kind.TEXT) {
                    // tshark: "Only string type fields can be used as parameter for upper()"
                    throw new FilterException(name + "() takes a string field, and " + arg.name() + " is " + arg.described(),
                            call.column());
                }
                return new Cased(arg, shown, name.equalsIgnoreCase("upper"));
            }
            case "string" -> {
                Field.Type t = arg.field.type();
                boolean number = arg.kind == Kind.INT && (t == Field.Type.UINT || t == Field.Type.INT || t == Field.Type.FRAMENUM);
                if (!(number || arg.kind == Kind.ADDRESS || arg.kind == Kind.ETHER || arg.kind == Kind.TEXT)) {
                    // tshark: "String conversion for field ... is not supported" (booleans, times, bytes)
                    throw new FilterException("string() takes an integer, an address or a string, and " + arg.name()
                            + " is " + arg.described(), call.column());
                }
                return new Stringed(arg, shown);
            }
            case "abs" -> {
                if (arg.kind != Kind.INT) {
                    throw new FilterException("abs() takes a number, and " + arg.name() + " is " + arg.described(), call.column());
                }
                return new Abs(arg, shown);
            }
            default -> throw new FilterException("unknown function '" + name + "' (the functions are " + NAMES + ")",
                    call.column());
        }
    }

    /** A function's value: an integer or a string, computed from the argument's occurrences. */
    private abstract static class Applied extends Source {
        final Source arg;
        private final String shown;

        Applied(Source arg, Kind kind, String shown) {
            super(arg.field, kind);
            this.arg = arg;
            this.shown = shown;
        }

        @Override
        int count(PacketView v) {
            return arg.count(v);
        }

        @Override
        String name() {
            return shown;
        }

        @Override
        String described() {
            return kind == Kind.INT ? "an unsigned integer" : "a string";
        }

        @Override
        Field typed() {
            return null;
        }

        @Override
        long hi(PacketView v, int k) {
            return 0;
        }

        @Override
        int family(PacketView v, int k) {
            return 0;
        }

        /** A number's text; the string functions say their own. */
        @Override
        String asText(PacketView v, int k) {
            return Long.toString(asLong(v, k));
        }

        @Override
        void asBytes(PacketView v, int k, Slice out) {
            byte[] b = asText(v, k).getBytes(StandardCharsets.UTF_8);
            out.set(b, 0, b.length);
        }
    }

    /** Each occurrence's length in bytes. */
    static final class Length extends Applied {
        private final Slice slice = new Slice();

        Length(Source arg, String shown) {
            super(arg, Kind.INT, shown);
        }

        @Override
        long asLong(PacketView v, int k) {
            return switch (arg.kind) {
                case ETHER -> 6;
                case ADDRESS -> arg.family(v, k) == 4 ? 4 : 16;
                case TEXT -> arg.asText(v, k).getBytes(StandardCharsets.UTF_8).length;
                default -> {
                    arg.asBytes(v, k, slice);
                    // a protocol's length is its item's, its header: len(ip) == 20
                    yield arg instanceof Source.Plain ? arg.field.itemLength(v, k, slice.length()) : slice.length();
                }
            };
        }
    }

    /** How many times the field occurs: one value, absent when the field is (as tshark: count(udp.port) == 0 never holds). */
    static final class Count extends Applied {
        Count(Source arg, String shown) {
            super(arg, Kind.INT, shown);
        }

        @Override
        int count(PacketView v) {
            return arg.count(v) > 0 ? 1 : 0;
        }

        @Override
        long asLong(PacketView v, int k) {
            return arg.count(v);
        }
    }

    static final class Cased extends Applied {
        private final boolean upper;

        Cased(Source arg, String shown, boolean upper) {
            super(arg, Kind.TEXT, shown);
            this.upper = upper;
        }

        @Override
        String asText(PacketView v, int k) {
            String s = arg.asText(v, k);
            return upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
        }
    }

    /** The value as text, as tshark's string() makes it: integers in decimal whatever the field's base, addresses as shown. */
    static final class Stringed extends Applied {
        private final byte[] scratch = new byte[Addresses.MAX_LENGTH];

        Stringed(Source arg, String shown) {
            super(arg, Kind.TEXT, shown);
        }

        @Override
        String asText(PacketView v, int k) {
            return switch (arg.kind) {
                case ADDRESS -> Addresses.format(arg.family(v, k), arg.hi(v, k), arg.asLong(v, k));
                case ETHER -> new String(scratch, 0, Addresses.writeEther(scratch, 0, arg.asLong(v, k)), StandardCharsets.US_ASCII);
                case TEXT -> arg.asText(v, k);
                default -> Long.toString(arg.asLong(v, k));
            };
        }
    }

    static final class Abs extends Applied {
        Abs(Source arg, String shown) {
            super(arg, Kind.INT, shown);
        }

        @Override
        long asLong(PacketView v, int k) {
            return Math.abs(arg.asLong(v, k));
        }

        /** The argument's own type: abs(frame.time_delta) > 0.5 reads 0.5 as seconds. */
        @Override
        Field typed() {
            return arg.typed();
        }

        @Override
        String described() {
            return arg.described();
        }
    }
}
