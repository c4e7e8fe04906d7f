package org.tcplab.model;

import static org.tcplab.model.Catalogue.at;
import static org.tcplab.model.Catalogue.count;
import static org.tcplab.model.Catalogue.field;
import static org.tcplab.model.Catalogue.header;
import static org.tcplab.model.Catalogue.u16;
import static org.tcplab.model.Catalogue.u8;
import static org.tcplab.model.Catalogue.u16In;
import static org.tcplab.model.Catalogue.u8In;

import java.util.List;
import org.tcplab.decode.ChecksumStatus;
import org.tcplab.decode.Layer;
import org.tcplab.decode.Proto;
import org.tcplab.model.Field.Type;

/** ICMP (RFC 792) and ICMPv6 (RFC 4443), the message itself and one an error quotes. */
public final class IcmpFields {
    private IcmpFields() {
    }

    private static final Proto V4 = Proto.ICMP;
    private static final Proto V6 = Proto.ICMPV6;

    /** Types that carry an identifier and sequence number (RFC 792: echo, timestamp, information, address mask). */
    public static boolean hasIdentifier(boolean v6, int type) {
        return v6 ? type == 128 || type == 129
                : type == 0 || type == 8 || type == 13 || type == 14 || type == 15 || type == 16 || type == 17 || type == 18;
    }

    /** ICMP layers of {@code p} holding 8 bytes whose type has an identifier. */
    private static Field.Counter identified(Proto p) {
        return v -> {
            int n = 0;
            while (identifiedLayer(v, p, n) >= 0) {
                n++;
            }
            return n;
        };
    }

