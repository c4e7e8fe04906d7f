package org.tcplab.model;

import static org.tcplab.model.Catalogue.ONCE;
import static org.tcplab.model.Catalogue.field;

import java.util.List;
import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.analysis.Transition;
import org.tcplab.decode.ChecksumStatus;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.IcmpNames;
import org.tcplab.decode.Layer;
import org.tcplab.model.Field.Type;
import org.tcplab.wire.TcpFlags;

/**
 * Our own fields, under {@code tcplab.}: what Wireshark does not have (both endpoints' states, the
 * transitions and their causes, why an RST was sent, our checksum verdicts) and the packet's
 * innermost layers as one value whatever their version or protocol (the keys of our JSONL: the
 * source address of IPv4 or IPv6, the ports of TCP or UDP, the ICMP or ICMPv6 type).
 */
public final class TcplabFields {
    private TcplabFields() {
    }

    private static DecodedPacket p(PacketView v) {
        return v.packet();
    }

    private static boolean hasIpVersion(PacketView v) {
        DecodedPacket p = v.packet();
        return p.ipVersion() != 0 && (p.ipHeaderLength() > 0 || p.layer() != Layer.IPV4);
    }

    private static final Field.Counter IP_ADDRESSES = v -> hasIpVersion(v) && v.packet().ttl() >= 0 ? 1 : 0;
    private static final Field.Counter TCP_OWN = v -> TcpFields.main(v, 14) >= 0 ? 1 : 0;
    private static final Field.Counter ANALYSED = v -> v.connection().analysed() && TcpFields.main(v, 14) >= 0 ? 1 : 0;

    private static boolean isIcmp(PacketView v) {
        Layer l = v.packet().layer();
        return (l == Layer.ICMP || l == Layer.ICMPV6) && v.packet().icmpType() >= 0;
    }

    private static boolean checksummed(PacketView v) {
        Layer l = v.packet().layer();
        return l == Layer.TCP || l == Layer.UDP || l == Layer.ICMP || l == Layer.ICMPV6;
    }

