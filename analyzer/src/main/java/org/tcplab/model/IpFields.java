package org.tcplab.model;

import static org.tcplab.model.Catalogue.at;
import static org.tcplab.model.Catalogue.count;
import static org.tcplab.model.Catalogue.field;
import static org.tcplab.model.Catalogue.header;
import static org.tcplab.model.Catalogue.i64;
import static org.tcplab.model.Catalogue.i64In;
import static org.tcplab.model.Catalogue.u16;
import static org.tcplab.model.Catalogue.u32;
import static org.tcplab.model.Catalogue.u32In;
import static org.tcplab.model.Catalogue.u8;

import java.util.List;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Proto;
import org.tcplab.model.Field.Type;

/** IPv4 (RFC 791) and IPv6 (RFC 8200) headers: every one of a packet, tunnels and ICMP quotes included. */
public final class IpFields {
    private IpFields() {
    }

    private static final Proto V4 = Proto.IPV4;
    private static final Proto V6 = Proto.IPV6;

    public static final Field IP = field("ip", "Internet Protocol Version 4", Type.PROTOCOL).count(header(V4, 0, 1))
            .bytes((v, k, out) -> Catalogue.rest(v, at(v, V4, 1, k), 0, out))
            .item((v, k) -> Catalogue.words(v, at(v, V4, 1, k), 0, 0)).about("an IPv4 datagram").build();
    public static final Field VERSION = field("ip.version", "Version", Type.UINT).bits(8).mask(0xF0).count(header(V4, 0, 1))
            .value((v, k) -> u8(v, V4, 0, k) >>> 4).build();
    public static final Field HDR_LEN = field("ip.hdr_len", "Header Length", Type.UINT).bits(8).mask(0x0F)
            .count(header(V4, 0, 1)).value((v, k) -> (u8(v, V4, 0, k) & 0x0F) * 4L).about("header length in bytes").build();
    public static final Field DSFIELD = field("ip.dsfield", "Differentiated Services Field", Type.UINT).hex(8)
            .count(header(V4, 1, 1)).value((v, k) -> u8(v, V4, 1, k)).about("DSCP and ECN (RFC 2474, RFC 3168)").build();
    public static final Field DSCP = field("ip.dsfield.dscp", "Differentiated Services Codepoint", Type.UINT).bits(8)
            .mask(0xFC).count(header(V4, 1, 1)).value((v, k) -> u8(v, V4, 1, k) >>> 2).names(Names::dscp).build();
    public static final Field ECN = field("ip.dsfield.ecn", "Explicit Congestion Notification", Type.UINT).bits(8).mask(0x03)
            .count(header(V4, 1, 1)).value((v, k) -> u8(v, V4, 1, k) & 3).names(Names::ecn).build();
    public static final Field LEN = field("ip.len", "Total Length", Type.UINT).bits(16).count(header(V4, 2, 2))
            .value((v, k) -> u16(v, V4, 2, k)).about("header and payload, bytes").build();
    public static final Field ID = field("ip.id", "Identification", Type.UINT).base(Field.Base.HEX_DEC, 16)
            .count(header(V4, 4, 2)).value((v, k) -> u16(v, V4, 4, k)).about("the datagram's identifier (fragments share it)").build();
    public static final Field FLAGS = field("ip.flags", "Flags", Type.UINT).hex(8).mask(0xE0).count(header(V4, 6, 1))
            .value((v, k) -> u8(v, V4, 6, k) >>> 5).build();
    public static final Field FLAGS_RB = field("ip.flags.rb", "Reserved bit", Type.BOOLEAN).bits(8).mask(0x80)
            .count(header(V4, 6, 1)).value((v, k) -> (u8(v, V4, 6, k) >>> 7) & 1).build();
    public static final Field FLAGS_DF = field("ip.flags.df", "Don't fragment", Type.BOOLEAN).bits(8).mask(0x40)
            .count(header(V4, 6, 1)).value((v, k) -> (u8(v, V4, 6, k) >>> 6) & 1).about("DF: routers must not fragment it").build();
    public static final Field FLAGS_MF = field("ip.flags.mf", "More fragments", Type.BOOLEAN).bits(8).mask(0x20)
            .count(header(V4, 6, 1)).value((v, k) -> (u8(v, V4, 6, k) >>> 5) & 1).about("MF: more fragments follow").build();
    public static final Field FRAG_OFFSET = field("ip.frag_offset", "Fragment Offset", Type.UINT).bits(16).mask(0x1FFF)
            .count(header(V4, 6, 2)).value((v, k) -> u16(v, V4, 6, k) & 0x1FFF).about("in units of 8 bytes").build();
    public static final Field TTL = field("ip.ttl", "Time to Live", Type.UINT).bits(8).count(header(V4, 8, 1))
            .value((v, k) -> u8(v, V4, 8, k)).about("hops left").build();
    public static final Field PROTO = field("ip.proto", "Protocol", Type.UINT).bits(8).count(header(V4, 9, 1))
            .value((v, k) -> u8(v, V4, 9, k)).names(Names::ipProtocol).about("what the payload is (6 TCP, 17 UDP, 1 ICMP)").build();
    public static final Field CHECKSUM = field("ip.checksum", "Header Checksum", Type.UINT).hex(16).count(header(V4, 10, 2))
            .value((v, k) -> u16(v, V4, 10, k)).about("the header checksum as on the wire").build();
    /** tshark does not verify IPv4 checksums by default: 2, unverified (our verdict: tcplab.ip_checksum). */
    public static final Field CHECKSUM_STATUS = field("ip.checksum.status", "Header checksum status", Type.UINT).bits(8)
            .count(header(V4, 10, 2)).value((v, k) -> 2).names(Names::checksumStatus).build();
    public static final Field SRC = field("ip.src", "Source Address", Type.IPV4).count(header(V4, 12, 4))
            .value((v, k) -> u32(v, V4, 12, k)).build();
    public static final Field DST = field("ip.dst", "Destination Address", Type.IPV4).count(header(V4, 16, 4))
            .value((v, k) -> u32(v, V4, 16, k)).build();
    /** Source then destination of each header, as Wireshark adds them. */
    public static final Field ADDR = field("ip.addr", "Source or Destination Address", Type.IPV4)
            .count(v -> 2 * count(v, V4, 20)).value((v, k) -> u32In(v, at(v, V4, 20, k / 2), (k & 1) == 0 ? 12 : 16)).build();

