package org.tcplab.model;

import static org.tcplab.model.Catalogue.at;
import static org.tcplab.model.Catalogue.count;
import static org.tcplab.model.Catalogue.field;
import static org.tcplab.model.Catalogue.header;
import static org.tcplab.model.Catalogue.u16;
import static org.tcplab.model.Catalogue.u32;
import static org.tcplab.model.Catalogue.u8;

import java.util.ArrayList;
import java.util.List;
import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.analysis.ConnectionAnnotation;
import org.tcplab.analysis.SequenceAnalysis;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Proto;
import org.tcplab.model.Field.Type;
import org.tcplab.tcp.TcpAnnotation;
import org.tcplab.wire.Bytes;
import org.tcplab.wire.TcpFlags;

/**
 * The TCP header (RFC 9293 §3.1) and what tshark derives from it: the stream, relative numbers, the
 * calculated window, the sequence analysis.
 *
 * <p>Which fields a header cut short shows is decided here, once, for every output: the ports need
 * 4 captured bytes, the sequence number 8, the acknowledgement number, data offset and flags 14,
 * the window 16, the checksum 18, the urgent pointer 20. A header inside an ICMP error (usually its
 * first 8 bytes) gives raw numbers, no stream and no analysis, as in tshark.
 */
public final class TcpFields {
    private TcpFields() {
    }

    private static final Proto P = Proto.TCP;

    /** The TCP layer of the packet itself (not a quote), when it holds {@code need} bytes; else -1. */
    static int main(PacketView v, int need) {
        DecodedPacket d = v.packet();
        int i = d.protoOwn(P);
        return i >= 0 && d.layerEnd(i) - d.layerOffset(i) >= need ? i : -1;
    }

    private static boolean quoted(PacketView v, int need, int k) {
        return v.packet().layerQuoted(at(v, P, need, k));
    }

    /** A field only the packet's own TCP layer has: present when that holds {@code need} bytes and {@code when} holds. */
    private interface When {
        boolean test(PacketView v, TcpAnnotation a, ConnectionAnnotation c);
    }

    private static Field.Counter own(int need, When when) {
        return v -> main(v, need) >= 0 && when.test(v, v.tcp(), v.connection()) ? 1 : 0;
    }

    private static Field.Counter analysed(When when) {
        return own(14, (v, a, c) -> c.analysed() && when.test(v, a, c));
    }

    private static SequenceAnalysis.Verdict verdict(PacketView v) {
        return v.connection().verdict();
    }

    private static int flags(PacketView v, int k) {
        return u16(v, P, 12, k) & TcpFlags.MASK;
    }

    private static Field flag(String name, String label, int bit) {
        return field(name, label, Type.BOOLEAN).bits(12).mask(bit).count(header(P, 12, 2))
                .value((v, k) -> (flags(v, k) & bit) != 0 ? 1 : 0).build();
    }

