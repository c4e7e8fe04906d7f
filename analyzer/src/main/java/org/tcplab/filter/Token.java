package org.tcplab.filter;

/** One token of a display filter, with the 1-based column it starts at. */
record Token(Kind kind, String text, int column) {
    enum Kind {
        /** A field name or an unquoted value (10.0.0.1, 0x12, 00:11:22:33:44:55, fe80::1/64, 1.5). */
        WORD,
        /** A quoted string, escapes resolved. */
        STRING,
        /** Raw bytes of a quoted string as written, for byte comparisons. */
        LPAREN, RPAREN, LBRACE, RBRACE, LBRACKET, RBRACKET, COMMA, RANGE,
        /** == != === !== ~= > < >= <= and the word forms eq ne gt lt ge le any_eq all_ne all_eq any_ne. */
        RELATION,
        CONTAINS, MATCHES, IN, BITAND, AND, OR, XOR, NOT,
        END
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** How the token reads in a message. */
    String shown() {
        return kind == Kind.END ? "the end of the filter" : kind == Kind.STRING ? "\"" + text + "\"" : "'" + text + "'";
    }
}
