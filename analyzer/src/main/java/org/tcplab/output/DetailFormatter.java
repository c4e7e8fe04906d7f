package org.tcplab.output;

import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.decode.ChecksumStatus;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Proto;
import org.tcplab.model.Field;
import org.tcplab.model.FrameFields;
import org.tcplab.model.IcmpFields;
import org.tcplab.model.IpFields;
import org.tcplab.model.LinkFields;
import org.tcplab.model.Names;
import org.tcplab.model.PacketView;
import org.tcplab.model.Slice;
import org.tcplab.model.TcpFields;
import org.tcplab.model.TcplabFields;
import org.tcplab.model.UdpFields;
import org.tcplab.tcp.TcpOptions;

/**
 * Packet details, layer by layer as {@code tshark -V} prints them: each protocol under its
 * summary line, each field with its value as on the wire and its meaning, bit fields with their
 * bits ({@code .1.. .... = Don't fragment: Set}), checksums verified ({@code [correct]} or
 * {@code [incorrect, should be 0x…]}), then the analysis: the frame an ACK acknowledges and its RTT,
 * the verdicts, both endpoints' states, the transitions with their causes, the RST cause. With
 * {@code -x} the hex dump follows. Every name and value comes from the catalogue.
 */
public final class DetailFormatter implements PacketFormatter {
    private final boolean hex;
    private final Slice slice = new Slice();
    private ByteSink out;
    private PacketView v;

    public DetailFormatter(boolean hex) {
        this.hex = hex;
    }

    @Override
    public void format(PacketView view, ByteSink sink) {
        this.v = view;
        this.out = sink;
        frame();
        DecodedPacket p = v.packet();
        int[] seen = new int[Proto.values().length];
        boolean quoteStarted = false;
        for (int i = 0; i < p.layerCount(); i++) {
            Proto proto = p.layerProto(i);
            int k = seen[proto.ordinal()]++;
            int depth = p.layerQuoted(i) ? 1 : 0;
            if (p.layerQuoted(i) && !quoteStarted) {
                quoteStarted = true;
            }
            switch (proto) {
                case ETH -> ethernet(k);
                case VLAN -> vlan(k);
                case IEEE8021AD -> {
                    summary(0, Summaries.layer(v, i));
                    field(1, LinkFields.IEEE8021AD_PRIORITY, k);
                    field(1, LinkFields.IEEE8021AD_DEI, k);
                    field(1, LinkFields.IEEE8021AD_ID, k);
                }
                case ARP -> arp(k);
                case IPV4 -> ipv4(k, depth, i);
                case IPV6 -> ipv6(k, depth);
                case TCP -> tcp(k, depth, i);
                case UDP -> udp(k, depth, i);
                case ICMP -> icmp(k, depth, i, false);
                case ICMPV6 -> icmp(k, depth, i, true);
                default -> summary(depth, Summaries.layer(v, i));
            }
        }
        if (TcplabFields.MALFORMED.present(v)) {
            out.put("[Malformed Packet: ").put(TcplabFields.MALFORMED.text(v, 0)).put("]\n");
        }
        if (hex) {
            out.put('\n');
            HexDump.write(v, out);
        }
        // no line end: the caller ends the packet
        if (out.length() > 0 && out.bytes()[out.length() - 1] == '\n') {
            out.setLength(out.length() - 1);
        }
    }

    private void summary(int depth, String text) {
        indent(depth).put(text).put('\n');
    }

    private ByteSink indent(int depth) {
        return out.spaces(4 * depth);
    }

    /** "Label: value" for occurrence k, with the bits of a bit field first. */
    private void field(int depth, Field f, int k) {
        field(depth, f, k, false);
    }

