package org.tcplab.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.analysis.ConnectionAnnotation;
import org.tcplab.analysis.Role;
import org.tcplab.analysis.RstCause;
import org.tcplab.analysis.TcpState;
import org.tcplab.analysis.Transition;
import org.tcplab.decode.ChecksumStatus;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Proto;
import org.tcplab.tcp.TcpOptions;
import org.tcplab.wire.ByteString;
import org.tcplab.wire.Bytes;
import org.tcplab.wire.IpEndpoint;

/**
 * One analysed packet as an immutable value, for what outlives the pipeline's reuse of its views:
 * reports, the console, the answer checker. {@link #of} copies everything a view says of the
 * packet: the frame, each header in the order it came (tunnels and ICMP quotes included), the TCP
 * stream and relative numbers, the analysis verdicts, both endpoints' states and the transitions
 * with their causes, the RST cause, the checksum verdicts with the values on the wire and computed,
 * any malformation, and the payload.
 *
 * @param relativeNanos time since the capture's first frame
 * @param headers       every protocol header, outermost first
 * @param tcp           what the stream tracker says of the packet's own TCP segment, or null
 * @param analysis      what the connection analysis says of it, or null
 * @param ipChecksum    the innermost IPv4 header's checksum, or null
 * @param checksum      the TCP, UDP or ICMP checksum, or null
 * @param malformation  why decoding stopped, or null
 * @param payload       the TCP, UDP or ICMP data as captured
 */
