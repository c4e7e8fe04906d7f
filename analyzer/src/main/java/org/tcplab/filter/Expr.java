package org.tcplab.filter;

import java.util.List;

/** The parsed form of a display filter, before its fields and values are checked and compiled. */
sealed interface Expr {
    int column();

    record Or(Expr left, Expr right, int column) implements Expr {
    }

    record And(Expr left, Expr right, int column) implements Expr {
    }

    record Xor(Expr left, Expr right, int column) implements Expr {
    }

    record Not(Expr inner, int column) implements Expr {
    }

    /** A lone operand: a field or protocol that must be present (or a slice, or a masked field that must be non-zero). */
    record Test(Operand operand, int column) implements Expr {
    }

    /** {@code left OP right}: OP one of == != === !== ~= > < >= <= (or the word forms). */
    record Compare(Operand left, String op, Operand right, int column) implements Expr {
    }

    record Contains(Operand left, Operand right, int column) implements Expr {
    }

    record Matches(Operand left, Operand right, int column) implements Expr {
    }

    /** {@code left in {a, b, c..d}}. */
    record In(Operand left, List<SetElement> elements, int column) implements Expr {
    }

    record SetElement(Operand low, Operand high) {
    }

    /** An operand: a name (a field, or a value to be read as the other side's type), a string, maybe sliced or masked. */
    sealed interface Operand {
        int column();
    }

    /** An unquoted word: a field name if the catalogue has it, else a value. */
    record Word(String text, List<Range> slice, Operand mask, int column) implements Operand {
    }

    /** {@code name(argument)}: one of Wireshark's functions (len, count, upper, lower, string, abs) of a field. */
    record Call(String name, Operand argument, int column) implements Operand {
    }

    /** A quoted string (its bytes as Latin-1 characters). */
    record Text(String bytes, int column) implements Operand {
    }

    /**
     * A slice range of Wireshark's syntax: {@code [i:n]} n bytes from i, {@code [i-j]} i to j
     * inclusive, {@code [i]} one byte, {@code [:n]}, {@code [i:]} to the end; i may count from the end (negative).
     */
    record Range(int start, int length, boolean toEnd) {
    }
}