    /** The capture time of every frame, 0 for a block that carries none (frame.time_epoch is then absent). */
    public static final Field TIME = field("tcplab.time", "Capture time", Type.RELATIVE_TIME).count(Catalogue.ONCE).json("time")
            .epoch((v, k) -> v.frame().epochSeconds(), (v, k) -> v.frame().nanos()).value((v, k) -> v.timeNanos())
            .about("seconds since 1970, nine digits").build();
    public static final Field PROTO = field("tcplab.proto", "Deepest layer", Type.STRING).count(ONCE).json("proto")
            .text((v, k) -> p(v).layer().code()).about("tcp, udp, icmp, icmpv6, ipv4, ipv6, arp, eth, link or none").build();
    public static final Field IP_VERSION = field("tcplab.ip_version", "IP version", Type.UINT).bits(8)
            .count(v -> hasIpVersion(v) ? 1 : 0).json("ip_version").value((v, k) -> p(v).ipVersion())
            .about("4 or 6: the innermost IP header's").build();
    public static final Field SRC = field("tcplab.src", "Source", Type.IP).count(IP_ADDRESSES).json("src")
            .family((v, k) -> p(v).ipVersion()).hi((v, k) -> p(v).srcHi()).value((v, k) -> p(v).srcLo())
            .about("the innermost IP header's source, IPv4 or IPv6").build();
    public static final Field DST = field("tcplab.dst", "Destination", Type.IP).count(IP_ADDRESSES).json("dst")
            .family((v, k) -> p(v).ipVersion()).hi((v, k) -> p(v).dstHi()).value((v, k) -> p(v).dstLo())
            .about("the innermost IP header's destination").build();
    public static final Field ADDR = field("tcplab.addr", "Source or destination", Type.IP)
            .count(v -> 2 * IP_ADDRESSES.count(v)).family((v, k) -> p(v).ipVersion())
            .hi((v, k) -> k == 0 ? p(v).srcHi() : p(v).dstHi()).value((v, k) -> k == 0 ? p(v).srcLo() : p(v).dstLo())
            .about("either address of the innermost IP header").build();
    public static final Field TTL = field("tcplab.ttl", "TTL or hop limit", Type.UINT).bits(8).count(IP_ADDRESSES).json("ttl")
            .value((v, k) -> p(v).ttl()).about("the innermost IP header's TTL (IPv4) or hop limit (IPv6)").build();
    public static final Field VLAN = field("tcplab.vlan", "VLAN", Type.UINT).bits(16).count(v -> p(v).vlanCount() > 0 ? 1 : 0)
            .json("vlan").value((v, k) -> p(v).firstVlanId()).about("the outer VLAN id").build();
    public static final Field FRAGMENT = field("tcplab.fragment", "IP fragment", Type.NONE)
            .count(v -> p(v).isFragment() ? 1 : 0).json("fragment").about("an IP fragment not (yet) reassembled").build();
    public static final Field FRAGMENT_OFFSET = field("tcplab.fragment.offset", "Fragment offset", Type.UINT)
            .count(FRAGMENT::count).json("offset").value((v, k) -> p(v).fragmentOffset()).about("in bytes").build();
    public static final Field FRAGMENT_MORE = field("tcplab.fragment.more", "More fragments", Type.BOOLEAN)
            .count(FRAGMENT::count).json("more").value((v, k) -> p(v).moreFragments() ? 1 : 0).build();
    public static final Field FRAGMENT_ID = field("tcplab.fragment.id", "Fragment id", Type.UINT)
            .count(FRAGMENT::count).json("id").value((v, k) -> p(v).ipId() & 0xFFFFFFFFL).build();
    public static final Field REASSEMBLED_FROM = field("tcplab.reassembled_from", "Reassembled from", Type.UINT)
            .count(v -> p(v).isReassembled() ? 1 : 0).json("reassembled_from").value((v, k) -> p(v).fragmentCount())
            .about("fragments that made the datagram completed at this frame").build();
    public static final Field SPORT = field("tcplab.sport", "Source port", Type.UINT).bits(16)
            .count(v -> p(v).sport() >= 0 ? 1 : 0).json("sport").value((v, k) -> p(v).sport())
            .about("the innermost TCP or UDP source port").build();
    public static final Field DPORT = field("tcplab.dport", "Destination port", Type.UINT).bits(16)
            .count(v -> p(v).sport() >= 0 ? 1 : 0).json("dport").value((v, k) -> p(v).dport()).build();
    public static final Field PORT = field("tcplab.port", "Source or destination port", Type.UINT).bits(16)
            .count(v -> p(v).sport() >= 0 ? 2 : 0).value((v, k) -> k == 0 ? p(v).sport() : p(v).dport()).build();
    public static final Field FLAGS = field("tcplab.flags", "TCP flags", Type.STRING).count(TCP_OWN).json("flags_str")
            .text((v, k) -> TcpFlags.list(p(v).tcpFlags())).about("the flags in words: \"SYN, ACK\"").build();
    public static final Field PAYLOAD_LEN = field("tcplab.payload_len", "Payload length", Type.UINT)
            .count(v -> {
                DecodedPacket d = p(v);
                if (d.layer() == Layer.TCP) {
                    return TcpFields.main(v, 14) >= 0 && d.hasSegmentLength() ? 1 : 0;
                }
                return d.layer() == Layer.UDP && d.udpLength() > 0 ? 1 : 0;
            })
            .json("payload_len")
            .value((v, k) -> p(v).layer() == Layer.TCP ? p(v).payloadLength() : Math.max(0, p(v).udpLength() - 8))
            .about("TCP segment length (from the IP length) or UDP data length").build();
    public static final Field UDP_LEN = field("tcplab.udp_len", "UDP length", Type.UINT).bits(16)
            .count(v -> p(v).layer() == Layer.UDP && p(v).udpLength() > 0 ? 1 : 0).json("udp_len")
            .value((v, k) -> p(v).udpLength()).build();
    public static final Field WIN_SCALE = field("tcplab.win_scale", "Window scale shift", Type.UINT).bits(8)
            .count(v -> TcpFields.main(v, 16) >= 0 && v.tcp().windowScale() >= 0 ? 1 : 0).json("win_scale")
            .value((v, k) -> v.tcp().windowScale()).about("the shift applied to this direction's windows").build();
    public static final Field ANALYSED_FIELD = field("tcplab.analysed", "Connection analysis", Type.NONE).count(ANALYSED)
            .about("the connection analysis saw the segment (states, verdicts)").build();
    /** The verdicts' names, one occurrence each, in the catalogue's order. */
    public static final Field ANALYSIS = field("tcplab.analysis", "Analysis verdicts", Type.STRING)
            .count(v -> ANALYSED.count(v) == 0 ? 0 : Integer.bitCount(v.connection().analysisFlags())).json("analysis")
            .text((v, k) -> verdictAt(v.connection().analysisFlags(), k).field())
            .about("tshark's tcp.analysis verdicts by name").build();