    /**
     * The same; {@code dsNames}: the value is a DS byte (IPv4's DS field, IPv6's traffic class),
     * whose two halves Wireshark names on its line: "0x00 (DSCP: CS0, ECN: Not-ECT)".
     */
    private void field(int depth, Field f, int k, boolean dsNames) {
        if (f.count(v) <= k) {
            return;
        }
        indent(depth);
        if (f.mask() != 0) {
            bits(f, k);
        }
        out.put(f.label()).put(": ");
        value(f, k);
        if (dsNames) {
            long ds = f.longValue(v, k);
            out.put(" (DSCP: ").put(Names.dscpShort(ds >>> 2)).put(", ECN: ").put(Names.ecnShort(ds)).put(')');
        }
        out.put('\n');
    }

    /** Hex digits of a value in -V: as many as its mask spans (Wireshark's hfinfo_hex_digits), else its type's width. */
    private static int hexDigits(Field f) {
        long m = f.mask();
        int bits = m == 0 ? f.bits() : 64 - Long.numberOfLeadingZeros(m) - Long.numberOfTrailingZeros(m);
        return (bits + 3) / 4;
    }

    /** A derived field in brackets, as Wireshark shows what it computed: "[Stream index: 0]". */
    private void derived(int depth, Field f, int k, String suffix) {
        if (f.count(v) <= k) {
            return;
        }
        indent(depth).put('[').put(f.label()).put(": ");
        value(f, k);
        out.put(suffix).put("]\n");
    }

    private void value(Field f, int k) {
        switch (f.type()) {
            case BOOLEAN -> out.put(f.longValue(v, k) != 0 ? "Set" : "Not set");
            case UINT, INT, FRAMENUM -> {
                long x = f.longValue(v, k);
                String name = f.names() == null ? null : f.names().name(x);
                switch (f.base()) {
                    case HEX -> {
                        if (name != null) {
                            out.put(name).put(" (");
                        }
                        out.put("0x").putHex(x, hexDigits(f));
                        if (name != null) {
                            out.put(')');
                        }
                    }
                    case HEX_DEC -> {
                        FieldText.integer(f, x, out);
                        out.put(" (").put(x).put(')');
                    }
                    case DEC_HEX -> out.put(x).put(" (0x").putHex(x, (f.bits() + 3) / 4).put(')');
                    default -> {
                        if (name != null) {
                            out.put(name).put(" (").put(x).put(')');
                        } else {
                            out.put(x);
                        }
                    }
                }
            }
            case RELATIVE_TIME -> {
                FieldText.write(f, v, k, out, slice);
                out.put(" seconds");
            }
            default -> FieldText.write(f, v, k, out, slice);
        }
    }

    /** The field's bits within its header word: '.' for bits outside the mask, as Wireshark draws them. */
    private void bits(Field f, int k) {
        bits(f, f.longValue(v, k));
    }

    /** The bits of {@code raw}, the value as the header holds it (a header length in words, not bytes). */
    private void bits(Field f, long raw) {
        long mask = f.mask();
        int width = f.bits();
        long word = raw << Long.numberOfTrailingZeros(mask);
        for (int b = width - 1; b >= 0; b--) {
            long bit = 1L << b;
            out.put((mask & bit) == 0 ? '.' : (word & bit) != 0 ? '1' : '0');
            if (b % 4 == 0 && b > 0) {
                out.put(' ');
            }
        }
        out.put(" = ");
    }

    private void frame() {
        summary(0, Summaries.of(FrameFields.FRAME, v, 0));
        field(1, FrameFields.TIME, 0);
        indent(1).put(FrameFields.TIME_EPOCH.label()).put(": ");
        value(FrameFields.TIME_EPOCH, 0);
        out.put('\n');
        derived(1, FrameFields.TIME_DELTA, 0, "");
        derived(1, FrameFields.TIME_RELATIVE, 0, "");
        field(1, FrameFields.NUMBER, 0);
        indent(1).put("Frame Length: ").put(v.frame().originalLength()).put(" bytes (").put(v.frame().originalLength() * 8L)
                .put(" bits)\n");
        indent(1).put("Capture Length: ").put(v.frame().capturedLength()).put(" bytes (")
                .put(v.frame().capturedLength() * 8L).put(" bits)\n");
        field(1, FrameFields.INTERFACE_ID, 0);
        if (FrameFields.COMMENT.present(v)) {
            indent(1).put("Comment: ").put(FrameFields.COMMENT.text(v, 0).replace('\n', ' ')).put('\n');
        }
    }

