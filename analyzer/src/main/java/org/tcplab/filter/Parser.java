package org.tcplab.filter;

import java.util.ArrayList;
import java.util.List;
import org.tcplab.filter.Expr.Operand;
import org.tcplab.filter.Token.Kind;

/**
 * Reads tokens into an {@link Expr}. Precedence, loosest first: or (||), xor (^^), and (&amp;&amp;),
 * not (!); parentheses group.
 */
final class Parser {
    private final List<Token> tokens;
    private int p;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Expr parse(String filter) throws FilterException {
        Parser parser = new Parser(Lexer.tokens(filter));
        if (parser.peek().is(Kind.END)) {
            throw new FilterException("the filter is empty", 1);
        }
        Expr e = parser.or();
        Token t = parser.peek();
        if (!t.is(Kind.END)) {
            throw new FilterException(t.is(Kind.RPAREN) ? "')' without its '('" : "unexpected " + t.shown(), t.column());
        }
        return e;
    }

    private Token peek() {
        return tokens.get(p);
    }

    private Token take() {
        return tokens.get(p++);
    }

    private Expr or() throws FilterException {
        Expr left = xor();
        while (peek().is(Kind.OR)) {
            Token op = take();
            left = new Expr.Or(left, operandOf(op, this::xor), op.column());
        }
        return left;
    }

    private Expr xor() throws FilterException {
        Expr left = and();
        while (peek().is(Kind.XOR)) {
            Token op = take();
            left = new Expr.Xor(left, operandOf(op, this::and), op.column());
        }
        return left;
    }

    private Expr and() throws FilterException {
        Expr left = unary();
        while (peek().is(Kind.AND)) {
            Token op = take();
            left = new Expr.And(left, operandOf(op, this::unary), op.column());
        }
        return left;
    }

    private interface Rule {
        Expr parse() throws FilterException;
    }

    /** The right side of a logical operator: there must be one. */
    private Expr operandOf(Token op, Rule rule) throws FilterException {
        if (peek().is(Kind.END)) {
            throw new FilterException("'" + op.text() + "' needs a test after it", peek().column());
        }
        return rule.parse();
    }

    private Expr unary() throws FilterException {
        if (peek().is(Kind.NOT)) {
            Token op = take();
            return new Expr.Not(operandOf(op, this::unary), op.column());
        }
        if (peek().is(Kind.LPAREN)) {
            Token open = take();
            Expr inner = or();
            if (!peek().is(Kind.RPAREN)) {
                throw new FilterException("'(' is not closed: expected ')' but found " + peek().shown(), open.column());
            }
            take();
            return inner;
        }
        return test();
    }

    private Expr test() throws FilterException {
        Token first = peek();
        Operand left = operand();
        Token t = peek();
        switch (t.kind()) {
            case RELATION -> {
                take();
                return new Expr.Compare(left, t.text(), value(t), t.column());
            }
            case CONTAINS -> {
                take();
                return new Expr.Contains(left, value(t), t.column());
            }
            case MATCHES -> {
                take();
                return new Expr.Matches(left, value(t), t.column());
            }
            case IN -> {
                take();
                return new Expr.In(left, set(t), t.column());
            }
            default -> {
                return new Expr.Test(left, first.column());
            }
        }
    }

    /** The operand after an operator. */
    private Operand value(Token op) throws FilterException {
        Token t = peek();
        if (t.is(Kind.END)) {
            throw new FilterException("'" + op.text() + "' needs a value after it", t.column());
        }
        return operand();
    }

    private Operand operand() throws FilterException {
        Token t = take();
        if (t.is(Kind.STRING)) {
            return new Expr.Text(t.text(), t.column());
        }
        if (!t.is(Kind.WORD)) {
            throw new FilterException(t.is(Kind.END) ? "the filter ends where a field or value was expected"
                    : "expected a field or a value, found " + t.shown(), t.column());
        }
        if (peek().is(Kind.LPAREN)) {
            return call(t);
        }
        List<Expr.Range> slice = null;
        if (peek().is(Kind.LBRACKET)) {
            slice = slice();
        }
        Operand mask = null;
        if (peek().is(Kind.BITAND)) {
            Token amp = take();
            mask = value(amp);
        }
        return new Expr.Word(t.text(), slice, mask, t.column());
    }

