package org.tcplab.filter;

/**
 * A display filter that cannot be used: it does not parse, names an unknown field, or compares a
 * field with a value of the wrong type. The message says what and where, in one line.
 */
public final class FilterException extends Exception {
    private final int column;

    FilterException(String what, int column) {
        super(what + " at column " + column);
        this.column = column;
    }

    FilterException(String what, int column, String hint) {
        super(what + " at column " + column + (hint == null ? "" : "; " + hint));
        this.column = column;
    }

    /** 1-based column of the filter text where the problem is. */
    public int column() {
        return column;
    }
}