    public static final Field TCP = field("tcp", "Transmission Control Protocol", Type.PROTOCOL).count(header(P, 0, 1))
            .bytes((v, k, out) -> Catalogue.rest(v, at(v, P, 1, k), 0, out))
            .item((v, k) -> Catalogue.words(v, at(v, P, 1, k), 12, 4)).about("a TCP segment, header and payload").build();
    public static final Field SRCPORT = field("tcp.srcport", "Source Port", Type.UINT).bits(16).count(header(P, 0, 4))
            .value((v, k) -> u16(v, P, 0, k)).build();
    public static final Field DSTPORT = field("tcp.dstport", "Destination Port", Type.UINT).bits(16).count(header(P, 0, 4))
            .value((v, k) -> u16(v, P, 2, k)).build();
    /** Source then destination port of each header. */
    public static final Field PORT = field("tcp.port", "Source or Destination Port", Type.UINT).bits(16)
            .count(v -> 2 * count(v, P, 4)).value((v, k) -> u16(v, P, (k & 1) == 0 ? 0 : 2, k / 2)).build();
    public static final Field STREAM = field("tcp.stream", "Stream index", Type.UINT).count(own(16, (v, a, c) -> a.hasStream()))
            .json("stream").value((v, k) -> v.tcp().stream()).about("tshark's number for the connection, from 0").build();
    public static final Field LEN = field("tcp.len", "TCP Segment Len", Type.UINT)
            .count(own(14, (v, a, c) -> v.packet().hasSegmentLength() && a.hasStream()))
            .value((v, k) -> v.packet().payloadLength()).about("payload bytes (from the IP length)").build();
    public static final Field SEQ = field("tcp.seq", "Sequence Number", Type.UINT).count(header(P, 4, 4)).json("seq")
            .value((v, k) -> quoted(v, 8, k) ? u32(v, P, 4, k) : v.tcp().seq())
            .about("relative to the direction's ISN (the SYN is 0); raw in an ICMP quote").build();
    /** Not for a header an ICMP error quotes: tshark shows only its ports and sequence number. */
    public static final Field SEQ_RAW = field("tcp.seq_raw", "Sequence Number (raw)", Type.UINT).count(own(8, (v, a, c) -> true))
            .json("seq_raw").value((v, k) -> u32(v, P, 4, k)).about("as on the wire").build();
    public static final Field NXTSEQ = field("tcp.nxtseq", "Next Sequence Number", Type.UINT)
            .count(own(16, (v, a, c) -> a.relative()))
            .value((v, k) -> {
                // a SYN and a FIN count one sequence number each, and tshark counts one for both at once
                int f = v.packet().tcpFlags();
                long n = v.tcp().seq() + v.packet().payloadLength() + ((f & (TcpFlags.SYN | TcpFlags.FIN)) != 0 ? 1 : 0);
                return n & 0xFFFFFFFFL;
            }).about("seq + len, + 1 for SYN and for FIN: what the receiver's ACK will say").build();
    public static final Field ACK = field("tcp.ack", "Acknowledgment Number", Type.UINT).count(header(P, 8, 6)).json("ack")
            .value((v, k) -> quoted(v, 14, k) ? u32(v, P, 8, k) : v.tcp().ack())
            .about("relative to the peer's ISN: the next byte it expects").build();
    public static final Field ACK_RAW = field("tcp.ack_raw", "Acknowledgment number (raw)", Type.UINT).count(header(P, 8, 6))
            .json("ack_raw").value((v, k) -> u32(v, P, 8, k)).build();
    public static final Field HDR_LEN = field("tcp.hdr_len", "Header Length", Type.UINT).bits(8).mask(0xF0)
            .count(header(P, 12, 2)).json("hdr_len").value((v, k) -> (u8(v, P, 12, k) >>> 4) * 4L).about("bytes").build();
    public static final Field FLAGS = field("tcp.flags", "Flags", Type.UINT).hex(16).mask(TcpFlags.MASK)
            .count(header(P, 12, 2)).json("flags").value(TcpFields::flags).about("the 12 flag bits").build();
    public static final Field FLAGS_RES = field("tcp.flags.res", "Reserved", Type.BOOLEAN).bits(12).mask(TcpFlags.RESERVED)
            .count(header(P, 12, 2)).value((v, k) -> (flags(v, k) & TcpFlags.RESERVED) != 0 ? 1 : 0).build();
    public static final Field FLAGS_AE = flag("tcp.flags.ae", "Accurate ECN", TcpFlags.AE);
    public static final Field FLAGS_CWR = flag("tcp.flags.cwr", "Congestion Window Reduced", TcpFlags.CWR);
    public static final Field FLAGS_ECE = flag("tcp.flags.ece", "ECN-Echo", TcpFlags.ECE);
    public static final Field FLAGS_URG = flag("tcp.flags.urg", "Urgent", TcpFlags.URG);
    public static final Field FLAGS_ACK = flag("tcp.flags.ack", "Acknowledgment", TcpFlags.ACK);
    public static final Field FLAGS_PUSH = flag("tcp.flags.push", "Push", TcpFlags.PSH);
    public static final Field FLAGS_RESET = flag("tcp.flags.reset", "Reset", TcpFlags.RST);
    public static final Field FLAGS_SYN = flag("tcp.flags.syn", "Syn", TcpFlags.SYN);
    public static final Field FLAGS_FIN = flag("tcp.flags.fin", "Fin", TcpFlags.FIN);
    public static final Field FLAGS_STR = field("tcp.flags.str", "TCP Flags", Type.STRING).count(header(P, 12, 2))
            .text((v, k) -> TcpFlags.str(flags(v, k))).about("twelve letters, a dot for each bit clear").build();
    public static final Field WINDOW_VALUE = field("tcp.window_size_value", "Window", Type.UINT).bits(16)
            .count(header(P, 14, 2)).json("win_raw").value((v, k) -> u16(v, P, 14, k)).about("the window field as sent").build();
    public static final Field WINDOW_SIZE = field("tcp.window_size", "Calculated window size", Type.UINT)
            .count(own(16, (v, a, c) -> true)).json("win").value((v, k) -> v.tcp().window())
            .about("the window in bytes, after the scale the SYNs agreed (RFC 7323)").build();
    /** Not for a SYN, whose window is never scaled (RFC 7323 §2.2): tshark shows no factor there. */
    public static final Field WINDOW_SCALEFACTOR = field("tcp.window_size_scalefactor", "Window size scaling factor", Type.INT)
            .count(own(16, (v, a, c) -> a.hasStream() && (v.packet().tcpFlags() & TcpFlags.SYN) == 0))
            .value((v, k) -> v.tcp().windowScale() >= 0 ? 1L << v.tcp().windowScale() : v.tcp().windowScale())
            .about("the multiplier; -1 unknown (no SYN seen), -2 no scaling").build();
    public static final Field CHECKSUM = field("tcp.checksum", "Checksum", Type.UINT).hex(16).count(header(P, 16, 2))
            .value((v, k) -> u16(v, P, 16, k)).about("as on the wire").build();
    /** tshark does not verify TCP checksums by default: 2, unverified (our verdict: tcplab.checksum). */
    public static final Field CHECKSUM_STATUS = field("tcp.checksum.status", "Checksum Status", Type.UINT).bits(8)
            .count(header(P, 16, 2)).value((v, k) -> 2).names(Names::checksumStatus).build();
    public static final Field URGENT_POINTER = field("tcp.urgent_pointer", "Urgent Pointer", Type.UINT).bits(16)
            .count(header(P, 18, 2)).value((v, k) -> u16(v, P, 18, k)).build();
    public static final Field OPTIONS = field("tcp.options", "Options", Type.BYTES)
            .count(v -> {
                int n = 0;
                for (int k = 0, c = count(v, P, 14); k < c; k++) {
                    int i = at(v, P, 14, k);
                    n += TcpOptionReader.optionsTo(v.packet(), i) > TcpOptionReader.optionsFrom(v.packet(), i) ? 1 : 0;
                }
                return n;
            })
            .bytes((v, k, out) -> {
                int i = optionsLayer(v, k);
                DecodedPacket d = v.packet();
                int from = TcpOptionReader.optionsFrom(d, i);
                out.set(d.layerData(i), from, TcpOptionReader.optionsTo(d, i) - from);
            }).about("the options area, as bytes").build();