    /**
     * The IPv6 header and its extension headers (RFC 8200 §4: hop-by-hop, routing, fragment,
     * destination options, and AH by RFC 4302's length), the span of Wireshark's ipv6 item. As in
     * Wireshark, a fragment that more fragments follow ends the item before its fragment header
     * (the reassembling fragment's item takes it in).
     */
    private static long v6Span(PacketView v, int layer) {
        if (layer < 0) {
            return Integer.MAX_VALUE;
        }
        DecodedPacket d = v.packet();
        byte[] b = d.layerData(layer);
        int start = d.layerOffset(layer);
        int end = d.layerEnd(layer);
        if (end - start < 40) {
            return Integer.MAX_VALUE;
        }
        int next = b[start + 6] & 0xFF;
        int p = start + 40;
        while ((next == 0 || next == 43 || next == 44 || next == 60 || next == 51) && p + 2 <= end) {
            if (next == 44 && p + 4 <= end && (b[p + 3] & 1) != 0) {
                break;
            }
            int len = next == 44 ? 8 : next == 51 ? ((b[p + 1] & 0xFF) + 2) * 4 : ((b[p + 1] & 0xFF) + 1) * 8;
            next = b[p] & 0xFF;
            p += len;
        }
        return p - start;
    }

    public static final Field IPV6 = field("ipv6", "Internet Protocol Version 6", Type.PROTOCOL).count(header(V6, 0, 1))
            .bytes((v, k, out) -> Catalogue.rest(v, at(v, V6, 1, k), 0, out))
            .item((v, k) -> v6Span(v, at(v, V6, 1, k))).about("an IPv6 datagram").build();
    public static final Field V6_VERSION = field("ipv6.version", "Version", Type.UINT).bits(8).mask(0xF0).count(header(V6, 0, 1))
            .value((v, k) -> u8(v, V6, 0, k) >>> 4).build();
    // Wireshark's types: the traffic class an FT_UINT32 over the first word, the flow label an
    // FT_UINT24 over bytes 1-3 (-T fields prints their hex at those widths, -V at the masks')
    public static final Field V6_TCLASS = field("ipv6.tclass", "Traffic Class", Type.UINT).hex(32).mask(0x0FF00000L)
            .count(header(V6, 0, 4)).value((v, k) -> (u32(v, V6, 0, k) >>> 20) & 0xFF).about("DSCP and ECN (RFC 2474, RFC 3168)")
            .build();
    public static final Field V6_TCLASS_DSCP = field("ipv6.tclass.dscp", "Differentiated Services Codepoint", Type.UINT).bits(32)
            .mask(0x0FC00000L).count(header(V6, 0, 4)).value((v, k) -> (u32(v, V6, 0, k) >>> 22) & 0x3F).names(Names::dscp).build();
    public static final Field V6_TCLASS_ECN = field("ipv6.tclass.ecn", "Explicit Congestion Notification", Type.UINT).bits(32)
            .mask(0x00300000L).count(header(V6, 0, 4)).value((v, k) -> (u32(v, V6, 0, k) >>> 20) & 3).names(Names::ecn).build();
    public static final Field V6_FLOW = field("ipv6.flow", "Flow Label", Type.UINT).hex(24).mask(0x000FFFFFL)
            .count(header(V6, 0, 4)).value((v, k) -> u32(v, V6, 0, k) & 0xFFFFF).build();
    public static final Field V6_PLEN = field("ipv6.plen", "Payload Length", Type.UINT).bits(16).count(header(V6, 4, 2))
            .value((v, k) -> u16(v, V6, 4, k)).build();
    public static final Field V6_NXT = field("ipv6.nxt", "Next Header", Type.UINT).bits(8).count(header(V6, 6, 1))
            .value((v, k) -> u8(v, V6, 6, k)).names(Names::ipProtocol).build();
    public static final Field V6_HLIM = field("ipv6.hlim", "Hop Limit", Type.UINT).bits(8).count(header(V6, 7, 1))
            .value((v, k) -> u8(v, V6, 7, k)).build();
    public static final Field V6_SRC = field("ipv6.src", "Source Address", Type.IPV6).count(header(V6, 8, 16))
            .hi((v, k) -> i64(v, V6, 8, k)).value((v, k) -> i64(v, V6, 16, k)).build();
    public static final Field V6_DST = field("ipv6.dst", "Destination Address", Type.IPV6).count(header(V6, 24, 16))
            .hi((v, k) -> i64(v, V6, 24, k)).value((v, k) -> i64(v, V6, 32, k)).build();
    public static final Field V6_ADDR = field("ipv6.addr", "Source or Destination Address", Type.IPV6)
            .count(v -> 2 * count(v, V6, 40))
            .hi((v, k) -> i64In(v, at(v, V6, 40, k / 2), (k & 1) == 0 ? 8 : 24))
            .value((v, k) -> i64In(v, at(v, V6, 40, k / 2), (k & 1) == 0 ? 16 : 32))
            .build();

    static final List<Field> ALL = List.of(IP, VERSION, HDR_LEN, DSFIELD, DSCP, ECN, LEN, ID, FLAGS, FLAGS_RB, FLAGS_DF,
            FLAGS_MF, FRAG_OFFSET, TTL, PROTO, CHECKSUM, CHECKSUM_STATUS, SRC, DST, ADDR, IPV6, V6_VERSION, V6_TCLASS,
            V6_TCLASS_DSCP, V6_TCLASS_ECN, V6_FLOW, V6_PLEN, V6_NXT, V6_HLIM, V6_SRC, V6_DST, V6_ADDR);
}
