package org.tcplab.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tcplab.filter.Token.Kind;

/**
 * Cuts a display filter into tokens, in Wireshark's syntax (wireshark-filter(4)): field names and
 * unquoted values as words, quoted strings with C escapes, the symbolic and the word forms of the
 * operators, parentheses, set braces, slice brackets.
 */
final class Lexer {
    private final String s;
    private int i;
    private final List<Token> out = new ArrayList<>();

    private Lexer(String s) {
        this.s = s;
    }

    static List<Token> tokens(String filter) throws FilterException {
        Lexer l = new Lexer(filter);
        l.run();
        return l.out;
    }

    private void run() throws FilterException {
        while (true) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length()) {
                out.add(new Token(Kind.END, "", s.length() + 1));
                return;
            }
            int col = i + 1;
            char c = s.charAt(i);
            switch (c) {
                case '(' -> add(Kind.LPAREN, "(", 1);
                case ')' -> add(Kind.RPAREN, ")", 1);
                case '{' -> add(Kind.LBRACE, "{", 1);
                case '}' -> add(Kind.RBRACE, "}", 1);
                case '[' -> add(Kind.LBRACKET, "[", 1);
                case ']' -> add(Kind.RBRACKET, "]", 1);
                case ',' -> add(Kind.COMMA, ",", 1);
                case '"' -> string(col);
                case '=' -> {
                    if (next("===")) {
                        add(Kind.RELATION, "===", 3);
                    } else if (next("==")) {
                        add(Kind.RELATION, "==", 2);
                    } else {
                        throw new FilterException("'=' is not an operator (did you mean '=='?)", col);
                    }
                }
                case '!' -> {
                    if (next("!==")) {
                        add(Kind.RELATION, "!==", 3);
                    } else if (next("!=")) {
                        add(Kind.RELATION, "!=", 2);
                    } else {
                        add(Kind.NOT, "!", 1);
                    }
                }
                case '~' -> {
                    if (next("~=")) {
                        add(Kind.RELATION, "~=", 2);
                    } else {
                        add(Kind.MATCHES, "~", 1);
                    }
                }
                case '>', '<' -> {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '=') {
                        add(Kind.RELATION, c + "=", 2);
                    } else {
                        add(Kind.RELATION, String.valueOf(c), 1);
                    }
                }
                case '&' -> {
                    if (next("&&")) {
                        add(Kind.AND, "&&", 2);
                    } else {
                        add(Kind.BITAND, "&", 1);
                    }
                }
                case '|' -> {
                    if (next("||")) {
                        add(Kind.OR, "||", 2);
                    } else {
                        throw new FilterException("'|' is not an operator (did you mean '||'?)", col);
                    }
                }
                case '^' -> {
                    if (next("^^")) {
                        add(Kind.XOR, "^^", 2);
                    } else {
                        throw new FilterException("'^' is not an operator (did you mean '^^'?)", col);
                    }
                }
                default -> {
                    if (isWordChar(c)) {
                        word(col);
                    } else {
                        throw new FilterException("unexpected character '" + c + "'", col);
                    }
                }
            }
        }
    }

    private boolean next(String op) {
        return s.startsWith(op, i);
    }

    private void add(Kind k, String text, int length) {
        out.add(new Token(k, text, i + 1));
        i += length;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '/' || c == '-';
    }

    private void word(int col) {
        if (s.startsWith("..", i)) {
            out.add(new Token(Kind.RANGE, "..", col));
            i += 2;
            return;
        }
        int start = i;
        // "a..b" is a range in a set: a word stops before ".."
        while (i < s.length() && isWordChar(s.charAt(i)) && !s.startsWith("..", i)) {
            i++;
        }
        String w = s.substring(start, i);
        Kind k = switch (w) {
            case "eq", "ne", "gt", "lt", "ge", "le", "any_eq", "all_ne", "all_eq", "any_ne" -> Kind.RELATION;
            case "and" -> Kind.AND;
            case "or" -> Kind.OR;
            case "xor" -> Kind.XOR;
            case "not" -> Kind.NOT;
            case "contains" -> Kind.CONTAINS;
            case "matches" -> Kind.MATCHES;
            case "in" -> Kind.IN;
            case "bitand" -> Kind.BITAND;
            default -> Kind.WORD;
        };
        out.add(new Token(k, w, col));
    }

    /** A double-quoted string: \\ \" \n \t \r \a \b \f \v, \xNN and octal \NNN escapes (bytes, taken as UTF-8). */
    private void string(int col) throws FilterException {
        i++;
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        while (true) {
            if (i >= s.length()) {
                throw new FilterException("the string that starts here is not closed", col);
            }
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                break;
            }
            if (c != '\\') {
                byte[] u = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    u = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                b.writeBytes(u);
                i++;
                continue;
            }
            if (i + 1 >= s.length()) {
                throw new FilterException("the string that starts here is not closed", col);
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> b.write('\n');
                case 't' -> b.write('\t');
                case 'r' -> b.write('\r');
                case 'a' -> b.write(7);
                case 'b' -> b.write(8);
                case 'f' -> b.write(12);
                case 'v' -> b.write(11);
                case 'x' -> {
                    int v = 0;
                    int n = 0;
                    while (n < 2 && i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(i++), 16);
                        n++;
                    }
                    if (n == 0) {
                        throw new FilterException("'\\x' needs hexadecimal digits", i);
                    }
                    b.write(v);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int n = 1;
                        while (n < 3 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                            v = v * 8 + (s.charAt(i++) - '0');
                            n++;
                        }
                        b.write(v & 0xFF);
                    } else {
                        b.writeBytes(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        // the bytes, kept as Latin-1 chars so that no escape is lost; the compiler decodes as needed
        out.add(new Token(Kind.STRING, new String(b.toByteArray(), StandardCharsets.ISO_8859_1), col));
    }
}
