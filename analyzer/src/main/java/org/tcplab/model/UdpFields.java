package org.tcplab.model;

import static org.tcplab.model.Catalogue.at;
import static org.tcplab.model.Catalogue.count;
import static org.tcplab.model.Catalogue.field;
import static org.tcplab.model.Catalogue.header;
import static org.tcplab.model.Catalogue.u16;

import java.util.List;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Proto;
import org.tcplab.model.Field.Type;

/** The UDP header (RFC 768) and tshark's udp.stream. */
public final class UdpFields {
    private UdpFields() {
    }

    private static final Proto P = Proto.UDP;

    public static final Field UDP = field("udp", "User Datagram Protocol", Type.PROTOCOL).count(header(P, 0, 1))
            .bytes((v, k, out) -> Catalogue.rest(v, at(v, P, 1, k), 0, out)).item((v, k) -> 8)
            .about("a UDP datagram").build();
    public static final Field SRCPORT = field("udp.srcport", "Source Port", Type.UINT).bits(16).count(header(P, 0, 4))
            .value((v, k) -> u16(v, P, 0, k)).build();
    public static final Field DSTPORT = field("udp.dstport", "Destination Port", Type.UINT).bits(16).count(header(P, 0, 4))
            .value((v, k) -> u16(v, P, 2, k)).build();
    public static final Field PORT = field("udp.port", "Source or Destination Port", Type.UINT).bits(16)
            .count(v -> 2 * count(v, P, 4)).value((v, k) -> u16(v, P, (k & 1) == 0 ? 0 : 2, k / 2)).build();
    public static final Field LENGTH = field("udp.length", "Length", Type.UINT).bits(16).count(header(P, 4, 2))
            .value((v, k) -> u16(v, P, 4, k)).about("header and data, bytes").build();
    public static final Field CHECKSUM = field("udp.checksum", "Checksum", Type.UINT).hex(16).count(header(P, 6, 2))
            .value((v, k) -> u16(v, P, 6, k)).build();
    /** tshark does not verify UDP checksums by default: 2, unverified; 3 for a zero checksum (none sent). */
    public static final Field CHECKSUM_STATUS = field("udp.checksum.status", "Checksum Status", Type.UINT).bits(8)
            .count(header(P, 6, 2)).value((v, k) -> u16(v, P, 6, k) == 0 ? 3 : 2).names(Names::checksumStatus).build();
    public static final Field STREAM = field("udp.stream", "Stream index", Type.UINT).count(v -> v.udp().count())
            .value((v, k) -> v.udp().stream(k)).about("tshark's number for the address/port pair, from 0").build();
    public static final Field PAYLOAD = field("udp.payload", "Payload", Type.BYTES)
            .count(v -> {
                int n = 0;
                for (int k = 0, c = count(v, P, 8); k < c; k++) {
                    n += payloadLength(v, at(v, P, 8, k)) > 0 ? 1 : 0;
                }
                return n;
            })
            .bytes((v, k, out) -> {
                int i = payloadLayer(v, k);
                DecodedPacket d = v.packet();
                out.set(d.layerData(i), d.layerOffset(i) + 8, payloadLength(v, i));
            }).about("the datagram's data as captured").build();

    /** Data bytes of UDP layer {@code i}: the length field's, no more than captured. */
    static int payloadLength(PacketView v, int i) {
        DecodedPacket d = v.packet();
        int captured = d.layerEnd(i) - d.layerOffset(i) - 8;
        int length = org.tcplab.wire.Bytes.u16be(d.layerData(i), d.layerOffset(i) + 4);
        return Math.max(0, Math.min(captured, length == 0 ? captured : length - 8));
    }

    private static int payloadLayer(PacketView v, int k) {
        for (int j = 0, c = count(v, P, 8); j < c; j++) {
            int i = at(v, P, 8, j);
            if (payloadLength(v, i) > 0 && k-- == 0) {
                return i;
            }
        }
        return -1;
    }

    static final List<Field> ALL = List.of(UDP, SRCPORT, DSTPORT, PORT, LENGTH, CHECKSUM, CHECKSUM_STATUS, STREAM, PAYLOAD);
}