    private void ethernet(int k) {
        int i = v.layer(Proto.ETH, k);
        summary(0, Summaries.layer(v, i));
        field(1, LinkFields.ETH_DST, k);
        field(1, LinkFields.ETH_SRC, k);
        field(1, LinkFields.ETH_TYPE, k);
    }

    private void vlan(int k) {
        summary(0, Summaries.layer(v, v.layer(Proto.VLAN, k)));
        field(1, LinkFields.VLAN_PRIORITY, k);
        field(1, LinkFields.VLAN_DEI, k);
        field(1, LinkFields.VLAN_ID, k);
        field(1, LinkFields.VLAN_ETYPE, k);
    }

    private void arp(int k) {
        summary(0, Summaries.layer(v, v.layer(Proto.ARP, k)));
        field(1, LinkFields.ARP_OPCODE, k);
        field(1, LinkFields.ARP_SRC_HW, k);
        field(1, LinkFields.ARP_SRC_IP, k);
        field(1, LinkFields.ARP_DST_HW, k);
        field(1, LinkFields.ARP_DST_IP, k);
    }

    private void ipv4(int k, int depth, int layer) {
        summary(depth, Summaries.layer(v, layer));
        int d = depth + 1;
        field(d, IpFields.VERSION, k);
        if (IpFields.HDR_LEN.count(v) > k) {
            indent(d);
            long h = IpFields.HDR_LEN.longValue(v, k);
            bits(IpFields.HDR_LEN, h / 4);
            out.put("Header Length: ").put(h).put(" bytes (").put(h / 4).put(")\n");
        }
        field(d, IpFields.DSFIELD, k, true);
        field(d + 1, IpFields.DSCP, k);
        field(d + 1, IpFields.ECN, k);
        field(d, IpFields.LEN, k);
        field(d, IpFields.ID, k);
        if (IpFields.FLAGS.count(v) > k) {
            indent(d);
            bits(IpFields.FLAGS, k);
            long f = IpFields.FLAGS.longValue(v, k);
            out.put("Flags: 0x").putHex(f, 1);
            if ((f & 2) != 0) {
                out.put(", Don't fragment");
            }
            if ((f & 1) != 0) {
                out.put(", More fragments");
            }
            out.put('\n');
        }
        field(d + 1, IpFields.FLAGS_RB, k);
        field(d + 1, IpFields.FLAGS_DF, k);
        field(d + 1, IpFields.FLAGS_MF, k);
        field(d, IpFields.FRAG_OFFSET, k);
        field(d, IpFields.TTL, k);
        field(d, IpFields.PROTO, k);
        if (IpFields.CHECKSUM.count(v) > k) {
            indent(d).put("Header Checksum: 0x").putHex(IpFields.CHECKSUM.longValue(v, k), 4);
            boolean own = !v.packet().layerQuoted(layer) && v.layer(Proto.IPV4, k) == ownIp();
            if (own && TcplabFields.IP_CHECKSUM.present(v)) {
                checksum(TcplabFields.IP_CHECKSUM.text(v, 0), TcplabFields.IP_CHECKSUM_COMPUTED);
            } else {
                out.put(" [unverified]");
            }
            out.put('\n');
        }
        field(d, IpFields.SRC, k);
        field(d, IpFields.DST, k);
        if (layer == ownIp()) {
            if (TcplabFields.FRAGMENT.present(v)) {
                indent(d).put("[Fragment: offset ").put(TcplabFields.FRAGMENT_OFFSET.longValue(v, 0)).put(" bytes, ")
                        .put(TcplabFields.FRAGMENT_MORE.longValue(v, 0) != 0 ? "more follow" : "the last").put("]\n");
            }
            derivedCount(d, TcplabFields.REASSEMBLED_FROM, "[Reassembled from ", " fragments]");
        }
    }

