package org.tcplab.filter;

import java.util.List;
import org.tcplab.model.Field;
import org.tcplab.model.PacketView;

/**
 * A Wireshark display filter compiled once into a test over the packet views: {@code tcp.port ==
 * 80 and not tcp.analysis.retransmission}, {@code ip.addr == 10.0.0.0/8}, {@code
 * tcp.payload[0:3] == "GET"}, {@code tcplab.state.server == "TIME-WAIT"}. Testing a packet
 * allocates nothing for fields that need no string. One instance is for one thread.
 */
public final class DisplayFilter {
    private final String text;
    private final Test test;
    private final List<Field> fields;

    private DisplayFilter(String text, Test test, List<Field> fields) {
        this.text = text;
        this.test = test;
        this.fields = fields;
    }

    /** Compiles {@code text}; a filter that does not parse, names an unknown field or mixes types fails with where and why. */
    public static DisplayFilter compile(String text) throws FilterException {
        Compiler c = new Compiler();
        Test t = c.compile(Parser.parse(text));
        return new DisplayFilter(text, t, List.copyOf(c.fieldsUsed()));
    }

    public boolean test(PacketView v) {
        return test.test(v);
    }

    /** The fields the filter reads. */
    public List<Field> fields() {
        return fields;
    }

    /** A new instance of the same filter, for another thread. */
    public DisplayFilter copy() {
        try {
            return compile(text);
        } catch (FilterException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
