package org.tcplab.output;

import static org.tcplab.model.TcplabFields.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tcplab.decode.Layer;
import org.tcplab.model.Field;
import org.tcplab.model.FrameFields;
import org.tcplab.model.PacketView;
import org.tcplab.model.Slice;
import org.tcplab.model.TcpFields;
import org.tcplab.model.TcplabFields;

/**
 * One JSON object per packet, the stable interface the README documents. The layout below names,
 * in order, the catalogue field behind each key; a key is written when its field is present, with
 * the field's value as {@link JsonValues} renders its type. The blocks group what only TCP, UDP or
 * ICMP packets carry, in the order the keys have always come.
 */
public final class JsonlFormatter implements PacketFormatter {
    private final Entry[] layout;
    private final boolean checksums;
    private final boolean payload;
    private final Slice slice = new Slice();
    private final TcpOptionsFormat options = new TcpOptionsFormat();

    /** @param checksums verify and print checksums (costs a pass over the payload) */
    public JsonlFormatter(boolean checksums) {
        this(checksums, false);
    }

    /** @param payload add the payload, as hex and as text */
    public JsonlFormatter(boolean checksums, boolean payload) {
        this.checksums = checksums;
        this.payload = payload;
        List<Entry> l = new ArrayList<>();
        l.add(new Scalar(FrameFields.NUMBER, true));
        l.add(scalar(TIME));
        l.add(scalar(FrameFields.LEN));
        l.add(scalar(FrameFields.CAP_LEN));
        l.add(scalar(PROTO));
        l.add(scalar(IP_VERSION));
        l.add(scalar(SRC));
        l.add(scalar(DST));
        l.add(scalar(TTL));
        l.add(scalar(VLAN));
        l.add(new Group(FRAGMENT, List.of(new Scalar(FRAGMENT_OFFSET, true), scalar(FRAGMENT_MORE), scalar(FRAGMENT_ID))));
        l.add(scalar(REASSEMBLED_FROM));
        l.add(scalar(SPORT));
        l.add(scalar(DPORT));
        l.add(new Block(List.of(
                scalar(TcpFields.STREAM), scalar(TcpFields.SEQ), scalar(TcpFields.SEQ_RAW), scalar(TcpFields.ACK),
                scalar(TcpFields.ACK_RAW), scalar(TcpFields.FLAGS), scalar(FLAGS), scalar(TcpFields.HDR_LEN),
                scalar(PAYLOAD_LEN), scalar(TcpFields.WINDOW_SIZE), scalar(TcpFields.WINDOW_VALUE), scalar(WIN_SCALE),
                scalar(TcpFields.REUSED_PORTS), new Options(),
                new Block(ANALYSED_FIELD, List.of(new Strings(ANALYSIS), scalar(TcpFields.DUP_ACK_NUM),
                        scalar(TcpFields.DUP_ACK_FRAME), scalar(TcpFields.ACKS_FRAME), scalar(TcpFields.ACK_RTT),
                        scalar(TcpFields.BYTES_IN_FLIGHT), scalar(IRTT), scalar(FROM), scalar(CLIENT_STATE),
                        scalar(SERVER_STATE), new Objects(TRANSITION, List.of(new Scalar(TRANSITION_ENDPOINT, true),
                                scalar(TRANSITION_FROM), scalar(TRANSITION_TO), scalar(TRANSITION_CAUSE))),
                        scalar(RST_CAUSE), scalar(RST_EVIDENCE)))), Layer.TCP));
        l.add(new Block(List.of(scalar(UDP_LEN), scalar(PAYLOAD_LEN)), Layer.UDP));
        l.add(new Block(List.of(
                scalar(ICMP_TYPE), scalar(ICMP_CODE), scalar(ICMP_NAME), scalar(ICMP_ID), scalar(ICMP_SEQ),
                new Group(QUOTED, List.of(new Scalar(QUOTED_SRC, true), scalar(QUOTED_DST), scalar(QUOTED_PROTO),
                        scalar(QUOTED_SPORT), scalar(QUOTED_DPORT), scalar(QUOTED_SEQ)))), Layer.ICMP, Layer.ICMPV6));
        if (checksums) {
            l.add(scalar(IP_CHECKSUM));
            l.add(scalar(CHECKSUM));
        }
        l.add(scalar(FrameFields.COMMENT));
        l.add(scalar(MALFORMED));
        if (payload) {
            l.add(scalar(TcplabFields.PAYLOAD));
            l.add(scalar(TcplabFields.PAYLOAD_TEXT));
        }
        layout = l.toArray(new Entry[0]);
    }

    @Override
    public PacketFormatter copy() {
        return new JsonlFormatter(checksums, payload);
    }