    /** The layer index of the innermost IP header of the packet itself (the one our checksum verdict is about). */
    private int ownIp() {
        DecodedPacket p = v.packet();
        for (int i = p.layerCount() - 1; i >= 0; i--) {
            Proto x = p.layerProto(i);
            if ((x == Proto.IPV4 || x == Proto.IPV6) && !p.layerQuoted(i)) {
                return i;
            }
        }
        return -1;
    }

    private void derivedCount(int depth, Field f, String before, String after) {
        if (f.present(v)) {
            indent(depth).put(before).put(f.longValue(v, 0)).put(after).put('\n');
        }
    }

    private void ipv6(int k, int depth) {
        int layer = v.layer(Proto.IPV6, k);
        summary(depth, Summaries.layer(v, layer));
        int d = depth + 1;
        field(d, IpFields.V6_VERSION, k);
        field(d, IpFields.V6_TCLASS, k, true);
        field(d + 1, IpFields.V6_TCLASS_DSCP, k);
        field(d + 1, IpFields.V6_TCLASS_ECN, k);
        field(d, IpFields.V6_FLOW, k);
        field(d, IpFields.V6_PLEN, k);
        field(d, IpFields.V6_NXT, k);
        field(d, IpFields.V6_HLIM, k);
        field(d, IpFields.V6_SRC, k);
        field(d, IpFields.V6_DST, k);
        if (layer == ownIp()) {
            derivedCount(d, TcplabFields.REASSEMBLED_FROM, "[Reassembled from ", " fragments]");
        }
    }

    /** " [correct]", " [incorrect, should be 0x…]", " [left to NIC offload …]", " [unverified]" from our verdict. */
    private void checksum(String status, Field computed) {
        if (status.equals(ChecksumStatus.GOOD.code())) {
            out.put(" [correct]");
        } else if (status.equals(ChecksumStatus.BAD.code())) {
            out.put(" [incorrect, should be 0x").putHex(computed.present(v) ? computed.longValue(v, 0) : 0, 4).put(']');
        } else if (status.equals(ChecksumStatus.OFFLOAD.code())) {
            out.put(" [left to NIC offload: the field holds only the pseudo-header sum, should be 0x")
                    .putHex(computed.present(v) ? computed.longValue(v, 0) : 0, 4).put(']');
        } else if (status.equals(ChecksumStatus.NONE.code())) {
            out.put(" [none: the sender computed no checksum]");
        } else {
            out.put(" [unverified: not all bytes were captured]");
        }
    }

