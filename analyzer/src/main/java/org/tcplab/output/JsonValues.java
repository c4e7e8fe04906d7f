package org.tcplab.output;

import org.tcplab.model.Field;
import org.tcplab.model.PacketView;
import org.tcplab.model.Slice;

/**
 * A field's value as JSON, by its type: integers as numbers, booleans and markers as true/false,
 * times as seconds with nine digits, text, addresses and bytes (hexadecimal) as strings.
 */
final class JsonValues {
    private JsonValues() {
    }

    static void write(Field f, PacketView v, int k, ByteSink out, Slice slice) {
        switch (f.type()) {
            case UINT, INT, FRAMENUM -> out.put(f.longValue(v, k));
            case BOOLEAN -> out.put(f.longValue(v, k) != 0 ? "true" : "false");
            case NONE, PROTOCOL -> out.put("true");
            case RELATIVE_TIME, ABSOLUTE_TIME -> {
                if (f.epoch()) {
                    out.putSeconds(f.epochSeconds(v, k), f.epochNanos(v, k));
                } else {
                    out.putDuration(f.longValue(v, k), 9);
                }
            }
            case MILLISECONDS -> out.put(FieldText.milliseconds(f.longValue(v, k)));
            case STRING -> out.putJson(f.text(v, k));
            case IPV4, IPV6, IP -> out.put('"').putAddress(f.family(v, k), f.hiValue(v, k), f.longValue(v, k)).put('"');
            case ETHER -> out.put('"').putEther(f.longValue(v, k)).put('"');
            case BYTES -> {
                f.bytes(v, k, slice);
                out.put('"');
                for (int i = 0; i < slice.length(); i++) {
                    out.putHexByte(slice.byteAt(i));
                }
                out.put('"');
            }
        }
    }
}