    @Override
    public void format(PacketView v, ByteSink out) {
        out.put('{');
        write(layout, v, out);
        out.put('}');
    }

    private static Entry scalar(Field f) {
        return new Scalar(f, false);
    }

    /**
     * The entries in order. One class of entry with its kind as a number, and one switch: a call
     * through an interface per entry, on every packet, costs more than the work of most entries.
     */
    private void write(Entry[] entries, PacketView v, ByteSink out) {
        for (Entry e : entries) {
            switch (e.kind) {
                case Entry.SCALAR -> {
                    int n = e.field.once() ? 1 : e.field.count(v);
                    if (n > 0) {
                        out.put(e.key);
                        JsonValues.write(e.field, v, n - 1, out, slice);
                    }
                }
                case Entry.GROUP -> {
                    if (e.field.present(v)) {
                        out.put(e.key);
                        write(e.members, v, out);
                        out.put('}');
                    }
                }
                case Entry.LAYER_BLOCK -> {
                    if ((e.layers & 1L << v.packet().layer().ordinal()) != 0) {
                        write(e.members, v, out);
                    }
                }
                case Entry.FIELD_BLOCK -> {
                    if (e.field.present(v)) {
                        write(e.members, v, out);
                    }
                }
                case Entry.STRINGS -> {
                    out.put(e.key);
                    for (int k = 0, n = e.field.count(v); k < n; k++) {
                        if (k > 0) {
                            out.put(',');
                        }
                        out.putJson(e.field.text(v, k));
                    }
                    out.put(']');
                }
                case Entry.OBJECTS -> {
                    out.put(e.key);
                    for (int k = 0, n = e.field.count(v); k < n; k++) {
                        out.put(k > 0 ? ",{" : "{");
                        for (Entry m : e.members) {
                            out.put(m.key);
                            JsonValues.write(m.field, v, k, out, slice);
                        }
                        out.put('}');
                    }
                    out.put(']');
                }
                case Entry.OPTIONS -> options.append(out, v, true);
                default -> throw new IllegalStateException("entry kind " + e.kind);
            }
        }
    }

    /** One key of the layout (or a run of them). */
    private static class Entry {
        /** {@code ,"key":value} of the field's last (innermost) occurrence, when it has one. */
        static final int SCALAR = 0;
        /** {@code ,"key":{...}} when the field is present, its members inside. */
        static final int GROUP = 1;
        /** The members when the packet's deepest layer is one of a set. */
        static final int LAYER_BLOCK = 2;
        /** The members when a field is present. */
        static final int FIELD_BLOCK = 3;
        /** {@code ,"key":["a","b"]}: every occurrence of a string field. */
        static final int STRINGS = 4;
        /** {@code ,"key":[{...},{...}]}: one object per occurrence of the field, of its members' same occurrence. */
        static final int OBJECTS = 5;
        /** {@code ,"options":{...}} in the order the options come. */
        static final int OPTIONS = 6;

        final int kind;
        final Field field;
        final byte[] key;
        final Entry[] members;
        final long layers;

        Entry(int kind, Field field, String key, List<Entry> members, long layers) {
            this.kind = kind;
            this.field = field;
            this.key = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
            this.members = members == null ? null : members.toArray(new Entry[0]);
            this.layers = layers;
        }
    }

    private static final class Scalar extends Entry {
        /** @param first it opens its object: no comma before the key */
        Scalar(Field field, boolean first) {
            super(SCALAR, field, (first ? "" : ",") + "\"" + field.jsonKey() + "\":", null, 0);
        }
    }

    private static final class Group extends Entry {
        Group(Field field, List<Entry> members) {
            super(GROUP, field, ",\"" + field.jsonKey() + "\":{", members, 0);
        }
    }

    private static final class Block extends Entry {
        Block(Field when, List<Entry> members) {
            super(FIELD_BLOCK, when, null, members, 0);
        }

        Block(List<Entry> members, Layer... when) {
            super(LAYER_BLOCK, null, null, members, mask(when));
        }

        private static long mask(Layer... layers) {
            long m = 0;
            for (Layer l : layers) {
                m |= 1L << l.ordinal();
            }
            return m;
        }
    }

    private static final class Strings extends Entry {
        Strings(Field field) {
            super(STRINGS, field, ",\"" + field.jsonKey() + "\":[", null, 0);
        }
    }

    private static final class Objects extends Entry {
        Objects(Field field, List<Entry> members) {
            super(OBJECTS, field, ",\"" + field.jsonKey() + "\":[", members, 0);
        }
    }

    private static final class Options extends Entry {
        Options() {
            super(OPTIONS, null, null, null, 0);
        }
    }
}