    private static int optionsLayer(PacketView v, int k) {
        for (int j = 0, c = count(v, P, 14); j < c; j++) {
            int i = at(v, P, 14, j);
            if (TcpOptionReader.optionsTo(v.packet(), i) > TcpOptionReader.optionsFrom(v.packet(), i) && k-- == 0) {
                return i;
            }
        }
        return -1;
    }

    /** An option field of the packet's own header: the {@code k}-th option of {@code kind} with that length. */
    private static Field.Counter option(int kind, int length) {
        return v -> {
            int i = main(v, 14);
            return i < 0 ? 0 : TcpOptionReader.count(v.packet(), i, kind, length);
        };
    }

    private static long optionValue(PacketView v, int kind, int length, int k, int off, int bytes) {
        DecodedPacket d = v.packet();
        int i = main(v, 14);
        int p = TcpOptionReader.find(d, i, kind, length, k);
        byte[] b = d.layerData(i);
        return bytes == 1 ? Bytes.u8(b, p + off) : bytes == 2 ? Bytes.u16be(b, p + off) : Bytes.u32be(b, p + off);
    }

    public static final Field MSS = field("tcp.options.mss_val", "MSS Value", Type.UINT).bits(16).count(option(2, 4))
            .value((v, k) -> optionValue(v, 2, 4, k, 2, 2)).about("the largest segment the sender accepts (RFC 9293 §3.7.1)").build();
    public static final Field WSCALE_SHIFT = field("tcp.options.wscale.shift", "Shift count", Type.UINT).bits(8)
            .count(option(3, 3)).value((v, k) -> optionValue(v, 3, 3, k, 2, 1)).about("window scale shift (RFC 7323 §2)").build();
    public static final Field WSCALE_MULTIPLIER = field("tcp.options.wscale.multiplier", "Multiplier", Type.UINT).bits(16)
            .count(option(3, 3)).value((v, k) -> 1L << Math.min(optionValue(v, 3, 3, k, 2, 1), 14))
            .about("2 to the shift, at most 2^14").build();
    /** As in Wireshark 4.0, the option's two bytes (0402). */
    public static final Field SACK_PERM = field("tcp.options.sack_perm", "TCP Option - SACK permitted", Type.BYTES)
            .count(option(4, 0)).bytes((v, k, out) -> {
                DecodedPacket d = v.packet();
                int i = main(v, 14);
                out.set(d.layerData(i), TcpOptionReader.find(d, i, 4, 0, k), 2);
            }).about("the sender accepts SACK (RFC 2018)").build();
    /**
     * The raw number that SACK edges are relative to, as Wireshark shows them: the peer's base,
     * found from this segment's raw and relative ACK; 0 (edges shown raw) when that is not known.
     */
    public static long sackBase(PacketView v) {
        DecodedPacket d = v.packet();
        TcpAnnotation a = v.tcp();
        return a.relative() && (d.tcpFlags() & TcpFlags.ACK) != 0 ? (d.ack() - a.ack()) & 0xFFFFFFFFL : 0;
    }