    /** The layer index of the {@code k}-th ICMP layer of {@code p} with an identifier, or -1. */
    private static int identifiedLayer(PacketView v, Proto p, int k) {
        for (int j = 0, c = count(v, p, 8); j < c; j++) {
            int i = at(v, p, 8, j);
            if (hasIdentifier(p == V6, u8In(v, i, 0)) && k-- == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * tshark verifies ICMP checksums when the whole message was captured: 1 good, 0 bad; 2 for a
     * message it cannot check (an error's quote is cut short by design).
     */
    private static long status(PacketView v, Proto p, int k) {
        int i = at(v, p, 4, k);
        if (v.packet().layerQuoted(i)) {
            return 2;
        }
        ChecksumStatus s = v.checks.transportStatus(v.packet());
        return s == ChecksumStatus.GOOD ? 1 : s == ChecksumStatus.BAD ? 0 : 2;
    }

    public static final Field ICMP = field("icmp", "Internet Control Message Protocol", Type.PROTOCOL).count(header(V4, 0, 1))
            .bytes((v, k, out) -> Catalogue.rest(v, at(v, V4, 1, k), 0, out)).about("an ICMP message").build();
    public static final Field TYPE = field("icmp.type", "Type", Type.UINT).bits(8).count(header(V4, 0, 1))
            .value((v, k) -> u8(v, V4, 0, k)).names(t -> org.tcplab.decode.IcmpNames.type(false, (int) t))
            .about("0 echo reply, 3 destination unreachable, 8 echo request, 11 time exceeded").build();
    public static final Field CODE = field("icmp.code", "Code", Type.UINT).bits(8).count(header(V4, 1, 1))
            .value((v, k) -> u8(v, V4, 1, k)).build();
    public static final Field CHECKSUM = field("icmp.checksum", "Checksum", Type.UINT).hex(16).count(header(V4, 2, 2))
            .value((v, k) -> u16(v, V4, 2, k)).build();
    public static final Field CHECKSUM_STATUS = field("icmp.checksum.status", "Checksum Status", Type.UINT).bits(8)
            .count(header(V4, 2, 2)).value((v, k) -> status(v, V4, k)).names(Names::checksumStatus).build();
    public static final Field IDENT = field("icmp.ident", "Identifier (BE)", Type.UINT).base(Field.Base.DEC_HEX, 16)
            .count(identified(V4)).value((v, k) -> u16In(v, identifiedLayer(v, V4, k), 4))
            .about("echo identifier, big endian").build();
    public static final Field SEQ = field("icmp.seq", "Sequence Number (BE)", Type.UINT).base(Field.Base.DEC_HEX, 16)
            .count(identified(V4)).value((v, k) -> u16In(v, identifiedLayer(v, V4, k), 6))
            .about("echo sequence number, big endian").build();
    public static final Field IDENT_LE = field("icmp.ident_le", "Identifier (LE)", Type.UINT).base(Field.Base.DEC_HEX, 16)
            .count(identified(V4)).value((v, k) -> Long.reverseBytes(u16In(v, identifiedLayer(v, V4, k), 4)) >>> 48)
            .about("the identifier read little endian (as Windows writes it)").build();
    public static final Field SEQ_LE = field("icmp.seq_le", "Sequence Number (LE)", Type.UINT).base(Field.Base.DEC_HEX, 16)
            .count(identified(V4)).value((v, k) -> Long.reverseBytes(u16In(v, identifiedLayer(v, V4, k), 6)) >>> 48).build();

    public static final Field ICMPV6 = field("icmpv6", "Internet Control Message Protocol v6", Type.PROTOCOL)
            .count(header(V6, 0, 1)).bytes((v, k, out) -> Catalogue.rest(v, at(v, V6, 1, k), 0, out)).build();
    public static final Field V6_TYPE = field("icmpv6.type", "Type", Type.UINT).bits(8).count(header(V6, 0, 1))
            .value((v, k) -> u8(v, V6, 0, k)).names(t -> org.tcplab.decode.IcmpNames.type(true, (int) t)).build();
    public static final Field V6_CODE = field("icmpv6.code", "Code", Type.UINT).bits(8).count(header(V6, 1, 1))
            .value((v, k) -> u8(v, V6, 1, k)).build();
    public static final Field V6_CHECKSUM = field("icmpv6.checksum", "Checksum", Type.UINT).hex(16).count(header(V6, 2, 2))
            .value((v, k) -> u16(v, V6, 2, k)).build();
    public static final Field V6_CHECKSUM_STATUS = field("icmpv6.checksum.status", "Checksum Status", Type.UINT).bits(8)
            .count(header(V6, 2, 2)).value((v, k) -> status(v, V6, k)).names(Names::checksumStatus).build();
    public static final Field V6_ECHO_ID = field("icmpv6.echo.identifier", "Identifier", Type.UINT).hex(16)
            .count(identified(V6)).value((v, k) -> u16In(v, identifiedLayer(v, V6, k), 4)).build();
    public static final Field V6_ECHO_SEQ = field("icmpv6.echo.sequence_number", "Sequence", Type.UINT).bits(16)
            .count(identified(V6)).value((v, k) -> u16In(v, identifiedLayer(v, V6, k), 6)).build();

    /** The frame of the echo request a reply of {@code layer} answers (conv/IcmpEchoes). */
    private static Field respTo(String name, Layer layer) {
        return field(name, "Request frame", Type.FRAMENUM).count(answered(layer)).value((v, k) -> v.icmp().requestFrame())
                .about("the echo request this reply answers").build();
    }

    /** The time from the echo request to a reply of {@code layer}. */
    private static Field respTime(String name, Layer layer) {
        return field(name, "Response time", Type.MILLISECONDS).count(answered(layer)).value((v, k) -> v.icmp().responseNanos())
                .about("milliseconds from the echo request to this reply").build();
    }

    private static Field.Counter answered(Layer layer) {
        return v -> v.packet().layer() == layer && v.icmp().requestFrame() >= 0 ? 1 : 0;
    }

    public static final Field RESP_TO = respTo("icmp.resp_to", Layer.ICMP);
    public static final Field RESPTIME = respTime("icmp.resptime", Layer.ICMP);
    public static final Field V6_RESP_TO = respTo("icmpv6.resp_to", Layer.ICMPV6);
    public static final Field V6_RESPTIME = respTime("icmpv6.resptime", Layer.ICMPV6);

    static final List<Field> ALL = List.of(ICMP, TYPE, CODE, CHECKSUM, CHECKSUM_STATUS, IDENT, SEQ, IDENT_LE, SEQ_LE, RESP_TO,
            RESPTIME, ICMPV6, V6_TYPE, V6_CODE, V6_CHECKSUM, V6_CHECKSUM_STATUS, V6_ECHO_ID, V6_ECHO_SEQ, V6_RESP_TO, V6_RESPTIME);
}