    private static final AnalysisFlag[] VERDICTS = AnalysisFlag.values();

    static AnalysisFlag verdictAt(int flags, int k) {
        for (AnalysisFlag f : VERDICTS) {
            if (f.in(flags) && k-- == 0) {
                return f;
            }
        }
        throw new IndexOutOfBoundsException();
    }

    /** The connection's initial RTT as known at this segment, on every segment after the handshake (tshark shows it on fewer). */
    public static final Field IRTT = field("tcplab.irtt", "Initial RTT", Type.RELATIVE_TIME)
            .count(v -> ANALYSED.count(v) == 1 && v.connection().firstRttNanos() > 0 ? 1 : 0).json("irtt")
            .value((v, k) -> v.connection().firstRttNanos()).about("from the SYN to the ACK of the SYN+ACK").build();
    public static final Field FROM = field("tcplab.from", "Sent by", Type.STRING).count(ANALYSED).json("from")
            .text((v, k) -> v.connection().fromClient() ? "client" : "server").about("client or server").build();
    public static final Field CLIENT_STATE = field("tcplab.state.client", "Client state", Type.STRING).count(ANALYSED)
            .json("client_state").text((v, k) -> v.connection().clientState().label())
            .about("the client's RFC 9293 state after this segment").build();
    public static final Field SERVER_STATE = field("tcplab.state.server", "Server state", Type.STRING).count(ANALYSED)
            .json("server_state").text((v, k) -> v.connection().serverState().label())
            .about("the server's RFC 9293 state after this segment").build();

    private static Transition transition(PacketView v, int k) {
        return v.connection().transitions().get(k);
    }

    private static final Field.Counter TRANSITIONS = v -> ANALYSED.count(v) == 0 ? 0 : v.connection().transitions().size();
    public static final Field TRANSITION = field("tcplab.transition", "State change", Type.STRING).count(TRANSITIONS)
            .json("transitions").text((v, k) -> {
                Transition t = transition(v, k);
                return t.endpoint().label() + " " + t.from().label() + " -> " + t.to().label();
            }).about("a state change this segment caused: \"server LISTEN -> SYN-RECEIVED\"").build();
    public static final Field TRANSITION_ENDPOINT = field("tcplab.transition.endpoint", "Endpoint", Type.STRING)
            .count(TRANSITIONS).json("endpoint").text((v, k) -> transition(v, k).endpoint().label()).build();
    public static final Field TRANSITION_FROM = field("tcplab.transition.from", "From", Type.STRING).count(TRANSITIONS)
            .json("from").text((v, k) -> transition(v, k).from().label()).build();
    public static final Field TRANSITION_TO = field("tcplab.transition.to", "To", Type.STRING).count(TRANSITIONS)
            .json("to").text((v, k) -> transition(v, k).to().label()).build();
    public static final Field TRANSITION_CAUSE = field("tcplab.transition.cause", "Cause", Type.STRING).count(TRANSITIONS)
            .json("cause").text((v, k) -> transition(v, k).cause()).about("why, in words, with the numbers").build();
    public static final Field RST_CAUSE = field("tcplab.rst_cause", "RST cause", Type.STRING)
            .count(v -> ANALYSED.count(v) == 1 && v.connection().rstCause() != null ? 1 : 0).json("rst_cause")
            .text((v, k) -> v.connection().rstCause().code())
            .about("refused, abort, unread_data, after_close, out_of_window or unknown").build();
    public static final Field RST_EVIDENCE = field("tcplab.rst_evidence", "RST evidence", Type.STRING)
            .count(RST_CAUSE::count).json("rst_evidence").text((v, k) -> v.connection().rstEvidence())
            .about("what in the capture shows the cause").build();

