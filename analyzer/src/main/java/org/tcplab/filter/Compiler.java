package org.tcplab.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tcplab.filter.Expr.Operand;
import org.tcplab.model.Field;
import org.tcplab.model.Fields;

/**
 * Checks a parsed filter against the catalogue and builds its {@link Test} tree: every name is a
 * field or a value of the type of the field it is compared with, or the filter fails with one line
 * that says which and where.
 */
final class Compiler {
    private final List<Field> used = new ArrayList<>();

    List<Field> fieldsUsed() {
        return used;
    }

    Test compile(Expr e) throws FilterException {
        if (e instanceof Expr.Or o) {
            return new Test.Or(compile(o.left()), compile(o.right()));
        }
        if (e instanceof Expr.And a) {
            return new Test.And(compile(a.left()), compile(a.right()));
        }
        if (e instanceof Expr.Xor x) {
            return new Test.Xor(compile(x.left()), compile(x.right()));
        }
        if (e instanceof Expr.Not n) {
            return new Test.Not(compile(n.inner()));
        }
        if (e instanceof Expr.Test t) {
            return test(t);
        }
        if (e instanceof Expr.Compare c) {
            return compare(c);
        }
        if (e instanceof Expr.Contains c) {
            return contains(c);
        }
        if (e instanceof Expr.Matches m) {
            return matches(m);
        }
        return in((Expr.In) e);
    }

    private Field field(String name) {
        Field f = Fields.byName(name);
        if (f != null && !used.contains(f)) {
            used.add(f);
        }
        return f;
    }

    /** The operand as a field source, or null when it is not a field's name. */
    private Source source(Operand o) throws FilterException {
        if (o instanceof Expr.Call call) {
            if (call.argument() instanceof Expr.Call inner) {
                // as tshark 4.0: "Only fields can be used as parameter for string()"
                throw new FilterException(call.name() + "() takes a field, not another function", inner.column());
            }
            return Functions.of(call, required(call.argument()));
        }
        if (!(o instanceof Expr.Word w)) {
            return null;
        }
        Field f = field(w.text());
        if (f == null) {
            return null;
        }
        Source s;
        if (w.slice() != null) {
            if (!sliceable(f)) {
                throw new FilterException(f.name() + " is " + Kind.describe(f) + " and cannot be sliced"
                        + " (only bytes, protocols, strings and addresses can)", w.column());
            }
            s = new Source.Sliced(f, w.slice());
        } else {
            s = new Source.Plain(f);
        }
        if (w.mask() != null) {
            if (s.kind != Kind.INT || f.type().isTime()) {
                throw new FilterException("'&' needs an integer field, and " + f.name() + " is " + Kind.describe(f), w.column());
            }
            long mask = value(Kind.INT, f, f.name(), Kind.describe(f), w.mask());
            s = new Source.Masked(f, mask);
        }
        return s;
    }

    private static boolean sliceable(Field f) {
        return switch (f.type()) {
            case BYTES, PROTOCOL, STRING, ETHER, IPV4, IPV6, IP -> true;
            default -> false;
        };
    }

    /** A field that must exist: the operand must name one. */
    private Source required(Operand o) throws FilterException {
        Source s = source(o);
        if (s != null) {
            return s;
        }
        if (o instanceof Expr.Word w) {
            String hint = Fields.closest(w.text());
            throw new FilterException("unknown field '" + w.text() + "'", w.column(),
                    hint == null ? null : "did you mean " + hint + "?");
        }
        throw new FilterException("a string cannot stand alone: compare it with a field", o.column());
    }

    private Test test(Expr.Test t) throws FilterException {
        if (t.operand() instanceof Expr.Call call) {
            // as tshark: "You cannot test whether a function is present"
            boolean text = List.of("upper", "lower", "string").contains(call.name().toLowerCase(java.util.Locale.ROOT));
            throw new FilterException(call.name() + "() has a value, not a presence: compare it (e.g. " + Literal.text(call)
                    + (text ? " contains \"x\")" : " > 0)"), t.column());
        }
        Source s = required(t.operand());
        if (s instanceof Source.Masked) {
            return new Test.NonZero(s);
        }
        return new Test.Exists(s);
    }

    private Test compare(Expr.Compare c) throws FilterException {
        Op op = Op.of(c.op());
        Source left = source(c.left());
        Source right = source(c.right());
        if (left == null && right == null) {
            // neither side is a field: say so about the left one
            required(c.left());
        }
        if (left == null) {
            // "80 == tcp.port": the same test the other way round
            Source t = right;
            right = null;
            left = t;
            Operand swapped = c.left();
            op = flip(op);
            return relation(left, op, swapped, c);
        }
        if (right != null) {
            if (!comparable(left.kind, right.kind) || left.kind == Kind.MARKER) {
                throw new FilterException("cannot compare " + left.name() + " (" + left.described() + ") with "
                        + right.name() + " (" + right.described() + ")", c.column());
            }
            return new Test.FieldRelation(left, op, right);
        }
        return relation(left, op, c.right(), c);
    }

    private static boolean comparable(Kind a, Kind b) {
        return a == b || (a == Kind.BYTES && b == Kind.TEXT) || (a == Kind.TEXT && b == Kind.BYTES);
    }

    private static Op flip(Op op) {
        return switch (op) {
            case GT -> Op.LT;
            case LT -> Op.GT;
            case GE -> Op.LE;
            case LE -> Op.GE;
            default -> op;
        };
    }

