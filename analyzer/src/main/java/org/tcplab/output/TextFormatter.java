package org.tcplab.output;

import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.analysis.ConnectionAnnotation;
import org.tcplab.analysis.Transition;
import org.tcplab.capture.Frame;
import org.tcplab.decode.Checksums;
import org.tcplab.decode.ChecksumStatus;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Layer;
import org.tcplab.model.PacketView;
import org.tcplab.tcp.TcpAnnotation;
import org.tcplab.wire.Addresses;
import org.tcplab.wire.TcpFlags;
import org.tcplab.decode.IcmpNames;

/**
 * tcpdump-like lines with the annotations a student needs, e.g.
 * {@code 2  0.000051  10.0.0.2:80 > 10.0.0.1:40000  TCP  stream 0  [SYN, ACK]  seq=0 ack=1 win=65483 len=0}.
 */
public final class TextFormatter implements PacketFormatter {
    private final boolean checksums;
    private final TcpOptionsFormat options = new TcpOptionsFormat();

    public TextFormatter(boolean checksums) {
        this.checksums = checksums;
    }

    @Override
    public void format(PacketView v, StringBuilder sb) {
        Frame f = v.frame();
        DecodedPacket p = v.packet();
        TcpAnnotation t = v.tcp();
        ConnectionAnnotation c = v.connection();
        String n = Long.toString(f.number());
        for (int i = n.length(); i < 5; i++) {
            sb.append(' ');
        }
        sb.append(n).append("  ");
        TimeFormat.appendOffset(sb, v.relativeNanos(), 6);
        sb.append("  ");
        Layer layer = p.layer();
        boolean hasAddresses = p.ipVersion() != 0 && p.ttl() >= 0;
        if (hasAddresses) {
            address(sb, p.ipVersion(), p.srcHi(), p.srcLo(), p.sport());
            sb.append(" > ");
            address(sb, p.ipVersion(), p.dstHi(), p.dstLo(), p.dport());
            sb.append("  ");
        }
        switch (layer) {
            case TCP -> tcp(p, t, c, sb);
            case UDP -> {
                sb.append("UDP");
                if (p.udpLength() >= 8) {
                    sb.append("  len=").append(p.udpLength() - 8);
                }
            }
            case ICMP, ICMPV6 -> icmp(p, sb);
            case IPV4, IPV6 -> {
                sb.append(layer == Layer.IPV4 ? "IPv4" : "IPv6");
                if (p.ipProtocol() >= 0) {
                    sb.append(" proto ").append(p.ipProtocol());
                }
            }
            case ARP -> sb.append("ARP");
            default -> sb.append(f.linkType() == org.tcplab.capture.LinkTypes.PCAPNG_CUSTOM_BLOCK ? "pcapng custom block"
                    : layer == Layer.ETHERNET ? "Ethernet" : "frame");
        }
        if (p.isFragment()) {
            sb.append("  fragment id=").append(p.ipId() & 0xFFFFFFFFL).append(" offset=").append(p.fragmentOffset());
            if (p.moreFragments()) {
                sb.append(" (more follow)");
            } else {
                sb.append(" (last)");
            }
        }
        if (p.isReassembled()) {
            sb.append("  [reassembled from ").append(p.fragmentCount()).append(" fragments]");
        }
        if (checksums && (layer == Layer.TCP || layer == Layer.UDP || layer == Layer.ICMP || layer == Layer.ICMPV6)) {
            ChecksumStatus cs = Checksums.transport(p);
            if (cs == ChecksumStatus.BAD) {
                sb.append("  [bad checksum]");
            } else if (cs == ChecksumStatus.OFFLOAD) {
                sb.append("  [checksum left to NIC offload]");
            }
        }
        if (f.capturedLength() < f.originalLength()) {
            sb.append("  [captured ").append(f.capturedLength()).append(" of ").append(f.originalLength()).append(" bytes]");
        }
        if (p.isMalformed()) {
            sb.append("  [malformed: ").append(p.malformationText()).append(']');
        }
        if (f.hasComment()) {
            sb.append("  # ").append(f.comment().replace('\n', ' '));
        }
    }

    private static void address(StringBuilder sb, int family, long hi, long lo, int port) {
        Addresses.appendEndpoint(sb, family, hi, lo, port);
    }

