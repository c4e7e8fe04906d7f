package org.tcplab.model;

/** Names for the values of an integer field, as Wireshark's value_string tables give them. */
@FunctionalInterface
public interface ValueNames {
    /** The name of {@code value}, or null when it has none. */
    String name(long value);
}