    private void tcp(int k, int depth, int layer) {
        summary(depth, Summaries.layer(v, layer));
        int d = depth + 1;
        boolean own = !v.packet().layerQuoted(layer);
        field(d, TcpFields.SRCPORT, k);
        field(d, TcpFields.DSTPORT, k);
        if (!own) {
            if (TcpFields.SEQ_RAW.count(v) > k) {
                indent(d).put("Sequence Number (raw): ").put(TcpFields.SEQ_RAW.longValue(v, k)).put('\n');
            }
            return;
        }
        derived(d, TcpFields.STREAM, 0, "");
        derived(d, TcpFields.LEN, 0, "");
        boolean relative = v.tcp().relative();
        if (TcpFields.SEQ.present(v)) {
            indent(d).put("Sequence Number: ").put(TcpFields.SEQ.longValue(v, 0))
                    .put(relative ? "    (relative sequence number)\n" : "\n");
        }
        field(d, TcpFields.SEQ_RAW, 0);
        if (TcpFields.NXTSEQ.present(v)) {
            indent(d).put("[Next Sequence Number: ").put(TcpFields.NXTSEQ.longValue(v, 0))
                    .put("    (relative sequence number)]\n");
        }
        if (TcpFields.ACK.present(v)) {
            indent(d).put("Acknowledgment Number: ").put(TcpFields.ACK.longValue(v, 0))
                    .put(relative && (v.packet().tcpFlags() & org.tcplab.wire.TcpFlags.ACK) != 0 ? "    (relative ack number)\n" : "\n");
        }
        field(d, TcpFields.ACK_RAW, 0);
        if (TcpFields.HDR_LEN.present(v)) {
            indent(d);
            long h = TcpFields.HDR_LEN.longValue(v, 0);
            bits(TcpFields.HDR_LEN, h / 4);
            out.put("Header Length: ").put(h).put(" bytes (").put(h / 4).put(")\n");
        }
        if (TcpFields.FLAGS.present(v)) {
            indent(d).put("Flags: 0x").putHex(TcpFields.FLAGS.longValue(v, 0), 3).put(" (").put(TcplabFields.FLAGS.text(v, 0))
                    .put(")\n");
            for (Field f : new Field[] {TcpFields.FLAGS_RES, TcpFields.FLAGS_AE, TcpFields.FLAGS_CWR, TcpFields.FLAGS_ECE,
                    TcpFields.FLAGS_URG, TcpFields.FLAGS_ACK, TcpFields.FLAGS_PUSH, TcpFields.FLAGS_RESET, TcpFields.FLAGS_SYN,
                    TcpFields.FLAGS_FIN}) {
                field(d + 1, f, 0);
            }
            indent(d + 1).put("[TCP Flags: ").put(TcpFields.FLAGS_STR.text(v, 0)).put("]\n");
        }
        field(d, TcpFields.WINDOW_VALUE, 0);
        derived(d, TcpFields.WINDOW_SIZE, 0, "");
        if (TcpFields.WINDOW_SCALEFACTOR.present(v)) {
            long f = TcpFields.WINDOW_SCALEFACTOR.longValue(v, 0);
            indent(d).put("[Window size scaling factor: ").put(f)
                    .put(f == -1 ? " (unknown: the handshake was not captured)" : f == -2 ? " (no window scaling used)" : "")
                    .put("]\n");
        }
        if (TcpFields.CHECKSUM.present(v)) {
            indent(d).put("Checksum: 0x").putHex(TcpFields.CHECKSUM.longValue(v, 0), 4);
            checksum(TcplabFields.CHECKSUM.text(v, 0), TcplabFields.CHECKSUM_COMPUTED);
            out.put('\n');
        }
        field(d, TcpFields.URGENT_POINTER, 0);
        options(d);
        if (TcpFields.TIME_RELATIVE.present(v)) {
            indent(d).put("[Timestamps]\n");
            derived(d + 1, TcpFields.TIME_RELATIVE, 0, "");
            derived(d + 1, TcpFields.TIME_DELTA, 0, "");
        }
        analysis(d);
        states(d);
        int payload = TcpFields.PAYLOAD.present(v) ? sliceLength(TcpFields.PAYLOAD) : 0;
        if (payload > 0) {
            indent(d).put("TCP payload (").put(payload).put(payload == 1 ? " byte)\n" : " bytes)\n");
        }
    }

    private int sliceLength(Field f) {
        f.bytes(v, 0, slice);
        return slice.length();
    }

    private void options(int d) {
        if (!TcpFields.OPTIONS.present(v)) {
            return;
        }
        TcpFields.OPTIONS.bytes(v, TcpFields.OPTIONS.count(v) - 1, slice);
        indent(d).put("Options: (").put(slice.length()).put(" bytes)\n");
        long base = TcpFields.sackBase(v);
        int depth = d + 1;
        TcpOptions.walk(slice.data(), slice.offset(), slice.offset() + slice.length(), new TcpOptions.Visitor() {
            @Override
            public void mss(int mss) {
                indent(depth).put("Maximum segment size: ").put(mss).put(" bytes\n");
            }

            @Override
            public void windowScale(int shift) {
                indent(depth).put("Window scale: ").put(shift).put(" (multiply by ").put(1L << Math.min(shift, 14)).put(")\n");
            }

            @Override
            public void sackPermitted() {
                indent(depth).put("SACK permitted\n");
            }

            @Override
            public void sackBlock(long left, long right) {
                indent(depth).put("SACK: ").put((left - base) & 0xFFFFFFFFL).put('-').put((right - base) & 0xFFFFFFFFL)
                        .put("    (received beyond the ACK, RFC 2018)\n");
            }

            @Override
            public void timestamps(long value, long echo) {
                indent(depth).put("Timestamps: TSval ").put(value).put(", TSecr ").put(echo).put('\n');
            }

            @Override
            public void unknown(int kind, int length) {
                indent(depth).put("Option kind ").put(kind).put(", length ").put(length).put('\n');
            }

            @Override
            public void malformed(int kind, int length) {
                indent(depth).put("[Malformed option: kind ").put(kind).put(", length ").put(length).put("]\n");
            }
        });
    }

