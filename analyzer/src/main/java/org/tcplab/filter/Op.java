package org.tcplab.filter;

/**
 * A comparison and how it treats a field that occurs several times (wireshark-filter(4)): most
 * hold when any occurrence satisfies them; {@code !=} (all_ne) and {@code ===} (all_eq) when every
 * one does. None holds for a field that is absent.
 */
enum Op {
    ANY_EQ(false), ALL_NE(true), ALL_EQ(true), ANY_NE(false), GT(false), LT(false), GE(false), LE(false);

    final boolean all;

    Op(boolean all) {
        this.all = all;
    }

    static Op of(String text) {
        return switch (text) {
            case "==", "eq", "any_eq" -> ANY_EQ;
            case "!=", "ne", "all_ne" -> ALL_NE;
            case "===", "all_eq" -> ALL_EQ;
            case "!==", "~=", "any_ne" -> ANY_NE;
            case ">", "gt" -> GT;
            case "<", "lt" -> LT;
            case ">=", "ge" -> GE;
            case "<=", "le" -> LE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    boolean ordering() {
        return this == GT || this == LT || this == GE || this == LE;
    }

    /** Whether one occurrence satisfies the comparison, given how it compares with the value (-1, 0, 1). */
    boolean holds(int cmp) {
        return switch (this) {
            case ANY_EQ, ALL_EQ -> cmp == 0;
            case ALL_NE, ANY_NE -> cmp != 0;
            case GT -> cmp > 0;
            case LT -> cmp < 0;
            case GE -> cmp >= 0;
            case LE -> cmp <= 0;
        };
    }
}