    public static final Field ICMP_TYPE = field("tcplab.icmp_type", "ICMP type", Type.UINT).bits(8)
            .count(v -> isIcmp(v) ? 1 : 0).json("icmp_type").value((v, k) -> p(v).icmpType())
            .about("the ICMP or ICMPv6 message's type").build();
    public static final Field ICMP_CODE = field("tcplab.icmp_code", "ICMP code", Type.UINT).bits(8).count(ICMP_TYPE::count)
            .json("icmp_code").value((v, k) -> p(v).icmpCode()).build();
    public static final Field ICMP_NAME = field("tcplab.icmp_name", "ICMP message", Type.STRING).count(ICMP_TYPE::count)
            .json("icmp_name").text((v, k) -> IcmpNames.describe(p(v).layer() == Layer.ICMPV6, p(v).icmpType(), p(v).icmpCode()))
            .about("type and code in words").build();
    public static final Field ICMP_ID = field("tcplab.icmp_id", "ICMP identifier", Type.UINT).bits(16)
            .count(v -> isIcmp(v) && p(v).icmpId() >= 0 ? 1 : 0).json("icmp_id").value((v, k) -> p(v).icmpId()).build();
    public static final Field ICMP_SEQ = field("tcplab.icmp_seq", "ICMP sequence number", Type.UINT).bits(16)
            .count(ICMP_ID::count).json("icmp_seq").value((v, k) -> p(v).icmpSeq()).build();

    private static final Field.Counter QUOTED_COUNT = v -> isIcmp(v) && p(v).quotedIpVersion() != 0 ? 1 : 0;
    public static final Field QUOTED = field("tcplab.quoted", "Quoted datagram", Type.NONE).count(QUOTED_COUNT).json("quoted")
            .about("the datagram an ICMP error quotes").build();
    public static final Field QUOTED_SRC = field("tcplab.quoted.src", "Quoted source", Type.IP).count(QUOTED_COUNT).json("src")
            .family((v, k) -> p(v).quotedIpVersion()).hi((v, k) -> p(v).quotedSrcHi()).value((v, k) -> p(v).quotedSrcLo()).build();
    public static final Field QUOTED_DST = field("tcplab.quoted.dst", "Quoted destination", Type.IP).count(QUOTED_COUNT)
            .json("dst").family((v, k) -> p(v).quotedIpVersion()).hi((v, k) -> p(v).quotedDstHi())
            .value((v, k) -> p(v).quotedDstLo()).build();
    public static final Field QUOTED_PROTO = field("tcplab.quoted.proto", "Quoted protocol", Type.UINT).bits(8)
            .count(QUOTED_COUNT).json("proto").value((v, k) -> p(v).quotedProtocol()).build();
    public static final Field QUOTED_SPORT = field("tcplab.quoted.sport", "Quoted source port", Type.UINT).bits(16)
            .count(v -> QUOTED_COUNT.count(v) == 1 && p(v).quotedSport() >= 0 ? 1 : 0).json("sport")
            .value((v, k) -> p(v).quotedSport()).build();
    public static final Field QUOTED_DPORT = field("tcplab.quoted.dport", "Quoted destination port", Type.UINT).bits(16)
            .count(QUOTED_SPORT::count).json("dport").value((v, k) -> p(v).quotedDport()).build();
    public static final Field QUOTED_SEQ = field("tcplab.quoted.seq_raw", "Quoted sequence number", Type.UINT)
            .count(v -> QUOTED_COUNT.count(v) == 1 && p(v).quotedSeq() >= 0 ? 1 : 0).json("seq_raw")
            .value((v, k) -> p(v).quotedSeq()).build();

    public static final Field IP_CHECKSUM = field("tcplab.ip_checksum", "IPv4 header checksum", Type.STRING)
            .count(v -> p(v).ipVersion() == 4 && p(v).ipHeaderLength() >= 20 ? 1 : 0).json("ip_checksum")
            .text((v, k) -> v.checks.ipStatus(p(v)).code())
            .about("good, bad, or unverified (not captured whole): our verification").build();
    public static final Field IP_CHECKSUM_COMPUTED = field("tcplab.ip_checksum.computed", "Computed header checksum",
            Type.UINT).hex(16).count(v -> IP_CHECKSUM.count(v) == 1 && v.checks.ipComputed(p(v)) >= 0 ? 1 : 0)
            .value((v, k) -> v.checks.ipComputed(p(v))).about("what the IPv4 header checksum should be").build();
    public static final Field CHECKSUM = field("tcplab.checksum", "Transport checksum", Type.STRING)
            .count(v -> checksummed(v) ? 1 : 0).json("checksum").text((v, k) -> v.checks.transportStatus(p(v)).code())
            .about("good, bad, offload (left to the NIC), unverified or none (UDP over IPv4 without one)").build();
    public static final Field CHECKSUM_COMPUTED = field("tcplab.checksum.computed", "Computed checksum", Type.UINT).hex(16)
            .count(v -> checksummed(v) && v.checks.transportComputed(p(v)) >= 0 ? 1 : 0)
            .value((v, k) -> v.checks.transportComputed(p(v)))
            .about("what the TCP, UDP or ICMP checksum should be, pseudo header included").build();
    public static final Field MALFORMED = field("tcplab.malformed", "Malformed", Type.STRING)
            .count(v -> p(v).isMalformed() ? 1 : 0).json("malformed").text((v, k) -> p(v).malformationText())
            .about("why decoding stopped").build();