    private void analysis(int d) {
        if (!TcpFields.ANALYSIS.present(v)) {
            return;
        }
        indent(d).put("[SEQ/ACK analysis]\n");
        int a = d + 1;
        derived(a, TcpFields.ACKS_FRAME, 0, "");
        derived(a, TcpFields.ACK_RTT, 0, "");
        derived(a, TcpFields.INITIAL_RTT, 0, "");
        derived(a, TcpFields.BYTES_IN_FLIGHT, 0, "");
        if (TcpFields.ANALYSIS_FLAGS.present(v)) {
            indent(a).put("[TCP Analysis Flags]\n");
            int flags = v.connection().analysisFlags();
            for (AnalysisFlag f : AnalysisFlag.values()) {
                if (f.in(flags)) {
                    indent(a + 1).put('[').put(f.words());
                    if (f == AnalysisFlag.DUPLICATE_ACK) {
                        out.put(" #").put(TcpFields.DUP_ACK_NUM.longValue(v, 0)).put(" of the ACK in frame ")
                                .put(TcpFields.DUP_ACK_FRAME.longValue(v, 0));
                    }
                    out.put(": ").put(f.definition()).put("]\n");
                }
            }
            if (TcpFields.REUSED_PORTS.present(v)) {
                indent(a + 1).put('[').put(TcpFields.REUSED_PORTS.label()).put("]\n");
            }
        }
    }

    private void states(int d) {
        if (!TcplabFields.ANALYSED_FIELD.present(v)) {
            return;
        }
        indent(d).put("[Connection (tcplab)]\n");
        int a = d + 1;
        indent(a).put("[Sent by: the ").put(TcplabFields.FROM.text(v, 0)).put("]\n");
        indent(a).put("[Client state after it: ").put(TcplabFields.CLIENT_STATE.text(v, 0)).put("]\n");
        indent(a).put("[Server state after it: ").put(TcplabFields.SERVER_STATE.text(v, 0)).put("]\n");
        for (int k = 0, n = TcplabFields.TRANSITION.count(v); k < n; k++) {
            indent(a).put("[State change: ").put(TcplabFields.TRANSITION.text(v, k)).put(": ")
                    .put(TcplabFields.TRANSITION_CAUSE.text(v, k)).put("]\n");
        }
        if (TcplabFields.RST_CAUSE.present(v)) {
            indent(a).put("[RST cause: ").put(TcplabFields.RST_CAUSE.text(v, 0).replace('_', ' ')).put(": ")
                    .put(TcplabFields.RST_EVIDENCE.text(v, 0)).put("]\n");
        }
    }

    private void udp(int k, int depth, int layer) {
        summary(depth, Summaries.layer(v, layer));
        int d = depth + 1;
        boolean own = !v.packet().layerQuoted(layer) && layer == innermost(Proto.UDP);
        field(d, UdpFields.SRCPORT, k);
        field(d, UdpFields.DSTPORT, k);
        field(d, UdpFields.LENGTH, k);
        if (UdpFields.CHECKSUM.count(v) > k) {
            indent(d).put("Checksum: 0x").putHex(UdpFields.CHECKSUM.longValue(v, k), 4);
            if (own) {
                checksum(TcplabFields.CHECKSUM.text(v, 0), TcplabFields.CHECKSUM_COMPUTED);
            } else {
                out.put(" [unverified]");
            }
            out.put('\n');
        }
        int s = v.udp().streamOfLayer(layer);
        if (s >= 0) {
            indent(d).put("[Stream index: ").put(s).put("]\n");
        }
        if (own && TcplabFields.PAYLOAD.present(v)) {
            indent(d).put("UDP payload (").put(sliceLength(TcplabFields.PAYLOAD)).put(" bytes)\n");
        }
    }

