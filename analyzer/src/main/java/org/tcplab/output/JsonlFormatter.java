package org.tcplab.output;

import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.analysis.ConnectionAnnotation;
import org.tcplab.analysis.Transition;
import org.tcplab.capture.Frame;
import org.tcplab.decode.Checksums;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Layer;
import org.tcplab.model.PacketView;
import org.tcplab.tcp.TcpAnnotation;
import org.tcplab.wire.Addresses;
import org.tcplab.wire.TcpFlags;
import org.tcplab.decode.IcmpNames;

/**
 * One JSON object per packet; the keys are a stable interface documented in the README.
 * Numbers are written straight into the builder.
 */
public final class JsonlFormatter implements PacketFormatter {
    private final boolean checksums;
    private final TcpOptionsFormat options = new TcpOptionsFormat();

    /** @param checksums verify and print checksums (costs a pass over the payload) */
    public JsonlFormatter(boolean checksums) {
        this.checksums = checksums;
    }

    @Override
    public void format(PacketView v, StringBuilder sb) {
        Frame f = v.frame();
        DecodedPacket p = v.packet();
        TcpAnnotation t = v.tcp();
        ConnectionAnnotation c = v.connection();
        sb.append("{\"frame\":").append(f.number());
        sb.append(",\"time\":");
        TimeFormat.appendSeconds(sb, f.epochSeconds(), f.nanos());
        sb.append(",\"len\":").append(f.originalLength());
        sb.append(",\"caplen\":").append(f.capturedLength());
        sb.append(",\"proto\":\"").append(p.layer().code()).append('"');
        if (p.ipVersion() != 0 && (p.ipHeaderLength() > 0 || p.layer() != Layer.IPV4)) {
            sb.append(",\"ip_version\":").append(p.ipVersion());
            if (p.ttl() >= 0) {
                sb.append(",\"src\":\"");
                Addresses.append(sb, p.ipVersion(), p.srcHi(), p.srcLo());
                sb.append("\",\"dst\":\"");
                Addresses.append(sb, p.ipVersion(), p.dstHi(), p.dstLo());
                sb.append("\",\"ttl\":").append(p.ttl());
            }
        }
        if (p.vlanCount() > 0) {
            sb.append(",\"vlan\":").append(p.firstVlanId());
        }
        if (p.isFragment()) {
            sb.append(",\"fragment\":{\"offset\":").append(p.fragmentOffset()).append(",\"more\":")
                    .append(p.moreFragments()).append(",\"id\":").append(p.ipId() & 0xFFFFFFFFL).append('}');
        }
        if (p.isReassembled()) {
            sb.append(",\"reassembled_from\":").append(p.fragmentCount());
        }
        if (p.sport() >= 0) {
            sb.append(",\"sport\":").append(p.sport()).append(",\"dport\":").append(p.dport());
        }
        Layer layer = p.layer();
        if (layer == Layer.TCP) {
            tcp(p, t, c, sb);
        } else if (layer == Layer.UDP && p.udpLength() > 0) {
            sb.append(",\"udp_len\":").append(p.udpLength());
            sb.append(",\"payload_len\":").append(Math.max(0, p.udpLength() - 8));
        } else if (layer == Layer.ICMP || layer == Layer.ICMPV6) {
            icmp(p, sb);
        }
        if (checksums) {
            if (p.ipVersion() == 4 && p.ipHeaderLength() >= 20) {
                sb.append(",\"ip_checksum\":\"").append(Checksums.ipv4Header(p).code()).append('"');
            }
            if (layer == Layer.TCP || layer == Layer.UDP || layer == Layer.ICMP || layer == Layer.ICMPV6) {
                sb.append(",\"checksum\":\"").append(Checksums.transport(p).code()).append('"');
            }
        }
        if (f.hasComment()) {
            sb.append(",\"comment\":");
            appendString(sb, f.comment());
        }
        if (p.isMalformed()) {
            sb.append(",\"malformed\":");
            appendString(sb, p.malformationText());
        }
        sb.append('}');
    }