public record Packet(long number, long epochSeconds, int nanos, long relativeNanos, int length, int capturedLength,
                     int linkType, String comment, List<Header> headers, TcpInfo tcp, Analysis analysis,
                     Checksum ipChecksum, Checksum checksum, String malformation, ByteString payload) {

    /** One protocol header of the packet. {@code quoted}: part of the datagram an ICMP error quotes. */
    public sealed interface Header {
        boolean quoted();
    }

    public record Ethernet(long dst, long src, int type) implements Header {
        @Override
        public boolean quoted() {
            return false;
        }
    }

    /** An 802.1Q tag ({@code serviceTag}: an 802.1ad one). */
    public record Vlan(int priority, int dei, int id, int type, boolean serviceTag) implements Header {
        @Override
        public boolean quoted() {
            return false;
        }
    }

    public record Ipv4(int headerLength, int dscp, int ecn, int totalLength, int id, boolean dontFragment,
                       boolean moreFragments, int fragmentOffset, int ttl, int protocol, int checksum, IpEndpoint src,
                       IpEndpoint dst, boolean quoted) implements Header {
    }

    public record Ipv6(int trafficClass, int flowLabel, int payloadLength, int nextHeader, int hopLimit, IpEndpoint src,
                       IpEndpoint dst, boolean quoted) implements Header {
    }

    /** The TCP header as on the wire (numbers raw); the relative ones are in {@link TcpInfo}. */
    public record Tcp(int srcPort, int dstPort, long seqRaw, long ackRaw, int headerLength, int flags, int window,
                      int checksum, int urgentPointer, TcpOptions options, boolean quoted) implements Header {
    }

    public record Udp(int srcPort, int dstPort, int length, int checksum, boolean quoted) implements Header {
    }

    public record Icmp(boolean v6, int type, int code, int checksum, int identifier, int sequence, boolean quoted)
            implements Header {
    }

    public record Arp(int opcode, long senderMac, IpEndpoint senderIp, long targetMac, IpEndpoint targetIp) implements Header {
        @Override
        public boolean quoted() {
            return false;
        }
    }

    /** A header we only name (a link or tunnel header). */
    public record Other(Proto proto, boolean quoted) implements Header {
    }

    /**
     * tshark's per-segment TCP fields: the stream, relative numbers (raw where tshark shows raw),
     * the next sequence number, the calculated window and its scale (-1 unknown, -2 none).
     */
    public record TcpInfo(int stream, long seq, long ack, boolean relative, long nextSeq, int payloadLength, long window,
                          int windowScale, boolean reusedPorts, long sinceStreamStartNanos, long sinceStreamPreviousNanos) {
    }

    /**
     * The connection analysis of the segment: tshark's verdicts and their numbers (-1 when absent),
     * who sent it, both endpoints' states after it, the transitions with their causes, the RST cause.
     */
    public record Analysis(Set<AnalysisFlag> flags, int dupAckNumber, long dupAckFrame, long ackedFrame, long ackRttNanos,
                           long bytesInFlight, long irttNanos, Role from, TcpState clientState, TcpState serverState,
                           List<Transition> transitions, RstCause rstCause, String rstEvidence,
                           org.tcplab.analysis.RstEvidence rstDetail) {
    }

    /** A checksum: the verdict, the value on the wire, and the value it should have (-1: not computed). */
    public record Checksum(ChecksumStatus status, int onWire, int computed) {
    }

    public Packet {
        headers = List.copyOf(headers);
    }

    /** Copies what the view holds now into a value. */
    public static Packet of(PacketView v) {
        DecodedPacket p = v.packet();
        List<Header> headers = new ArrayList<>();
        int[] seen = new int[Proto.values().length];
        for (int i = 0; i < p.layerCount(); i++) {
            Proto proto = p.layerProto(i);
            headers.add(header(v, i, seen[proto.ordinal()]++));
        }
        TcpInfo tcp = null;
        if (TcpFields.STREAM.present(v)) {
            long next = TcpFields.NXTSEQ.present(v) ? TcpFields.NXTSEQ.longValue(v, 0) : -1;
            tcp = new TcpInfo(v.tcp().stream(), v.tcp().seq(), v.tcp().ack(), v.tcp().relative(), next,
                    p.hasSegmentLength() ? p.payloadLength() : -1, v.tcp().window(), v.tcp().windowScale(),
                    v.tcp().portsReused(), v.tcp().sinceStreamStart(), v.tcp().sinceStreamPrevious());
        }
        Analysis analysis = null;
        ConnectionAnnotation c = v.connection();
        if (TcplabFields.ANALYSED_FIELD.present(v)) {
            Set<AnalysisFlag> flags = EnumSet.noneOf(AnalysisFlag.class);
            for (AnalysisFlag f : AnalysisFlag.values()) {
                if (f.in(c.analysisFlags())) {
                    flags.add(f);
                }
            }
            var verdict = c.verdict();
            analysis = new Analysis(Set.copyOf(flags), verdict.dupAckNumber, verdict.dupAckNumber > 0 ? verdict.dupAckFrame : -1,
                    verdict.ackedFrame, verdict.ackedFrame >= 0 ? verdict.ackRttNanos : -1, verdict.bytesInFlight,
                    c.firstRttNanos() > 0 ? c.firstRttNanos() : -1, c.fromClient() ? Role.CLIENT : Role.SERVER,
                    c.clientState(), c.serverState(), List.copyOf(c.transitions()), c.rstCause(), c.rstEvidence(),
                    c.rstDetail());
        }
        Checksum ip = TcplabFields.IP_CHECKSUM.present(v)
                ? new Checksum(v.checks.ipStatus(p), Bytes.u16be(p.ipData(), p.ipOffset() + 10), v.checks.ipComputed(p)) : null;
        Checksum transport = TcplabFields.CHECKSUM.present(v)
                ? new Checksum(v.checks.transportStatus(p), org.tcplab.decode.Checksums.field(p), v.checks.transportComputed(p))
                : null;
        ByteString payload = ByteString.EMPTY;
        if (TcplabFields.PAYLOAD.present(v)) {
            Slice s = new Slice();
            TcplabFields.PAYLOAD.bytes(v, 0, s);
            payload = ByteString.copyOf(s.data(), s.offset(), s.length());
        }
        return new Packet(v.frame().number(), v.frame().epochSeconds(), v.frame().nanos(), v.relativeNanos(),
                v.frame().originalLength(), v.frame().capturedLength(), v.frame().linkType(), v.frame().comment(), headers,
                tcp, analysis, ip, transport, p.malformationText(), payload);
    }

    private static Header header(PacketView v, int i, int k) {
        DecodedPacket p = v.packet();
        boolean quoted = p.layerQuoted(i);
        int cap = p.layerEnd(i) - p.layerOffset(i);
        byte[] b = p.layerData(i);
        int o = p.layerOffset(i);
        switch (p.layerProto(i)) {
            case ETH -> {
                return new Ethernet(Catalogue.ether(b, o), Catalogue.ether(b, o + 6), Bytes.u16be(b, o + 12));
            }
            case VLAN, IEEE8021AD -> {
                if (cap >= 4) {
                    int tci = Bytes.u16be(b, o);
                    return new Vlan(tci >>> 13, (tci >>> 12) & 1, tci & 0xFFF, Bytes.u16be(b, o + 2),
                            p.layerProto(i) == Proto.IEEE8021AD);
                }
            }
            case IPV4 -> {
                if (cap >= 20) {
                    int f = b[o + 6] & 0xff;
                    return new Ipv4((b[o] & 0x0F) * 4, (b[o + 1] & 0xff) >>> 2, b[o + 1] & 3, Bytes.u16be(b, o + 2),
                            Bytes.u16be(b, o + 4), (f & 0x40) != 0, (f & 0x20) != 0,
                            Bytes.u16be(b, o + 6) & 0x1FFF, b[o + 8] & 0xff, b[o + 9] & 0xff,
                            Bytes.u16be(b, o + 10), new IpEndpoint(4, 0, Bytes.u32be(b, o + 12), -1),
                            new IpEndpoint(4, 0, Bytes.u32be(b, o + 16), -1), quoted);
                }
            }
            case IPV6 -> {
                if (cap >= 40) {
                    long w = Bytes.u32be(b, o);
                    return new Ipv6((int) ((w >>> 20) & 0xFF), (int) (w & 0xFFFFF), Bytes.u16be(b, o + 4),
                            b[o + 6] & 0xff, b[o + 7] & 0xff,
                            new IpEndpoint(6, Bytes.i64be(b, o + 8), Bytes.i64be(b, o + 16), -1),
                            new IpEndpoint(6, Bytes.i64be(b, o + 24), Bytes.i64be(b, o + 32), -1),
                            quoted);
                }
            }
            case TCP -> {
                if (cap >= 4) {
                    int hlen = cap >= 13 ? ((b[o + 12] & 0xff) >>> 4) * 4 : -1;
                    TcpOptions opts = hlen > 20 ? TcpOptions.parse(b, o + 20, o + Math.min(hlen, cap)) : null;
                    return new Tcp(Bytes.u16be(b, o), Bytes.u16be(b, o + 2),
                            cap >= 8 ? Bytes.u32be(b, o + 4) : -1, cap >= 12 ? Bytes.u32be(b, o + 8) : -1,
                            hlen, cap >= 14 ? Bytes.u16be(b, o + 12) & 0xFFF : -1,
                            cap >= 16 ? Bytes.u16be(b, o + 14) : -1, cap >= 18 ? Bytes.u16be(b, o + 16) : -1,
                            cap >= 20 ? Bytes.u16be(b, o + 18) : -1, opts, quoted);
                }
            }
            case UDP -> {
                if (cap >= 4) {
                    return new Udp(Bytes.u16be(b, o), Bytes.u16be(b, o + 2),
                            cap >= 6 ? Bytes.u16be(b, o + 4) : -1, cap >= 8 ? Bytes.u16be(b, o + 6) : -1,
                            quoted);
                }
            }
            case ICMP, ICMPV6 -> {
                if (cap >= 4) {
                    boolean v6 = p.layerProto(i) == Proto.ICMPV6;
                    int type = b[o] & 0xff;
                    boolean id = cap >= 8 && IcmpFields.hasIdentifier(v6, type);
                    return new Icmp(v6, type, b[o + 1] & 0xff, Bytes.u16be(b, o + 2),
                            id ? Bytes.u16be(b, o + 4) : -1, id ? Bytes.u16be(b, o + 6) : -1, quoted);
                }
            }
            case ARP -> {
                if (cap >= 28) {
                    return new Arp(Bytes.u16be(b, o + 6), Catalogue.ether(b, o + 8),
                            new IpEndpoint(4, 0, Bytes.u32be(b, o + 14), -1), Catalogue.ether(b, o + 18),
                            new IpEndpoint(4, 0, Bytes.u32be(b, o + 24), -1));
                }
            }
            default -> {
                return new Other(p.layerProto(i), quoted);
            }
        }
        return new Other(p.layerProto(i), quoted);
    }

    /** The innermost header of a kind, the packet's own (not a quote), or null. */
    public <H extends Header> H innermost(Class<H> kind) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header h = headers.get(i);
            if (kind.isInstance(h) && !h.quoted()) {
                return kind.cast(h);
            }
        }
        return null;
    }
}