    private void tcp(DecodedPacket p, TcpAnnotation t, ConnectionAnnotation c, StringBuilder sb) {
        sb.append("TCP");
        if (t.hasStream()) {
            sb.append("  stream ").append(t.stream());
        }
        if (p.tcpFieldsCaptured() < 14) {
            if (p.tcpFieldsCaptured() >= 8) {
                sb.append("  seq=").append(p.seq());
            }
            return;
        }
        sb.append("  [");
        TcpFlags.appendList(sb, p.tcpFlags());
        sb.append("]  seq=").append(t.seq());
        if ((p.tcpFlags() & TcpFlags.ACK) != 0) {
            sb.append(" ack=").append(t.ack());
        }
        if (p.tcpFieldsCaptured() >= 16) {
            sb.append(" win=").append(t.window());
        }
        if (p.hasSegmentLength()) {
            sb.append(" len=").append(p.payloadLength());
        }
        if (p.tcpHeaderLength() > 20) {
            options.append(sb, p, t, false);
        }
        if (t.relative() && (t.seq() != p.seq() || ((p.tcpFlags() & TcpFlags.ACK) != 0 && t.ack() != p.ack()))) {
            sb.append("  (raw seq=").append(p.seq());
            if ((p.tcpFlags() & TcpFlags.ACK) != 0) {
                sb.append(" ack=").append(p.ack());
            }
            sb.append(')');
        }
        if (t.portsReused()) {
            sb.append("  [new connection on reused ports]");
        }
        var v = c.verdict();
        for (AnalysisFlag f : AnalysisFlag.values()) {
            if (f.in(v.flags) && !(f == AnalysisFlag.RETRANSMISSION
                    && (AnalysisFlag.FAST_RETRANSMISSION.in(v.flags) || AnalysisFlag.SPURIOUS_RETRANSMISSION.in(v.flags)))) {
                sb.append("  [").append(f.words());
                if (f == AnalysisFlag.DUPLICATE_ACK) {
                    sb.append(' ').append(v.dupAckFrame).append('#').append(v.dupAckNumber);
                }
                sb.append(']');
            }
        }
        if (c.rstCause() != null) {
            sb.append("  [RST: ").append(c.rstCause().code().replace('_', ' ')).append(": ").append(c.rstEvidence()).append(']');
        }
        for (Transition tr : c.transitions()) {
            sb.append("\n           ").append(tr.endpoint()).append(' ').append(tr.from().label()).append(" -> ")
                    .append(tr.to().label()).append(": ").append(tr.cause());
        }
    }

    private static void icmp(DecodedPacket p, StringBuilder sb) {
        boolean v6 = p.layer() == Layer.ICMPV6;
        sb.append(v6 ? "ICMPv6" : "ICMP");
        if (p.icmpType() < 0) {
            return;
        }
        sb.append(' ').append(IcmpNames.type(v6, p.icmpType()));
        String code = IcmpNames.code(v6, p.icmpType(), p.icmpCode());
        if (code != null) {
            sb.append(" (").append(code).append(')');
        }
        if (p.icmpId() >= 0) {
            sb.append("  id=").append(p.icmpId()).append(" seq=").append(p.icmpSeq());
        }
        if (p.ttl() >= 0) {
            // what traceroute and ping are about
            sb.append(p.ipVersion() == 6 ? " hlim=" : " ttl=").append(p.ttl());
        }
        if (p.quotedIpVersion() != 0) {
            sb.append("  quoting ");
            String proto = switch (p.quotedProtocol()) {
                case 6 -> "TCP";
                case 17 -> "UDP";
                case 1 -> "ICMP";
                case 58 -> "ICMPv6";
                default -> "proto " + p.quotedProtocol();
            };
            sb.append(proto).append(' ');
            address(sb, p.quotedIpVersion(), p.quotedSrcHi(), p.quotedSrcLo(), p.quotedSport());
            sb.append(" > ");
            address(sb, p.quotedIpVersion(), p.quotedDstHi(), p.quotedDstLo(), p.quotedDport());
            if (p.quotedSeq() >= 0) {
                sb.append(" seq=").append(p.quotedSeq());
            }
        }
    }
}
