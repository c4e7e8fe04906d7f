package org.tcplab.filter;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tcplab.model.PacketView;
import org.tcplab.model.Slice;

/** A compiled display filter node: true when the packet passes. Nodes hold scratch buffers: one thread each. */
interface Test {
    boolean test(PacketView v);

    record And(Test a, Test b) implements Test {
        @Override
        public boolean test(PacketView v) {
            return a.test(v) && b.test(v);
        }
    }

    record Or(Test a, Test b) implements Test {
        @Override
        public boolean test(PacketView v) {
            return a.test(v) || b.test(v);
        }
    }

    record Xor(Test a, Test b) implements Test {
        @Override
        public boolean test(PacketView v) {
            return a.test(v) != b.test(v);
        }
    }

    record Not(Test a) implements Test {
        @Override
        public boolean test(PacketView v) {
            return !a.test(v);
        }
    }

    /** The field (or slice) occurs. */
    record Exists(Source s) implements Test {
        @Override
        public boolean test(PacketView v) {
            return s.count(v) > 0;
        }
    }

    /** A masked field is non-zero in some occurrence ({@code tcp.flags & 0x02}). */
    record NonZero(Source s) implements Test {
        @Override
        public boolean test(PacketView v) {
            for (int k = 0, n = s.count(v); k < n; k++) {
                if (s.asLong(v, k) != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The shared loop: any or every occurrence, none when absent. */
    abstract class Relation implements Test {
        final Source s;
        final Op op;

        Relation(Source s, Op op) {
            this.s = s;
            this.op = op;
        }

        abstract int compare(PacketView v, int k);

        @Override
        public boolean test(PacketView v) {
            int n = s.count(v);
            if (n == 0) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                boolean h = op.holds(compare(v, k));
                if (op.all != h) {
                    return h;
                }
            }
            return op.all;
        }
    }

    final class IntRelation extends Relation {
        private final long value;

        IntRelation(Source s, Op op, long value) {
            super(s, op);
            this.value = value;
        }

        @Override
        int compare(PacketView v, int k) {
            return Long.compare(s.asLong(v, k), value);
        }
    }

    final class AddressRelation extends Relation {
        private final int family;
        private final long hi;
        private final long lo;
        private final int bits;

        AddressRelation(Source s, Op op, long[] address) {
            super(s, op);
            this.family = (int) address[0];
            this.hi = address[1];
            this.lo = address[2];
            this.bits = (int) address[3];
        }

        @Override
        int compare(PacketView v, int k) {
            int f = s.family(v, k);
            if (f != family) {
                return f < family ? -1 : 1;
            }
            long h = s.hi(v, k);
            long l = s.asLong(v, k);
            if (family == 4) {
                long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
                return Long.compareUnsigned(l & mask, lo & mask);
            }
            long hm = bits >= 64 ? -1L : bits == 0 ? 0 : -1L << (64 - bits);
            long lm = bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
            int c = Long.compareUnsigned(h & hm, hi & hm);
            return c != 0 ? c : Long.compareUnsigned(l & lm, lo & lm);
        }
    }

    final class TextRelation extends Relation {
        private final String value;

        TextRelation(Source s, Op op, String value) {
            super(s, op);
            this.value = value;
        }

        @Override
        int compare(PacketView v, int k) {
            return Integer.signum(s.asText(v, k).compareTo(value));
        }
    }

    final class BytesRelation extends Relation {
        private final byte[] value;
        private final Slice slice = new Slice();

        BytesRelation(Source s, Op op, byte[] value) {
            super(s, op);
            this.value = value;
        }

        @Override
        int compare(PacketView v, int k) {
            s.asBytes(v, k, slice);
            return Bytes.compare(slice, value);
        }
    }

    /** Two fields: any pair of occurrences (every pair for all_ne and all_eq). */
    final class FieldRelation implements Test {
        private final Source a;
        private final Source b;
        private final Op op;
        private final Slice sa = new Slice();
        private final Slice sb = new Slice();

        FieldRelation(Source a, Op op, Source b) {
            this.a = a;
            this.b = b;
            this.op = op;
        }

        @Override
        public boolean test(PacketView v) {
            int na = a.count(v);
            int nb = b.count(v);
            if (na == 0 || nb == 0) {
                return false;
            }
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    boolean h = op.holds(compare(v, i, j));
                    if (op.all != h) {
                        return h;
                    }
                }
            }
            return op.all;
        }

        private int compare(PacketView v, int i, int j) {
            return switch (a.kind) {
                case INT, ETHER -> Long.compare(a.asLong(v, i), b.asLong(v, j));
                case ADDRESS -> {
                    int c = Integer.compare(a.family(v, i), b.family(v, j));
                    if (c == 0) {
                        c = Long.compareUnsigned(a.hi(v, i), b.hi(v, j));
                    }
                    yield c != 0 ? c : Long.compareUnsigned(a.asLong(v, i), b.asLong(v, j));
                }
                case TEXT -> Integer.signum(a.asText(v, i).compareTo(b.asText(v, j)));
                default -> {
                    a.asBytes(v, i, sa);
                    b.asBytes(v, j, sb);
                    yield Bytes.compare(sa, sb.copy());
                }
            };
        }
    }

    /** Some occurrence holds the bytes (bytes, protocols and slices) or the text (strings), case as written. */
    final class Contains implements Test {
        private final Source s;
        private final byte[] needle;
        private final String text;
        private final Slice slice = new Slice();

        Contains(Source s, byte[] needle, String text) {
            this.s = s;
            this.needle = needle;
            this.text = text;
        }

        @Override
        public boolean test(PacketView v) {
            for (int k = 0, n = s.count(v); k < n; k++) {
                if (s.kind == Kind.TEXT) {
                    if (s.asText(v, k).contains(text)) {
                        return true;
                    }
                } else {
                    s.asBytes(v, k, slice);
                    if (Bytes.indexOf(slice, needle) >= 0) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Some occurrence matches the regular expression, without regard to case (Wireshark's PCRE2
     * default); bytes are read as 8-bit characters.
     */
    final class Matches implements Test {
        private final Source s;
        private final Matcher matcher;
        private final Slice slice = new Slice();
        private final Bytes.Latin1 chars = new Bytes.Latin1();

        Matches(Source s, Pattern pattern) {
            this.s = s;
            this.matcher = pattern.matcher("");
        }

        @Override
        public boolean test(PacketView v) {
            for (int k = 0, n = s.count(v); k < n; k++) {
                if (s.kind == Kind.TEXT) {
                    matcher.reset(s.asText(v, k));
                } else {
                    s.asBytes(v, k, slice);
                    chars.of(slice);
                    matcher.reset(chars);
                }
                if (matcher.find()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Some occurrence is one of the set's values or within one of its ranges. */
    final class In implements Test {
        private final Source s;
        private final List<Test> members;

        In(Source s, List<Test> members) {
            this.s = s;
            this.members = members;
        }

        @Override
        public boolean test(PacketView v) {
            for (Test t : members) {
                if (t.test(v)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code low <= value <= high} for one occurrence, for a set's range. */
    final class IntRange implements Test {
        private final Source s;
        private final long low;
        private final long high;

        IntRange(Source s, long low, long high) {
            this.s = s;
            this.low = low;
            this.high = high;
        }

        @Override
        public boolean test(PacketView v) {
            for (int k = 0, n = s.count(v); k < n; k++) {
                long x = s.asLong(v, k);
                if (x >= low && x <= high) {
                    return true;
                }
            }
            return false;
        }
    }
}
