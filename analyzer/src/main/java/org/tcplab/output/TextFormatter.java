package org.tcplab.output;

import static org.tcplab.model.TcplabFields.*;

import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.analysis.ConnectionAnnotation;
import org.tcplab.capture.Frame;
import org.tcplab.capture.LinkTypes;
import org.tcplab.decode.ChecksumStatus;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Layer;
import org.tcplab.model.FrameFields;
import org.tcplab.model.PacketView;
import org.tcplab.model.Slice;
import org.tcplab.model.TcpFields;
import org.tcplab.model.TcplabFields;
import org.tcplab.wire.TcpFlags;

/**
 * tcpdump-like lines with the annotations a student needs, e.g.
 * {@code 2  0.000051  10.0.0.2:80 > 10.0.0.1:40000  TCP  stream 0  [SYN, ACK]  seq=0 ack=1 win=65483 len=0},
 * then under the line each state change with its cause, and with {@code -A} the payload as text.
 * Which values a packet has (a header cut short shows fewer) is the catalogue's to say.
 */
public final class TextFormatter implements PacketFormatter {
    private static final String INDENT = "           ";
    /** The verdicts in the catalogue's order; values() would copy the array on every packet. */
    private static final AnalysisFlag[] VERDICTS = AnalysisFlag.values();
    private static final AnalysisFlag[] NO_VERDICTS = {};
    private final boolean checksums;
    private final boolean payloadText;
    private final boolean filePrecision;
    private final TcpOptionsFormat options = new TcpOptionsFormat();
    private final Slice slice = new Slice();

    public TextFormatter(boolean checksums) {
        this(checksums, false, true);
    }

    /**
     * @param payloadText   print the payload as text under the line (tcpdump -A)
     * @param filePrecision print times with as many digits as the file's time stamps carry (else microseconds)
     */
    public TextFormatter(boolean checksums, boolean payloadText, boolean filePrecision) {
        this.checksums = checksums;
        this.payloadText = payloadText;
        this.filePrecision = filePrecision;
    }

    @Override
    public PacketFormatter copy() {
        return new TextFormatter(checksums, payloadText, filePrecision);
    }

    @Override
    public void format(PacketView v, ByteSink sb) {
        Frame f = v.frame();
        DecodedPacket p = v.packet();
        long n = f.number();
        sb.spaces(5 - ByteSink.digits(n)).put(n).put("  ");
        sb.putDuration(v.relativeNanos(), filePrecision ? f.timeDigits() : 6).put("  ");
        Layer layer = p.layer();
        if (SRC.present(v)) {
            sb.putEndpoint(p.ipVersion(), p.srcHi(), p.srcLo(), p.sport()).put(" > ")
                    .putEndpoint(p.ipVersion(), p.dstHi(), p.dstLo(), p.dport()).put("  ");
        }
        switch (layer) {
            case TCP -> tcp(v, sb);
            case UDP -> {
                sb.put("UDP");
                if (PAYLOAD_LEN.present(v)) {
                    sb.put("  len=").put(PAYLOAD_LEN.longValue(v, 0));
                }
            }
            case ICMP, ICMPV6 -> icmp(v, sb);
            case IPV4, IPV6 -> {
                sb.put(layer == Layer.IPV4 ? "IPv4" : "IPv6");
                if (p.ipProtocol() >= 0) {
                    sb.put(" proto ").put(p.ipProtocol());
                }
            }
            case ARP -> sb.put("ARP");
            default -> sb.put(f.linkType() == LinkTypes.PCAPNG_CUSTOM_BLOCK ? "pcapng custom block"
                    : layer == Layer.ETHERNET ? "Ethernet" : "frame");
        }
        if (org.tcplab.model.HttpFields.START_LINE.present(v)) {
            sb.put("  HTTP: ").put(org.tcplab.model.HttpFields.START_LINE.text(v, 0));
        }
        if (FRAGMENT.present(v)) {
            sb.put("  fragment id=").put(FRAGMENT_ID.longValue(v, 0)).put(" offset=").put(FRAGMENT_OFFSET.longValue(v, 0))
                    .put(FRAGMENT_MORE.longValue(v, 0) != 0 ? " (more follow)" : " (last)");
        }
        if (REASSEMBLED_FROM.present(v)) {
            sb.put("  [reassembled from ").put(REASSEMBLED_FROM.longValue(v, 0)).put(" fragments]");
        }
        if (checksums && CHECKSUM.present(v)) {
            String c = CHECKSUM.text(v, 0);
            if (c.equals(ChecksumStatus.BAD.code())) {
                sb.put("  [bad checksum]");
            } else if (c.equals(ChecksumStatus.OFFLOAD.code())) {
                sb.put("  [checksum left to NIC offload]");
            }
        }
        if (f.capturedLength() < f.originalLength()) {
            sb.put("  [captured ").put(f.capturedLength()).put(" of ").put(f.originalLength()).put(" bytes]");
        }
        if (MALFORMED.present(v)) {
            sb.put("  [malformed: ").put(MALFORMED.text(v, 0)).put(']');
        }
        if (FrameFields.COMMENT.present(v)) {
            sb.put("  # ").put(FrameFields.COMMENT.text(v, 0).replace('\n', ' '));
        }
        transitions(v, sb);
        if (payloadText && TcplabFields.PAYLOAD_TEXT.present(v)) {
            for (String line : TcplabFields.PAYLOAD_TEXT.text(v, 0).split("\n", -1)) {
                if (!line.isEmpty()) {
                    sb.put('\n').put(INDENT).put(line);
                }
            }
        }
    }