    /** {@code name(field)}: the word before '(' names a function. */
    private Operand call(Token name) throws FilterException {
        Token open = take();
        if (peek().is(Kind.RPAREN)) {
            throw new FilterException(name.text() + "() needs a field between its parentheses", peek().column());
        }
        Operand argument = operand();
        if (peek().is(Kind.COMMA)) {
            // Wireshark's max() and min() take several fields; tcplab has neither
            boolean several = name.text().equalsIgnoreCase("max") || name.text().equalsIgnoreCase("min");
            throw new FilterException(several ? "functions of several fields (max, min) are not supported; the functions are "
                    + Functions.NAMES + ", each of one field" : name.text() + "() takes one field", peek().column());
        }
        if (!peek().is(Kind.RPAREN)) {
            throw new FilterException("'(' is not closed: expected ')' but found " + peek().shown(), open.column());
        }
        take();
        return new Expr.Call(name.text(), argument, name.column());
    }

    /** {@code [i:n]}, {@code [i-j]}, {@code [i]}, {@code [:n]}, {@code [i:]}, several separated by commas. */
    private List<Expr.Range> slice() throws FilterException {
        Token open = take();
        List<Expr.Range> ranges = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (!peek().is(Kind.RBRACKET)) {
            Token t = take();
            if (t.is(Kind.END)) {
                throw new FilterException("'[' is not closed: expected ']'", open.column());
            }
            if (t.is(Kind.COMMA)) {
                ranges.add(range(text.toString(), open.column()));
                text.setLength(0);
            } else if (t.is(Kind.WORD)) {
                text.append(t.text());
            } else {
                throw new FilterException("unexpected " + t.shown() + " in a slice", t.column());
            }
        }
        take();
        ranges.add(range(text.toString(), open.column()));
        return ranges;
    }

    private static Expr.Range range(String r, int column) throws FilterException {
        try {
            if (r.isEmpty()) {
                throw new NumberFormatException();
            }
            int colon = r.indexOf(':');
            if (colon >= 0) {
                int start = colon == 0 ? 0 : Integer.parseInt(r.substring(0, colon));
                String len = r.substring(colon + 1);
                if (len.isEmpty()) {
                    return new Expr.Range(start, 0, true);
                }
                int n = Integer.parseInt(len);
                if (n <= 0) {
                    throw new FilterException("slice length " + n + " must be at least 1", column);
                }
                return new Expr.Range(start, n, false);
            }
            int dash = r.indexOf('-', 1);
            if (dash > 0) {
                int start = Integer.parseInt(r.substring(0, dash));
                int end = Integer.parseInt(r.substring(dash + 1));
                if (end < start || (start < 0) != (end < 0)) {
                    throw new FilterException("slice range " + r + " ends before it starts", column);
                }
                return new Expr.Range(start, end - start + 1, false);
            }
            return new Expr.Range(Integer.parseInt(r), 1, false);
        } catch (NumberFormatException e) {
            throw new FilterException("'" + r + "' is not a slice ([i:n], [i-j], [i], [:n] or [i:])", column);
        }
    }

    /** {@code {a, b, c..d}}; elements separated by commas (Wireshark 4) or spaces (Wireshark 3). */
    private List<Expr.SetElement> set(Token in) throws FilterException {
        Token open = take();
        if (!open.is(Kind.LBRACE)) {
            throw new FilterException("'in' needs a set in braces, e.g. {80, 443, 8000..8080}", open.column());
        }
        List<Expr.SetElement> elements = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.is(Kind.RBRACE)) {
                take();
                break;
            }
            if (t.is(Kind.END)) {
                throw new FilterException("'{' is not closed: expected '}'", open.column());
            }
            if (t.is(Kind.COMMA)) {
                if (elements.isEmpty()) {
                    throw new FilterException("a set cannot start with ','", t.column());
                }
                take();
                continue;
            }
            Operand low = operand();
            Operand high = null;
            if (peek().is(Kind.RANGE)) {
                Token range = take();
                high = value(range);
            }
            elements.add(new Expr.SetElement(low, high));
        }
        if (elements.isEmpty()) {
            throw new FilterException("the set is empty", open.column());
        }
        return elements;
    }
}
