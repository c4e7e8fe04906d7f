package org.tcplab.model;

/**
 * One field of the catalogue: its Wireshark name (or ours, under {@code tcplab.}), what it is
 * called in packet details, its type, how Wireshark shows its value, its key in our JSONL, and how
 * to read its occurrences from a {@link PacketView}. A field may occur several times in one packet
 * ({@code ip.addr}: source and destination; {@code ip.src}: each IP header, tunnels and ICMP quotes
 * included), none at all, or once.
 *
 * <p>Values are read without allocation: integers, booleans, times (nanoseconds), frame numbers,
 * Ethernet addresses (48 bits) and IPv4 addresses (32 bits) as a long; IPv6 addresses as two longs;
 * bytes into a {@link Slice}; text as a String (usually a constant label). Every output and the
 * display filters read fields through here.
 */
public final class Field {
    /** Wireshark's field types (epan/ftypes), as far as we use them. */
    public enum Type {
        /** A protocol: present or not; as bytes, its header and what it carries. */
        PROTOCOL,
        /** A marker with no value (tcp.analysis.retransmission): present or not. */
        NONE,
        BOOLEAN, UINT, INT, FRAMENUM, IPV4, IPV6,
        /** An IPv4 or IPv6 address, our fields that follow the innermost IP header of either version. */
        IP,
        ETHER, BYTES, STRING,
        /** A duration, nanoseconds. */
        RELATIVE_TIME,
        /**
         * A duration held as nanoseconds that Wireshark gives in milliseconds as a floating-point
         * number (icmp.resptime, an FT_DOUBLE): printed and compared in milliseconds.
         */
        MILLISECONDS,
        /** A point in time, epoch nanoseconds. */
        ABSOLUTE_TIME;

        public boolean isInteger() {
            return this == BOOLEAN || this == UINT || this == INT || this == FRAMENUM;
        }

        public boolean isAddress() {
            return this == IPV4 || this == IPV6 || this == IP;
        }

        public boolean isTime() {
            return this == RELATIVE_TIME || this == MILLISECONDS || this == ABSOLUTE_TIME;
        }
    }

    /** How an integer is shown: Wireshark's BASE_DEC, BASE_HEX, BASE_DEC_HEX, BASE_HEX_DEC. */
    public enum Base { DEC, HEX, DEC_HEX, HEX_DEC }

    @FunctionalInterface
    public interface Counter {
        int count(PacketView v);
    }

    @FunctionalInterface
    public interface LongValue {
        long get(PacketView v, int occurrence);
    }

    @FunctionalInterface
    public interface BytesValue {
        /** Fills {@code out} with the occurrence's bytes. */
        void get(PacketView v, int occurrence, Slice out);
    }

    @FunctionalInterface
    public interface TextValue {
        String get(PacketView v, int occurrence);
    }

    private final String name;
    private final String label;
    private final Type type;
    private final Base base;
    private final int bits;
    private final long mask;
    private final String jsonKey;
    private final String description;
    private final Counter counter;
    private final LongValue longValue;
    private final LongValue hiValue;
    private final LongValue familyValue;
    private final BytesValue bytesValue;
    private final LongValue itemLength;
    private final TextValue textValue;
    private final ValueNames names;
    private final LongValue epochSeconds;
    private final LongValue epochNanos;
    private final boolean once;

    Field(FieldBuilder b) {
        this.name = b.name;
        this.label = b.label;
        this.type = b.type;
        this.base = b.base;
        this.bits = b.bits;
        this.mask = b.mask;
        this.jsonKey = b.jsonKey;
        this.description = b.description;
        this.counter = b.counter;
        this.longValue = b.longValue;
        this.hiValue = b.hiValue;
        this.familyValue = b.familyValue;
        this.bytesValue = b.bytesValue;
        this.itemLength = b.itemLength;
        this.textValue = b.textValue;
        this.names = b.names;
        this.epochSeconds = b.epochSeconds;
        this.epochNanos = b.epochNanos;
        this.once = b.counter == Catalogue.ONCE;
    }

    /** A point in time given as seconds and nanoseconds (frame.time, frame.time_epoch), printed from those. */
    public boolean epoch() {
        return epochSeconds != null;
    }

    /** Whole seconds since 1970 of an {@link #epoch()} field (rounded down). */
    public long epochSeconds(PacketView v, int occurrence) {
        return epochSeconds.get(v, occurrence);
    }

    /** Nanoseconds into that second, 0 to 999,999,999. */
    public int epochNanos(PacketView v, int occurrence) {
        return (int) epochNanos.get(v, occurrence);
    }

    /** Wireshark's name, e.g. {@code tcp.analysis.ack_rtt}; ours start with {@code tcplab.}. */
    public String name() {
        return name;
    }

    /** What packet details call it ("Time to Live"). */
    public String label() {
        return label;
    }

    public Type type() {
        return type;
    }

    public Base base() {
        return base;
    }

    /** Width in bits of an integer field (8, 16, 24, 32, 64), for hexadecimal display. */
    public int bits() {
        return bits;
    }

    /** The bits of its header word a bit field covers (ip.flags.df: 0x40), or 0. */
    public long mask() {
        return mask;
    }

    /** Its key in {@code read --format jsonl}, or null when JSONL does not carry it under its own key. */
    public String jsonKey() {
        return jsonKey;
    }

    /** One sentence on what it means, for help and completion. */
    public String description() {
        return description;
    }

    /** The protocol it belongs to: the name up to the first dot ({@code tcp} for {@code tcp.seq}). */
    public String protocol() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** How many times it occurs in the packet (0: absent). */
    public int count(PacketView v) {
        return counter.count(v);
    }

    /** It occurs exactly once in every packet (frame.number): no need to count. */
    public boolean once() {
        return once;
    }

    public boolean present(PacketView v) {
        return counter.count(v) > 0;
    }

    /** An integer, boolean (0/1), frame number, time (ns), Ethernet address or IPv4 address (or IPv6's low 64 bits). */
    public long longValue(PacketView v, int occurrence) {
        return longValue.get(v, occurrence);
    }

    /** The high 64 bits of an IPv6 address (0 for IPv4). */
    public long hiValue(PacketView v, int occurrence) {
        return hiValue == null ? 0 : hiValue.get(v, occurrence);
    }

    /** The address family (4 or 6) of an address field's occurrence. */
    public int family(PacketView v, int occurrence) {
        return switch (type) {
            case IPV4 -> 4;
            case IPV6 -> 6;
            default -> familyValue == null ? 0 : (int) familyValue.get(v, occurrence);
        };
    }

    /** True when the field's value can be read as bytes (bytes, protocols, strings, addresses). */
    public boolean hasBytes() {
        return bytesValue != null;
    }

    public void bytes(PacketView v, int occurrence, Slice out) {
        bytesValue.get(v, occurrence, out);
    }

    /**
     * How many of the occurrence's {@code whole} bytes Wireshark's item spans: a protocol's header
     * (ip: its IHL, tcp: its data offset, udp: 8, eth: 14), all of them for other fields.
     */
    public int itemLength(PacketView v, int occurrence, int whole) {
        return itemLength == null ? whole : (int) Math.min(whole, Math.max(0, itemLength.get(v, occurrence)));
    }

    public boolean hasText() {
        return textValue != null;
    }

    /** A string field's value. */
    public String text(PacketView v, int occurrence) {
        return textValue.get(v, occurrence);
    }

    /** Names for an integer field's values (ip.proto 6: "TCP"), or null. */
    public ValueNames names() {
        return names;
    }

    @Override
    public String toString() {
        return name;
    }
}
