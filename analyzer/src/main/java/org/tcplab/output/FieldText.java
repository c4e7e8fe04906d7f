package org.tcplab.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import org.tcplab.model.Field;
import org.tcplab.model.PacketView;
import org.tcplab.model.Slice;

/**
 * A field's value as tshark's {@code -T fields} prints it: integers in the field's base (hex with
 * "0x" and the field's width), booleans and markers as 1/0, times as seconds with nine digits,
 * dates as "Nov 21, 2026 14:23:15.502380156 UTC" in the local zone, bytes as plain hex, protocols
 * as their one-line summary.
 */
public final class FieldText {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private FieldText() {
    }

    public static void write(Field f, PacketView v, int k, ByteSink out, Slice slice) {
        switch (f.type()) {
            case UINT, INT, FRAMENUM -> integer(f, f.longValue(v, k), out);
            case BOOLEAN -> out.put(f.longValue(v, k) != 0 ? '1' : '0');
            case NONE -> out.put('1');
            case PROTOCOL -> out.put(Summaries.of(f, v, k));
            case RELATIVE_TIME -> {
                if (f.epoch()) {
                    out.putSeconds(f.epochSeconds(v, k), f.epochNanos(v, k));
                } else {
                    out.putDuration(f.longValue(v, k), 9);
                }
            }
            case ABSOLUTE_TIME -> date(f.epochSeconds(v, k), f.epochNanos(v, k), out);
            case MILLISECONDS -> out.put(milliseconds(f.longValue(v, k)));
            case STRING -> out.put(f.text(v, k));
            case IPV4, IPV6, IP -> out.putAddress(f.family(v, k), f.hiValue(v, k), f.longValue(v, k));
            case ETHER -> out.putEther(f.longValue(v, k));
            case BYTES -> {
                f.bytes(v, k, slice);
                for (int i = 0; i < slice.length(); i++) {
                    out.putHexByte(slice.byteAt(i));
                }
            }
        }
    }

    /**
     * Nanoseconds as the milliseconds tshark prints for a double (%g): every digit the value has,
     * none more ("0.220793", "0.0335", "2.395").
     */
    static String milliseconds(long nanos) {
        return nanos == 0 ? "0" : java.math.BigDecimal.valueOf(nanos).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    /** An integer in the field's base: decimal, or "0x" and as many hex digits as the field is wide. */
    static void integer(Field f, long value, ByteSink out) {
        if (f.base() == Field.Base.HEX || f.base() == Field.Base.HEX_DEC) {
            out.put("0x").putHex(value, (f.bits() + 3) / 4);
        } else {
            out.put(value);
        }
    }

    /** Wireshark's absolute time: "Nov 21, 2026 14:23:15.502380156 UTC", the day padded with a space, local zone. */
    static void date(long seconds, int nanos, ByteSink out) {
        ZonedDateTime d = Instant.ofEpochSecond(seconds).atZone(ZoneId.systemDefault());
        out.put(MONTHS[d.getMonthValue() - 1]).put(' ');
        if (d.getDayOfMonth() < 10) {
            out.put(' ');
        }
        out.put(d.getDayOfMonth()).put(", ").put(d.getYear()).put(' ').putPadded(d.getHour(), 2).put(':')
                .putPadded(d.getMinute(), 2).put(':').putPadded(d.getSecond(), 2).put('.').putPadded(nanos, 9).put(' ')
                .put(d.getZone().getDisplayName(TextStyle.SHORT, Locale.ROOT).equals("Z") ? "UTC"
                        : d.format(java.time.format.DateTimeFormatter.ofPattern("z", Locale.ROOT)));
    }
}