    private void tcp(PacketView v, ByteSink sb) {
        DecodedPacket p = v.packet();
        sb.put("TCP");
        if (TcpFields.STREAM.present(v)) {
            sb.put("  stream ").put(TcpFields.STREAM.longValue(v, 0));
        }
        if (!TcpFields.FLAGS.present(v)) {
            if (TcpFields.SEQ.present(v)) {
                sb.put("  seq=").put(TcpFields.SEQ_RAW.longValue(v, 0));
            }
            return;
        }
        int flags = p.tcpFlags();
        sb.put("  [").put(FLAGS.text(v, 0)).put("]  seq=").put(TcpFields.SEQ.longValue(v, 0));
        boolean ack = (flags & TcpFlags.ACK) != 0;
        if (ack) {
            sb.put(" ack=").put(TcpFields.ACK.longValue(v, 0));
        }
        if (TcpFields.WINDOW_SIZE.present(v)) {
            sb.put(" win=").put(TcpFields.WINDOW_SIZE.longValue(v, 0));
        }
        if (PAYLOAD_LEN.present(v)) {
            sb.put(" len=").put(PAYLOAD_LEN.longValue(v, 0));
        }
        options.append(sb, v, false);
        long rawSeq = TcpFields.SEQ_RAW.longValue(v, 0);
        long rawAck = TcpFields.ACK_RAW.longValue(v, 0);
        if (v.tcp().relative() && (TcpFields.SEQ.longValue(v, 0) != rawSeq || (ack && TcpFields.ACK.longValue(v, 0) != rawAck))) {
            sb.put("  (raw seq=").put(rawSeq);
            if (ack) {
                sb.put(" ack=").put(rawAck);
            }
            sb.put(')');
        }
        if (TcpFields.REUSED_PORTS.present(v)) {
            sb.put("  [new connection on reused ports]");
        }
        ConnectionAnnotation c = v.connection();
        int verdicts = c.analysisFlags();
        boolean retransmissionOfAKind = AnalysisFlag.FAST_RETRANSMISSION.in(verdicts)
                || AnalysisFlag.SPURIOUS_RETRANSMISSION.in(verdicts);
        for (AnalysisFlag a : verdicts == 0 ? NO_VERDICTS : VERDICTS) {
            if (a.in(verdicts) && !(a == AnalysisFlag.RETRANSMISSION && retransmissionOfAKind)) {
                sb.put("  [").put(a.words());
                if (a == AnalysisFlag.DUPLICATE_ACK) {
                    sb.put(' ').put(TcpFields.DUP_ACK_FRAME.longValue(v, 0)).put('#').put(TcpFields.DUP_ACK_NUM.longValue(v, 0));
                }
                sb.put(']');
            }
        }
        if (RST_CAUSE.present(v)) {
            sb.put("  [RST: ").put(RST_CAUSE.text(v, 0).replace('_', ' ')).put(": ").put(RST_EVIDENCE.text(v, 0)).put(']');
        }
    }

    /** Each state change under the line: "server LISTEN -> SYN-RECEIVED: why". */
    private static void transitions(PacketView v, ByteSink sb) {
        for (int k = 0, n = TRANSITION.count(v); k < n; k++) {
            sb.put('\n').put(INDENT).put(TRANSITION.text(v, k)).put(": ").put(TRANSITION_CAUSE.text(v, k));
        }
    }

    private static void icmp(PacketView v, ByteSink sb) {
        DecodedPacket p = v.packet();
        boolean v6 = p.layer() == Layer.ICMPV6;
        sb.put(v6 ? "ICMPv6" : "ICMP");
        if (!ICMP_TYPE.present(v)) {
            return;
        }
        sb.put(' ').put(ICMP_NAME.text(v, 0));
        if (ICMP_ID.present(v)) {
            sb.put("  id=").put(ICMP_ID.longValue(v, 0)).put(" seq=").put(ICMP_SEQ.longValue(v, 0));
        }
        if (p.ttl() >= 0) {
            // what traceroute and ping are about
            sb.put(p.ipVersion() == 6 ? " hlim=" : " ttl=").put(p.ttl());
        }
        if (QUOTED.present(v)) {
            sb.put("  quoting ");
            long proto = QUOTED_PROTO.longValue(v, 0);
            sb.put(proto == 6 ? "TCP" : proto == 17 ? "UDP" : proto == 1 ? "ICMP" : proto == 58 ? "ICMPv6" : "proto " + proto)
                    .put(' ');
            int port = QUOTED_SPORT.present(v) ? (int) QUOTED_SPORT.longValue(v, 0) : -1;
            int dport = QUOTED_SPORT.present(v) ? (int) QUOTED_DPORT.longValue(v, 0) : -1;
            sb.putEndpoint(QUOTED_SRC.family(v, 0), QUOTED_SRC.hiValue(v, 0), QUOTED_SRC.longValue(v, 0), port).put(" > ")
                    .putEndpoint(QUOTED_DST.family(v, 0), QUOTED_DST.hiValue(v, 0), QUOTED_DST.longValue(v, 0), dport);
            if (QUOTED_SEQ.present(v)) {
                sb.put(" seq=").put(QUOTED_SEQ.longValue(v, 0));
            }
        }
    }
}