    private static long sackEdge(PacketView v, int k, int off) {
        DecodedPacket d = v.packet();
        int i = main(v, 14);
        long raw = Bytes.u32be(d.layerData(i), TcpOptionReader.sackBlock(d, i, k) + off);
        return (raw - sackBase(v)) & 0xFFFFFFFFL;
    }

    private static final Field.Counter SACK_BLOCKS = v -> {
        int i = main(v, 14);
        return i < 0 ? 0 : TcpOptionReader.sackBlocks(v.packet(), i);
    };
    public static final Field SACK_LE = field("tcp.options.sack_le", "TCP SACK Left Edge", Type.UINT).count(SACK_BLOCKS)
            .value((v, k) -> sackEdge(v, k, 0)).about("first byte of a block received beyond the ACK (RFC 2018 §3)").build();
    public static final Field SACK_RE = field("tcp.options.sack_re", "TCP SACK Right Edge", Type.UINT).count(SACK_BLOCKS)
            .value((v, k) -> sackEdge(v, k, 4)).about("the byte after that block").build();
    public static final Field TSVAL = field("tcp.options.timestamp.tsval", "Timestamp value", Type.UINT)
            .count(option(8, 10)).value((v, k) -> optionValue(v, 8, 10, k, 2, 4)).about("the sender's clock (RFC 7323 §3)").build();
    public static final Field TSECR = field("tcp.options.timestamp.tsecr", "Timestamp echo reply", Type.UINT)
            .count(option(8, 10)).value((v, k) -> optionValue(v, 8, 10, k, 6, 4)).about("the peer's clock echoed").build();
    /** Not an RST's data: Wireshark shows that as the reset cause (RFC 9293 §3.5.3), not as payload. */
    public static final Field PAYLOAD = field("tcp.payload", "TCP payload", Type.BYTES)
            .count(own(14, (v, a, c) -> payloadLength(v) > 0 && (v.packet().tcpFlags() & TcpFlags.RST) == 0))
            .bytes((v, k, out) -> {
                DecodedPacket d = v.packet();
                out.set(d.l4Data(), d.l4Offset() + d.tcpHeaderLength(), payloadLength(v));
            }).about("the segment's data as captured").build();

    /** Payload bytes captured (the snap length may have cut some). */
    static int payloadLength(PacketView v) {
        DecodedPacket d = v.packet();
        if (!d.hasSegmentLength()) {
            return 0;
        }
        return Math.max(0, Math.min(d.payloadLength(), d.l4Captured() - d.tcpHeaderLength()));
    }

    public static final Field TIME_RELATIVE = field("tcp.time_relative", "Time since first frame in this TCP stream",
            Type.RELATIVE_TIME).count(own(16, (v, a, c) -> a.hasStream())).value((v, k) -> v.tcp().sinceStreamStart()).build();
    public static final Field TIME_DELTA = field("tcp.time_delta", "Time since previous frame in this TCP stream",
            Type.RELATIVE_TIME).count(own(16, (v, a, c) -> a.hasStream())).value((v, k) -> v.tcp().sinceStreamPrevious()).build();

    /**
     * tshark keeps a record of the analysis of a segment only when there is something to say: a
     * verdict, the frame it acknowledges, or data whose bytes in flight it counted (packet-tcp.c,
     * tcp_print_sequence_number_analysis); the iRTT is shown only under such a record.
     */
    public static final Field ANALYSIS = field("tcp.analysis", "SEQ/ACK analysis", Type.NONE)
            .count(analysed((v, a, c) -> c.verdict().recorded || a.portsReused()))
            .about("the segment has some sequence analysis").build();
    public static final Field ANALYSIS_FLAGS = field("tcp.analysis.flags", "TCP Analysis Flags", Type.NONE)
            .count(analysed((v, a, c) -> c.analysisFlags() != 0 || a.portsReused()))
            .about("the segment has an analysis verdict (retransmission, dup ACK, window...)").build();
    /** One field per verdict: tcp.analysis.retransmission, ... (Wireshark User's Guide, "TCP Analysis"). */
    public static final List<Field> ANALYSIS_FLAG_FIELDS = flagFields();