    /** The innermost transport's data as captured: a TCP segment's, a UDP datagram's, an ICMP message's after its header. */
    static void payload(PacketView v, Slice out) {
        DecodedPacket d = p(v);
        switch (d.layer()) {
            case TCP -> {
                int n = TcpFields.payloadLength(v);
                out.set(d.l4Data(), d.l4Offset() + d.tcpHeaderLength(), n);
            }
            case UDP -> {
                int n = d.udpLength() >= 8 ? Math.min(d.udpLength() - 8, d.l4Captured() - 8) : d.l4Captured() - 8;
                out.set(d.l4Data(), d.l4Offset() + 8, n);
            }
            case ICMP, ICMPV6 -> out.set(d.l4Data(), d.l4Offset() + 8, d.l4Captured() - 8);
            default -> out.set(d.l4Data(), d.l4Offset(), 0);
        }
    }

    private static int payloadLength(PacketView v) {
        Slice s = new Slice();
        payload(v, s);
        return s.length();
    }

    private static final Field.Counter PAYLOADED = v -> {
        Layer l = p(v).layer();
        return (l == Layer.TCP || l == Layer.UDP || l == Layer.ICMP || l == Layer.ICMPV6) && p(v).l4Data() != null
                && payloadLength(v) > 0 ? 1 : 0;
    };
    public static final Field PAYLOAD = field("tcplab.payload", "Payload", Type.BYTES).count(PAYLOADED).json("payload")
            .bytes((v, k, out) -> payload(v, out)).about("the TCP, UDP or ICMP data as captured").build();
    public static final Field PAYLOAD_TEXT = field("tcplab.payload_text", "Payload as text", Type.STRING).count(PAYLOADED)
            .json("payload_text").text((v, k) -> {
                Slice s = new Slice();
                payload(v, s);
                return PayloadText.render(s.data(), s.offset(), s.length());
            }).about("the data as tcpdump -A prints it: printable text and UTF-8, a dot for other bytes").build();

    /** True when the transport checksum is bad (not offload, not unverified). */
    public static boolean badChecksum(PacketView v) {
        return checksummed(v) && v.checks.transportStatus(p(v)) == ChecksumStatus.BAD;
    }

    static final List<Field> ALL = List.of(TIME, PROTO, IP_VERSION, SRC, DST, ADDR, TTL, VLAN, FRAGMENT, FRAGMENT_OFFSET,
            FRAGMENT_MORE, FRAGMENT_ID, REASSEMBLED_FROM, SPORT, DPORT, PORT, FLAGS, PAYLOAD_LEN, UDP_LEN, WIN_SCALE,
            ANALYSED_FIELD, ANALYSIS, IRTT, FROM, CLIENT_STATE, SERVER_STATE, TRANSITION, TRANSITION_ENDPOINT, TRANSITION_FROM,
            TRANSITION_TO, TRANSITION_CAUSE, RST_CAUSE, RST_EVIDENCE, ICMP_TYPE, ICMP_CODE, ICMP_NAME, ICMP_ID, ICMP_SEQ,
            QUOTED, QUOTED_SRC, QUOTED_DST, QUOTED_PROTO, QUOTED_SPORT, QUOTED_DPORT, QUOTED_SEQ, IP_CHECKSUM,
            IP_CHECKSUM_COMPUTED, CHECKSUM, CHECKSUM_COMPUTED, MALFORMED, PAYLOAD, PAYLOAD_TEXT);
}
