package org.tcplab.filter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tcplab.model.Field;
import org.tcplab.model.PacketView;
import org.tcplab.model.Slice;

/**
 * Where a test's values come from: a field's occurrences, taken whole, masked ({@code tcp.flags &
 * 0x02}) or sliced ({@code tcp.payload[0:3]}). Each source owns its scratch buffers: a compiled
 * filter is for one thread.
 */
abstract class Source {
    final Field field;
    final Kind kind;

    Source(Field field, Kind kind) {
        this.field = field;
        this.kind = kind;
    }

    int count(PacketView v) {
        return field.count(v);
    }

    /** How messages name this source: the field's name, or the function call. */
    String name() {
        return field.name();
    }

    /** How messages name this source's type. */
    String described() {
        return Kind.describe(field);
    }

    /** The field whose type reads a value compared with this source (booleans, times, bounds), or null for a number. */
    Field typed() {
        return field;
    }

    long asLong(PacketView v, int k) {
        return field.longValue(v, k);
    }

    long hi(PacketView v, int k) {
        return field.hiValue(v, k);
    }

    int family(PacketView v, int k) {
        return field.family(v, k);
    }

    String asText(PacketView v, int k) {
        return field.text(v, k);
    }

    /** The occurrence's bytes (bytes and protocol fields; a string's UTF-8). */
    void asBytes(PacketView v, int k, Slice out) {
        if (field.hasBytes()) {
            field.bytes(v, k, out);
        } else {
            byte[] b = field.text(v, k).getBytes(StandardCharsets.UTF_8);
            out.set(b, 0, b.length);
        }
    }

    /** The whole field. */
    static final class Plain extends Source {
        Plain(Field field) {
            super(field, Kind.of(field));
        }
    }

    /** An integer field ANDed with a mask: an integer. */
    static final class Masked extends Source {
        private final long mask;

        Masked(Field field, long mask) {
            super(field, Kind.INT);
            this.mask = mask;
        }

        @Override
        long asLong(PacketView v, int k) {
            return field.longValue(v, k) & mask;
        }
    }

    /**
     * Bytes taken from a field (bytes, protocols, strings, and Ethernet and IP addresses as their
     * wire bytes). An occurrence too short for a range has no value, as in Wireshark.
     */
    static final class Sliced extends Source {
        private final List<Expr.Range> ranges;
        private final Slice whole = new Slice();
        private final byte[] scratch = new byte[16];
        private byte[] joined = new byte[64];

        Sliced(Field field, List<Expr.Range> ranges) {
            super(field, Kind.BYTES);
            this.ranges = ranges;
        }

        /** Occurrences that hold every range. */
        @Override
        int count(PacketView v) {
            int n = 0;
            for (int k = 0, c = field.count(v); k < c; k++) {
                if (cut(v, k, null)) {
                    n++;
                }
            }
            return n;
        }

        private int occurrence(PacketView v, int k) {
            for (int j = 0, c = field.count(v); j < c; j++) {
                if (cut(v, j, null) && k-- == 0) {
                    return j;
                }
            }
            return -1;
        }

        @Override
        void asBytes(PacketView v, int k, Slice out) {
            cut(v, occurrence(v, k), out);
        }

        private void wire(PacketView v, int k, Slice out) {
            switch (field.type()) {
                case ETHER -> {
                    long mac = field.longValue(v, k);
                    for (int i = 0; i < 6; i++) {
                        scratch[i] = (byte) (mac >>> (40 - 8 * i));
                    }
                    out.set(scratch, 0, 6);
                }
                case IPV4, IPV6, IP -> {
                    int family = field.family(v, k);
                    long lo = field.longValue(v, k);
                    if (family == 4) {
                        for (int i = 0; i < 4; i++) {
                            scratch[i] = (byte) (lo >>> (24 - 8 * i));
                        }
                        out.set(scratch, 0, 4);
                    } else {
                        long hi = field.hiValue(v, k);
                        for (int i = 0; i < 8; i++) {
                            scratch[i] = (byte) (hi >>> (56 - 8 * i));
                            scratch[8 + i] = (byte) (lo >>> (56 - 8 * i));
                        }
                        out.set(scratch, 0, 16);
                    }
                }
                default -> super.asBytes(v, k, out);
            }
        }

        /** Cuts occurrence {@code k} into {@code out} (when not null); false when a range falls outside it. */
        private boolean cut(PacketView v, int k, Slice out) {
            wire(v, k, whole);
            // a protocol is sliced within its item (its header), as Wireshark slices it: tcp[20:] is the options
            int len = field.itemLength(v, k, whole.length());
            int total = 0;
            for (Expr.Range r : ranges) {
                int start = r.start() < 0 ? len + r.start() : r.start();
                int n = r.toEnd() ? len - start : r.length();
                if (start < 0 || n < 0 || start + n > len || (r.toEnd() && start > len)) {
                    return false;
                }
                if (out != null && ranges.size() > 1) {
                    if (total + n > joined.length) {
                        joined = java.util.Arrays.copyOf(joined, Math.max(joined.length * 2, total + n));
                    }
                    System.arraycopy(whole.data(), whole.offset() + start, joined, total, n);
                }
                total += n;
                if (out != null && ranges.size() == 1) {
                    out.set(whole.data(), whole.offset() + start, n);
                }
            }
            if (out != null && ranges.size() > 1) {
                out.set(joined, 0, total);
            }
            return true;
        }
    }
}