    private Test relation(Source s, Op op, Operand value, Expr c) throws FilterException {
        literal(value);
        switch (s.kind) {
            case MARKER -> throw new FilterException(s.field.name() + " is " + Kind.describe(s.field)
                    + ": test it alone (\"" + s.field.name() + "\"), there is nothing to compare", c.column());
            case INT, ETHER -> {
                return new Test.IntRelation(s, op, value(s, value));
            }
            case ADDRESS -> {
                return new Test.AddressRelation(s, op, address(s, value));
            }
            case TEXT -> {
                return new Test.TextRelation(s, op, Literal.text(value));
            }
            default -> {
                return new Test.BytesRelation(s, op, bytes(s, value));
            }
        }
    }

    /** Where a value must stand (a set's member, a mask): a function's result is not one. */
    private static void literal(Operand o) throws FilterException {
        if (o instanceof Expr.Call call) {
            throw new FilterException(call.name() + "() cannot stand for a value here: compare it with a field or a value",
                    call.column());
        }
    }

    /** A value of an integer-like or Ethernet source. */
    private long value(Source s, Operand o) throws FilterException {
        return value(s.kind, s.typed(), s.name(), s.described(), o);
    }

    private long value(Kind kind, Field f, String name, String described, Operand o) throws FilterException {
        literal(o);
        long v;
        try {
            v = kind == Kind.ETHER ? Literal.ether(Literal.text(o)) : Literal.integer(f, o);
        } catch (Literal.BadValue e) {
            throw mismatch(name, described, o, e.getMessage());
        }
        long max = f == null || f.type() != Field.Type.UINT ? Long.MAX_VALUE : maximum(f);
        if (v > max) {
            // as tshark: a value the field cannot hold is an error, not a test that never matches
            throw new FilterException("'" + Literal.text(o) + "' is too big for " + name + " (at most " + max + ")",
                    o.column());
        }
        return v;
    }

    /**
     * The largest value an unsigned field holds: that of its Wireshark type (FT_UINT8, FT_UINT16),
     * not of its bits within the header (tshark takes ip.dsfield.dscp == 64 and refuses 256); a
     * field read from a wider word than its width (ipv6.tclass, an FT_UINT32) and one of 32 bits
     * or more are not bounded here.
     */
    private static long maximum(Field f) {
        int bits = f.bits();
        long word = (1L << bits) - 1;
        if ((bits != 8 && bits != 16) || (f.mask() & ~word) != 0) {
            return Long.MAX_VALUE;
        }
        return word;
    }

    private long[] address(Source s, Operand o) throws FilterException {
        try {
            long[] a = Literal.address(Literal.text(o));
            if (s.field.type() == Field.Type.IPV4 && a[0] != 4 || s.field.type() == Field.Type.IPV6 && a[0] != 6) {
                throw mismatch(s.name(), s.described(), o, a[0] == 4 ? "an IPv4 address" : "an IPv6 address");
            }
            return a;
        } catch (Literal.BadValue e) {
            throw mismatch(s.name(), s.described(), o, e.getMessage());
        }
    }

    private byte[] bytes(Source s, Operand o) throws FilterException {
        try {
            return Literal.bytesOf(o);
        } catch (Literal.BadValue e) {
            throw mismatch(s.name(), s.described(), o, e.getMessage());
        }
    }

    private FilterException mismatch(String name, String described, Operand o, String why) {
        String shown = o instanceof Expr.Text ? "\"" + Literal.text(o) + "\"" : "'" + Literal.text(o) + "'";
        String hint = null;
        if (o instanceof Expr.Word w && w.text().matches("[A-Za-z_][A-Za-z0-9_.]*\\.[A-Za-z0-9_.]+")) {
            String close = Fields.closest(w.text());
            hint = close == null ? "it is not a field either" : "not a field either; did you mean " + close + "?";
        }
        return new FilterException("cannot compare " + name + " (" + described + ") with " + shown + ": " + why,
                o.column(), hint);
    }

    private Test contains(Expr.Contains c) throws FilterException {
        Source s = required(c.left());
        if (s.kind != Kind.BYTES && s.kind != Kind.TEXT) {
            throw new FilterException("'contains' needs bytes, a protocol or a string, and " + s.name() + " is "
                    + s.described(), c.column());
        }
        Source other = source(c.right());
        if (other != null) {
            throw new FilterException("'contains' takes a value, not a field", c.right().column());
        }
        byte[] needle = bytes(s, c.right());
        return new Test.Contains(s, needle, Literal.text(c.right()));
    }

    private Test matches(Expr.Matches m) throws FilterException {
        Source s = required(m.left());
        if (s.kind != Kind.BYTES && s.kind != Kind.TEXT) {
            throw new FilterException("'matches' needs bytes, a protocol or a string, and " + s.name() + " is "
                    + s.described(), m.column());
        }
        if (!(m.right() instanceof Expr.Text t)) {
            throw new FilterException("'matches' takes a regular expression in quotes", m.right().column());
        }
        try {
            // Wireshark matches without regard to case; DOTALL so that '.' also takes line ends in payloads
            return new Test.Matches(s, Pattern.compile(Literal.text(t),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            throw new FilterException("bad regular expression: " + e.getDescription(), t.column());
        }
    }

    private Test in(Expr.In in) throws FilterException {
        Source s = required(in.left());
        List<Test> members = new ArrayList<>();
        for (Expr.SetElement el : in.elements()) {
            if (el.high() == null) {
                members.add(relation(s, Op.ANY_EQ, el.low(), in));
            } else {
                if (s.kind != Kind.INT) {
                    throw new FilterException("a range needs numbers, and " + s.name() + " is " + s.described(),
                            el.low().column());
                }
                long low = value(s, el.low());
                long high = value(s, el.high());
                members.add(new Test.IntRange(s, low, high));
            }
        }
        return new Test.In(s, members);
    }
}
