package org.tcplab.output;

import static org.tcplab.model.TcplabFields.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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
    private final List<Entry> layout;
    private final Slice slice = new Slice();
    private final TcpOptionsFormat options = new TcpOptionsFormat();

    /** @param checksums verify and print checksums (costs a pass over the payload) */
    public JsonlFormatter(boolean checksums) {
        this(checksums, false);
    }

    /** @param payload add the payload, as hex and as text */
    public JsonlFormatter(boolean checksums, boolean payload) {
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
        l.add(new Block(v -> v.packet().layer() == Layer.TCP, List.of(
                scalar(TcpFields.STREAM), scalar(TcpFields.SEQ), scalar(TcpFields.SEQ_RAW), scalar(TcpFields.ACK),
                scalar(TcpFields.ACK_RAW), scalar(TcpFields.FLAGS), scalar(FLAGS), scalar(TcpFields.HDR_LEN),
                scalar(PAYLOAD_LEN), scalar(TcpFields.WINDOW_SIZE), scalar(TcpFields.WINDOW_VALUE), scalar(WIN_SCALE),
                scalar(TcpFields.REUSED_PORTS), new Options(),
                new Block(ANALYSED_FIELD::present, List.of(new Strings(ANALYSIS), scalar(TcpFields.DUP_ACK_NUM),
                        scalar(TcpFields.DUP_ACK_FRAME), scalar(TcpFields.ACKS_FRAME), scalar(TcpFields.ACK_RTT),
                        scalar(TcpFields.BYTES_IN_FLIGHT), scalar(IRTT), scalar(FROM), scalar(CLIENT_STATE),
                        scalar(SERVER_STATE), new Objects(TRANSITION, List.of(new Scalar(TRANSITION_ENDPOINT, true),
                                scalar(TRANSITION_FROM), scalar(TRANSITION_TO), scalar(TRANSITION_CAUSE))),
                        scalar(RST_CAUSE), scalar(RST_EVIDENCE))))));
        l.add(new Block(v -> v.packet().layer() == Layer.UDP, List.of(scalar(UDP_LEN), scalar(PAYLOAD_LEN))));
        l.add(new Block(v -> v.packet().layer() == Layer.ICMP || v.packet().layer() == Layer.ICMPV6, List.of(
                scalar(ICMP_TYPE), scalar(ICMP_CODE), scalar(ICMP_NAME), scalar(ICMP_ID), scalar(ICMP_SEQ),
                new Group(QUOTED, List.of(new Scalar(QUOTED_SRC, true), scalar(QUOTED_DST), scalar(QUOTED_PROTO),
                        scalar(QUOTED_SPORT), scalar(QUOTED_DPORT), scalar(QUOTED_SEQ))))));
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
        layout = List.copyOf(l);
    }

    @Override
    public void format(PacketView v, ByteSink out) {
        out.put('{');
        for (Entry e : layout) {
            e.write(v, out, this);
        }
        out.put('}');
    }

    private static Scalar scalar(Field f) {
        return new Scalar(f, false);
    }

    private interface Entry {
        void write(PacketView v, ByteSink out, JsonlFormatter w);
    }

    /** {@code ,"key":value} of the field's last (innermost) occurrence; without the comma when it opens its object. */
    private record Scalar(Field field, byte[] key) implements Entry {
        Scalar(Field field, boolean first) {
            this(field, ((first ? "" : ",") + "\"" + field.jsonKey() + "\":").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void write(PacketView v, ByteSink out, JsonlFormatter w) {
            int n = field.count(v);
            if (n > 0) {
                out.put(key);
                JsonValues.write(field, v, n - 1, out, w.slice);
            }
        }

        void writeAt(PacketView v, int k, ByteSink out, JsonlFormatter w) {
            out.put(key);
            JsonValues.write(field, v, k, out, w.slice);
        }
    }

    /** {@code ,"key":{...}} when the field is present, its members inside. */
    private record Group(Field field, List<Entry> members, byte[] key) implements Entry {
        Group(Field field, List<Entry> members) {
            this(field, members, (",\"" + field.jsonKey() + "\":{").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void write(PacketView v, ByteSink out, JsonlFormatter w) {
            if (field.present(v)) {
                out.put(key);
                for (Entry e : members) {
                    e.write(v, out, w);
                }
                out.put('}');
            }
        }
    }

    /** Entries written only when the predicate holds. */
    private record Block(Predicate<PacketView> when, List<Entry> members) implements Entry {
        @Override
        public void write(PacketView v, ByteSink out, JsonlFormatter w) {
            if (when.test(v)) {
                for (Entry e : members) {
                    e.write(v, out, w);
                }
            }
        }
    }

    /** {@code ,"key":["a","b"]}: every occurrence of a string field (the block decides whether the key appears). */
    private record Strings(Field field, byte[] key) implements Entry {
        Strings(Field field) {
            this(field, (",\"" + field.jsonKey() + "\":[").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void write(PacketView v, ByteSink out, JsonlFormatter w) {
            out.put(key);
            for (int k = 0, n = field.count(v); k < n; k++) {
                if (k > 0) {
                    out.put(',');
                }
                out.putJson(field.text(v, k));
            }
            out.put(']');
        }
    }

    /** {@code ,"key":[{...},{...}]}: one object per occurrence of the field, of its members' same occurrence. */
    private record Objects(Field field, List<Scalar> members, byte[] key) implements Entry {
        Objects(Field field, List<Scalar> members) {
            this(field, members, (",\"" + field.jsonKey() + "\":[").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void write(PacketView v, ByteSink out, JsonlFormatter w) {
            out.put(key);
            for (int k = 0, n = field.count(v); k < n; k++) {
                out.put(k > 0 ? ",{" : "{");
                for (Scalar m : members) {
                    m.writeAt(v, k, out, w);
                }
                out.put('}');
            }
            out.put(']');
        }
    }

    /** {@code ,"options":{...}} in the order the options come. */
    private record Options() implements Entry {
        @Override
        public void write(PacketView v, ByteSink out, JsonlFormatter w) {
            w.options.append(out, v, true);
        }
    }
}
