package org.tcplab.filter;

import org.tcplab.model.Field;

/** What an operand's values are, for comparing them: the display filter's view of a field's type. */
enum Kind {
    /** Integers, booleans, frame numbers, times in nanoseconds: compared as numbers. */
    INT,
    /** IPv4 or IPv6 addresses, compared with an optional prefix length (CIDR). */
    ADDRESS,
    /** Ethernet addresses, as 48-bit numbers. */
    ETHER,
    TEXT,
    BYTES,
    /** A marker or protocol: present or not, nothing to compare. */
    MARKER;

    static Kind of(Field f) {
        return switch (f.type()) {
            case BOOLEAN, UINT, INT, FRAMENUM, RELATIVE_TIME, MILLISECONDS, ABSOLUTE_TIME -> Kind.INT;
            case IPV4, IPV6, IP -> Kind.ADDRESS;
            case ETHER -> Kind.ETHER;
            case STRING -> Kind.TEXT;
            case BYTES, PROTOCOL -> Kind.BYTES;
            case NONE -> Kind.MARKER;
        };
    }

    /** How a message names a field's type. */
    static String describe(Field f) {
        return switch (f.type()) {
            case BOOLEAN -> "a boolean";
            case UINT -> "an unsigned integer";
            case INT -> "a signed integer";
            case FRAMENUM -> "a frame number";
            case RELATIVE_TIME -> "a time in seconds";
            case MILLISECONDS -> "a time in milliseconds";
            case ABSOLUTE_TIME -> "a date and time";
            case IPV4 -> "an IPv4 address";
            case IPV6 -> "an IPv6 address";
            case IP -> "an IP address";
            case ETHER -> "an Ethernet address";
            case STRING -> "a string";
            case BYTES -> "a byte string";
            case PROTOCOL -> "a protocol";
            case NONE -> "a marker with no value";
        };
    }
}