    private static List<Field> flagFields() {
        List<Field> out = new ArrayList<>();
        for (AnalysisFlag f : AnalysisFlag.values()) {
            out.add(field("tcp.analysis." + f.field(), f.words(), Type.NONE)
                    .count(analysed((v, a, c) -> f.in(c.analysisFlags()))).about(f.definition()).build());
        }
        return List.copyOf(out);
    }

    /** The field of one verdict. */
    public static Field analysisFlag(AnalysisFlag f) {
        return ANALYSIS_FLAG_FIELDS.get(f.ordinal());
    }

    public static final Field REUSED_PORTS = field("tcp.analysis.reused_ports", "A new tcp session is started with the same"
            + " ports as an earlier session in this trace", Type.NONE).count(own(16, (v, a, c) -> a.portsReused()))
            .json("ports_reused").about("a SYN with a new ISN on ports already seen: a new stream").build();
    public static final Field DUP_ACK_NUM = field("tcp.analysis.duplicate_ack_num", "Duplicate ACK #", Type.UINT)
            .count(analysed((v, a, c) -> c.verdict().dupAckNumber > 0)).json("dup_ack_num")
            .value((v, k) -> verdict(v).dupAckNumber).build();
    public static final Field DUP_ACK_FRAME = field("tcp.analysis.duplicate_ack_frame", "Duplicate to the ACK in frame",
            Type.FRAMENUM).count(analysed((v, a, c) -> c.verdict().dupAckNumber > 0)).json("dup_ack_frame")
            .value((v, k) -> verdict(v).dupAckFrame).build();
    public static final Field ACKS_FRAME = field("tcp.analysis.acks_frame", "This is an ACK to the segment in frame",
            Type.FRAMENUM).count(analysed((v, a, c) -> c.verdict().ackedFrame >= 0)).json("acks_frame")
            .value((v, k) -> verdict(v).ackedFrame).about("the frame of the segment this ACK completes").build();
    public static final Field ACK_RTT = field("tcp.analysis.ack_rtt", "The RTT to ACK the segment was", Type.RELATIVE_TIME)
            .count(analysed((v, a, c) -> c.verdict().ackedFrame >= 0 && c.verdict().ackRttNanos != 0)).json("ack_rtt")
            .value((v, k) -> verdict(v).ackRttNanos).about("seconds from that segment to this ACK").build();
    public static final Field BYTES_IN_FLIGHT = field("tcp.analysis.bytes_in_flight", "Bytes in flight", Type.UINT)
            .count(analysed((v, a, c) -> c.verdict().bytesInFlight > 0)).json("bytes_in_flight")
            .value((v, k) -> verdict(v).bytesInFlight).about("data sent and not yet acknowledged").build();
    public static final Field INITIAL_RTT = field("tcp.analysis.initial_rtt", "iRTT", Type.RELATIVE_TIME)
            .count(analysed((v, a, c) -> c.firstRttNanos() > 0 && (c.verdict().recorded || a.portsReused())))
            .value((v, k) -> v.connection().firstRttNanos())
            .about("from the SYN to the ACK of the SYN+ACK").build();

    static final List<Field> ALL = all();

    private static List<Field> all() {
        List<Field> l = new ArrayList<>(List.of(TCP, SRCPORT, DSTPORT, PORT, STREAM, LEN, SEQ, SEQ_RAW, NXTSEQ, ACK, ACK_RAW,
                HDR_LEN, FLAGS, FLAGS_RES, FLAGS_AE, FLAGS_CWR, FLAGS_ECE, FLAGS_URG, FLAGS_ACK, FLAGS_PUSH, FLAGS_RESET,
                FLAGS_SYN, FLAGS_FIN, FLAGS_STR, WINDOW_VALUE, WINDOW_SIZE, WINDOW_SCALEFACTOR, CHECKSUM, CHECKSUM_STATUS,
                URGENT_POINTER, OPTIONS, MSS, WSCALE_SHIFT, WSCALE_MULTIPLIER, SACK_PERM, SACK_LE, SACK_RE, TSVAL, TSECR,
                PAYLOAD, TIME_RELATIVE, TIME_DELTA, ANALYSIS, ANALYSIS_FLAGS));
        l.addAll(ANALYSIS_FLAG_FIELDS);
        l.addAll(List.of(REUSED_PORTS, DUP_ACK_NUM, DUP_ACK_FRAME, ACKS_FRAME, ACK_RTT, BYTES_IN_FLIGHT, INITIAL_RTT));
        return List.copyOf(l);
    }
}