    private void tcp(DecodedPacket p, TcpAnnotation t, ConnectionAnnotation c, StringBuilder sb) {
        if (p.tcpFieldsCaptured() < 8) {
            return;
        }
        if (t.hasStream()) {
            sb.append(",\"stream\":").append(t.stream());
        }
        sb.append(",\"seq\":").append(t.seq());
        sb.append(",\"seq_raw\":").append(p.seq());
        if (p.tcpFieldsCaptured() < 14) {
            return;
        }
        sb.append(",\"ack\":").append(t.ack());
        sb.append(",\"ack_raw\":").append(p.ack());
        sb.append(",\"flags\":").append(p.tcpFlags());
        sb.append(",\"flags_str\":\"");
        TcpFlags.appendList(sb, p.tcpFlags());
        sb.append("\",\"hdr_len\":").append(p.tcpHeaderLength());
        if (p.hasSegmentLength()) {
            sb.append(",\"payload_len\":").append(p.payloadLength());
        }
        if (p.tcpFieldsCaptured() >= 16) {
            sb.append(",\"win\":").append(t.window());
            sb.append(",\"win_raw\":").append(p.window());
            if (t.windowScale() >= 0) {
                sb.append(",\"win_scale\":").append(t.windowScale());
            }
        }
        if (t.portsReused()) {
            sb.append(",\"ports_reused\":true");
        }
        if (p.tcpHeaderLength() > 20) {
            options.append(sb, p, t, true);
        }
        if (c.clientState() == null) {
            return;
        }
        var v = c.verdict();
        sb.append(",\"analysis\":[");
        AnalysisFlag.appendNames(sb, v.flags, true, ",");
        sb.append(']');
        if (v.dupAckNumber > 0) {
            sb.append(",\"dup_ack_num\":").append(v.dupAckNumber).append(",\"dup_ack_frame\":").append(v.dupAckFrame);
        }
        if (v.ackedFrame >= 0) {
            sb.append(",\"acks_frame\":").append(v.ackedFrame).append(",\"ack_rtt\":");
            TimeFormat.appendOffset(sb, v.ackRttNanos, 9);
        }
        if (v.bytesInFlight >= 0) {
            sb.append(",\"bytes_in_flight\":").append(v.bytesInFlight);
        }
        if (c.firstRttNanos() > 0) {
            sb.append(",\"irtt\":");
            TimeFormat.appendOffset(sb, c.firstRttNanos(), 9);
        }
        sb.append(",\"from\":\"").append(c.fromClient() ? "client" : "server");
        sb.append("\",\"client_state\":\"").append(c.clientState().label());
        sb.append("\",\"server_state\":\"").append(c.serverState().label()).append("\",\"transitions\":[");
        for (int i = 0; i < c.transitions().size(); i++) {
            Transition tr = c.transitions().get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"endpoint\":\"").append(tr.endpoint()).append("\",\"from\":\"").append(tr.from().label())
                    .append("\",\"to\":\"").append(tr.to().label()).append("\",\"cause\":");
            appendString(sb, tr.cause());
            sb.append('}');
        }
        sb.append(']');
        if (c.rstCause() != null) {
            sb.append(",\"rst_cause\":\"").append(c.rstCause().code()).append("\",\"rst_evidence\":");
            appendString(sb, c.rstEvidence());
        }
    }

    private static void icmp(DecodedPacket p, StringBuilder sb) {
        if (p.icmpType() < 0) {
            return;
        }
        boolean v6 = p.layer() == Layer.ICMPV6;
        sb.append(",\"icmp_type\":").append(p.icmpType()).append(",\"icmp_code\":").append(p.icmpCode());
        sb.append(",\"icmp_name\":\"").append(IcmpNames.type(v6, p.icmpType()));
        String code = IcmpNames.code(v6, p.icmpType(), p.icmpCode());
        if (code != null) {
            sb.append(" (").append(code).append(')');
        }
        sb.append('"');
        if (p.icmpId() >= 0) {
            sb.append(",\"icmp_id\":").append(p.icmpId()).append(",\"icmp_seq\":").append(p.icmpSeq());
        }
        if (p.quotedIpVersion() != 0) {
            sb.append(",\"quoted\":{\"src\":\"");
            Addresses.append(sb, p.quotedIpVersion(), p.quotedSrcHi(), p.quotedSrcLo());
            sb.append("\",\"dst\":\"");
            Addresses.append(sb, p.quotedIpVersion(), p.quotedDstHi(), p.quotedDstLo());
            sb.append("\",\"proto\":").append(p.quotedProtocol());
            if (p.quotedSport() >= 0) {
                sb.append(",\"sport\":").append(p.quotedSport()).append(",\"dport\":").append(p.quotedDport());
            }
            if (p.quotedSeq() >= 0) {
                sb.append(",\"seq_raw\":").append(p.quotedSeq());
            }
            sb.append('}');
        }
    }

    static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