    private int innermost(Proto p) {
        DecodedPacket d = v.packet();
        for (int i = d.layerCount() - 1; i >= 0; i--) {
            if (d.layerProto(i) == p && !d.layerQuoted(i)) {
                return i;
            }
        }
        return -1;
    }

    private void icmp(int k, int depth, int layer, boolean v6) {
        summary(depth, Summaries.layer(v, layer));
        int d = depth + 1;
        Field type = v6 ? IcmpFields.V6_TYPE : IcmpFields.TYPE;
        if (type.count(v) > k) {
            long t = type.longValue(v, k);
            indent(d).put("Type: ").put(t).put(" (").put(type.names().name(t)).put(")\n");
        }
        Field code = v6 ? IcmpFields.V6_CODE : IcmpFields.CODE;
        if (code.count(v) > k) {
            long c = code.longValue(v, k);
            String meaning = org.tcplab.decode.IcmpNames.code(v6, (int) type.longValue(v, k), (int) c);
            indent(d).put("Code: ").put(c).put(meaning == null ? "" : " (" + meaning + ")").put('\n');
        }
        Field sum = v6 ? IcmpFields.V6_CHECKSUM : IcmpFields.CHECKSUM;
        if (sum.count(v) > k) {
            indent(d).put("Checksum: 0x").putHex(sum.longValue(v, k), 4);
            if (!v.packet().layerQuoted(layer)) {
                checksum(TcplabFields.CHECKSUM.text(v, 0), TcplabFields.CHECKSUM_COMPUTED);
            } else {
                out.put(" [unverified: a quote is cut short]");
            }
            out.put('\n');
        }
        if (!v6 && IcmpFields.hasIdentifier(false, (int) type.longValue(v, k)) && v.layerCaptured(layer) >= 8) {
            int i = identified(layer);
            field(d, IcmpFields.IDENT, i);
            field(d, IcmpFields.IDENT_LE, i);
            field(d, IcmpFields.SEQ, i);
            field(d, IcmpFields.SEQ_LE, i);
        } else if (v6 && IcmpFields.hasIdentifier(true, (int) type.longValue(v, k)) && v.layerCaptured(layer) >= 8) {
            int i = identified(layer);
            field(d, IcmpFields.V6_ECHO_ID, i);
            field(d, IcmpFields.V6_ECHO_SEQ, i);
        }
        Field respTo = v6 ? IcmpFields.V6_RESP_TO : IcmpFields.RESP_TO;
        if (!v.packet().layerQuoted(layer) && respTo.present(v)) {
            // the matched request, as tshark shows it on the reply; the time rounded to microseconds, as it does
            derived(d, respTo, 0, "");
            indent(d).put("[Response time: ")
                    .put(String.format(java.util.Locale.ROOT, "%.3f", v.icmp().responseNanos() / 1e6)).put(" ms]\n");
        }
    }

    /** Which occurrence of the identifier fields layer {@code layer} is: the ICMP layers with identifiers before it. */
    private int identified(int layer) {
        DecodedPacket p = v.packet();
        int n = 0;
        for (int i = 0; i < layer; i++) {
            Proto x = p.layerProto(i);
            if ((x == Proto.ICMP || x == Proto.ICMPV6) && p.layerEnd(i) - p.layerOffset(i) >= 8
                    && IcmpFields.hasIdentifier(x == Proto.ICMPV6, p.layerData(i)[p.layerOffset(i)] & 0xff)) {
                n++;
            }
        }
        return n;
    }
}
