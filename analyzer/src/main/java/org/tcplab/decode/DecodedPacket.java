package org.tcplab.decode;

/**
 * A zero-copy view of one decoded packet: offsets into the frame's bytes (or into the reassembly
 * buffer for a reassembled datagram) and the header fields the analysis needs, as primitives.
 *
 * <p>Unlike the immutable records elsewhere, this view is filled in place and reused for every
 * packet so that decoding a capture allocates nothing per packet (see the benchmark in the
 * README). It is valid until the next {@link PacketDecoder#decode}. Decoding never throws: a
 * packet it cannot finish is {@link #malformation() marked} and keeps what was decoded.
 */
public final class DecodedPacket {
    /** Bits of {@link #tunnels()}. */
    public static final int TUNNEL_VLAN = 1;
    public static final int TUNNEL_PPPOE = 2;
    public static final int TUNNEL_L2TP = 4;
    public static final int TUNNEL_IP_IN_IP = 8;
    public static final int TUNNEL_GRE = 16;

    /** The most layers a packet lists: a link header, 8 VLAN tags, tunnels, and an ICMP error's quote. */
    public static final int MAX_LAYERS = 24;

    Layer layer;
    Malformation malformation;
    int malformationA;
    int malformationB;
    int tunnels;
    int vlanCount;
    int firstVlanId;
    int etherType;

    // innermost IP header
    int ipVersion;
    byte[] ipData;
    int ipOffset;
    int ipHeaderLength;
    int ipTotalLength;
    long srcHi;
    long srcLo;
    long dstHi;
    long dstLo;
    int ttl;
    int ipId;
    int ipProtocol;
    boolean dontFragment;
    boolean fragment;
    boolean moreFragments;
    int fragmentOffset;
    boolean reassembled;
    int fragmentCount;

    // outer UDP flow when UDP carried a tunnel (L2TP): tshark counts that conversation too
    boolean hasOuterUdp;
    int outerIpVersion;
    long outerSrcHi;
    long outerSrcLo;
    long outerDstHi;
    long outerDstLo;
    int outerSport;
    int outerDport;

    // transport
    byte[] l4Data;
    int l4Offset;
    int l4Captured;
    int l4Reported;
    int sport = -1;
    int dport = -1;

    // TCP
    int tcpFieldsCaptured;
    long seq;
    long ack;
    int tcpFlags;
    int window;
    int tcpHeaderLength;
    int urgentPointer;
    int tcpChecksum;
    boolean hasSegmentLength;
    int payloadLength;

    // UDP
    int udpLength;
    int udpChecksum;

    // ICMP / ICMPv6
    int icmpType = -1;
    int icmpCode = -1;
    int icmpId = -1;
    int icmpSeq = -1;
    int icmpChecksum;
    int quotedIpVersion;
    long quotedSrcHi;
    long quotedSrcLo;
    long quotedDstHi;
    long quotedDstLo;
    int quotedProtocol = -1;
    int quotedSport = -1;
    int quotedDport = -1;
    long quotedSeq = -1;

    // every protocol header met, in order (the fields of the catalogue read them from the bytes)
    int layerCount;
    final Proto[] layerProto = new Proto[MAX_LAYERS];
    final byte[][] layerData = new byte[MAX_LAYERS][];
    final int[] layerOffset = new int[MAX_LAYERS];
    final int[] layerEnd = new int[MAX_LAYERS];
    final boolean[] layerQuoted = new boolean[MAX_LAYERS];
    private static final int PROTOS = Proto.values().length;
    /**
     * Per protocol: how many layers, the first one, and the last one not in an ICMP quote (-1: none).
     * Built on the first question after a decode, so that passes which never ask pay nothing.
     */
    private final int[] protoCount = new int[PROTOS];
    private final int[] protoFirst = new int[PROTOS];
    private final int[] protoOwn = new int[PROTOS];
    private boolean indexed;

    {
        java.util.Arrays.fill(protoOwn, -1);
    }

    private void index() {
        for (int i = 0; i < layerCount; i++) {
            int o = layerProto[i].ordinal();
            if (protoCount[o]++ == 0) {
                protoFirst[o] = i;
            }
            if (!layerQuoted[i]) {
                protoOwn[o] = i;
            }
        }
        indexed = true;
    }

    /** Adds a layer starting at {@code off} whose captured bytes end at {@code end}; its index, or -1 when full. */
    int push(Proto proto, byte[] b, int off, int end, boolean quoted) {
        if (layerCount == MAX_LAYERS) {
            return -1;
        }
        if (indexed) {
            unindex();
        }
        int i = layerCount++;
        layerProto[i] = proto;
        layerData[i] = b;
        layerOffset[i] = off;
        layerEnd[i] = Math.max(off, end);
        layerQuoted[i] = quoted;
        return i;
    }

    void end(int layer, int end) {
        if (layer >= 0) {
            layerEnd[layer] = Math.max(layerOffset[layer], end);
        }
    }

    private void unindex() {
        for (int i = 0; i < layerCount; i++) {
            int o = layerProto[i].ordinal();
            protoCount[o] = 0;
            protoOwn[o] = -1;
        }
        indexed = false;
    }

    void reset() {
        if (indexed) {
            unindex();
        }
        layerCount = 0;
        layer = Layer.NONE;
        malformation = null;
        malformationA = 0;
        malformationB = 0;
        tunnels = 0;
        vlanCount = 0;
        firstVlanId = -1;
        etherType = -1;
        ipVersion = 0;
        ipData = null;
        ipOffset = 0;
        ipHeaderLength = 0;
        ipTotalLength = 0;
        srcHi = srcLo = dstHi = dstLo = 0;
        ttl = -1;
        ipId = -1;
        ipProtocol = -1;
        dontFragment = false;
        fragment = false;
        moreFragments = false;
        fragmentOffset = 0;
        reassembled = false;
        fragmentCount = 0;
        hasOuterUdp = false;
        l4Data = null;
        l4Offset = 0;
        l4Captured = 0;
        l4Reported = 0;
        sport = -1;
        dport = -1;
        tcpFieldsCaptured = 0;
        seq = 0;
        ack = 0;
        tcpFlags = 0;
        window = 0;
        tcpHeaderLength = 0;
        urgentPointer = 0;
        tcpChecksum = 0;
        hasSegmentLength = false;
        payloadLength = 0;
        udpLength = 0;
        udpChecksum = 0;
        icmpType = -1;
        icmpCode = -1;
        icmpId = -1;
        icmpSeq = -1;
        icmpChecksum = 0;
        quotedIpVersion = 0;
        quotedProtocol = -1;
        quotedSport = -1;
        quotedDport = -1;
        quotedSeq = -1;
    }

    void malformed(Malformation m, int a, int b) {
        if (malformation == null) {
            malformation = m;
            malformationA = a;
            malformationB = b;
        }
    }

    public Layer layer() { return layer; }
    public boolean isMalformed() { return malformation != null; }
    public Malformation malformation() { return malformation; }
    /** The reason in words, or null; allocates, so call it only for output. */
    public String malformationText() { return malformation == null ? null : malformation.describe(malformationA, malformationB); }
    public int tunnels() { return tunnels; }
    public int vlanCount() { return vlanCount; }
    public int firstVlanId() { return firstVlanId; }
    public int etherType() { return etherType; }

    public int ipVersion() { return ipVersion; }
    public byte[] ipData() { return ipData; }
    public int ipOffset() { return ipOffset; }
    public int ipHeaderLength() { return ipHeaderLength; }
    public int ipTotalLength() { return ipTotalLength; }
    /** Upper 64 bits of the source address (IPv6); 0 for IPv4. */
    public long srcHi() { return srcHi; }
    /** Lower 64 bits of the source address (IPv6), or the IPv4 address as an unsigned 32-bit value. */
    public long srcLo() { return srcLo; }
    public long dstHi() { return dstHi; }
    public long dstLo() { return dstLo; }
    public int ttl() { return ttl; }
    public int ipId() { return ipId; }
    public int ipProtocol() { return ipProtocol; }
    public boolean dontFragment() { return dontFragment; }
    /** A fragment that has not (yet) been reassembled into a whole datagram. */
    public boolean isFragment() { return fragment; }
    public boolean moreFragments() { return moreFragments; }
    public int fragmentOffset() { return fragmentOffset; }
    /** The transport header and payload come from a datagram reassembled at this frame. */
    public boolean isReassembled() { return reassembled; }
    public int fragmentCount() { return fragmentCount; }

    public boolean hasOuterUdp() { return hasOuterUdp; }
    public int outerIpVersion() { return outerIpVersion; }
    public long outerSrcHi() { return outerSrcHi; }
    public long outerSrcLo() { return outerSrcLo; }
    public long outerDstHi() { return outerDstHi; }
    public long outerDstLo() { return outerDstLo; }
    public int outerSport() { return outerSport; }
    public int outerDport() { return outerDport; }

    public byte[] l4Data() { return l4Data; }
    public int l4Offset() { return l4Offset; }
    /** Transport bytes present in the capture. */
    public int l4Captured() { return l4Captured; }
    /** Transport bytes the IP header says there are. */
    public int l4Reported() { return l4Reported; }
    public int sport() { return sport; }
    public int dport() { return dport; }

    /** How many bytes of the fixed TCP header were captured (0 to 20). */
    public int tcpFieldsCaptured() { return tcpFieldsCaptured; }
    public long seq() { return seq; }
    public long ack() { return ack; }
    /** The 12 flag bits of the TCP header (RFC 9293 §3.1, RFC 3168, RFC 9768's AE). */
    public int tcpFlags() { return tcpFlags; }
    public int window() { return window; }
    public int tcpHeaderLength() { return tcpHeaderLength; }
    public int urgentPointer() { return urgentPointer; }
    public int tcpChecksum() { return tcpChecksum; }
    /** True when the segment length is known: a whole header, not a fragment or an ICMP quote. */
    public boolean hasSegmentLength() { return hasSegmentLength; }
    public int payloadLength() { return payloadLength; }

    public int udpLength() { return udpLength; }
    public int udpChecksum() { return udpChecksum; }

    public int icmpType() { return icmpType; }
    public int icmpCode() { return icmpCode; }
    public int icmpId() { return icmpId; }
    public int icmpSeq() { return icmpSeq; }
    public int icmpChecksum() { return icmpChecksum; }
    public int quotedIpVersion() { return quotedIpVersion; }
    public long quotedSrcHi() { return quotedSrcHi; }
    public long quotedSrcLo() { return quotedSrcLo; }
    public long quotedDstHi() { return quotedDstHi; }
    public long quotedDstLo() { return quotedDstLo; }
    public int quotedProtocol() { return quotedProtocol; }
    public int quotedSport() { return quotedSport; }
    public int quotedDport() { return quotedDport; }
    /** The quoted TCP sequence number, or -1 when the quote is too short to hold it. */
    public long quotedSeq() { return quotedSeq; }

    /** How many layers of protocol {@code p} the packet has, quotes included. */
    public int protoCount(Proto p) {
        if (!indexed) {
            index();
        }
        return protoCount[p.ordinal()];
    }
    /** The index of the first layer of {@code p} (valid when {@link #protoCount} is not 0). */
    public int protoFirst(Proto p) {
        if (!indexed) {
            index();
        }
        return protoFirst[p.ordinal()];
    }
    /** The index of the innermost layer of {@code p} that is the packet's own (not in an ICMP quote), or -1. */
    public int protoOwn(Proto p) {
        return protoCount(p) == 0 ? -1 : protoOwn[p.ordinal()];
    }

    /** How many protocol headers the decoder met (see {@link #layerProto}). */
    public int layerCount() { return layerCount; }
    /** The protocol of layer {@code i}, outermost first. */
    public Proto layerProto(int i) { return layerProto[i]; }
    /** The bytes layer {@code i} lives in: the frame, or the buffer of a reassembled datagram. */
    public byte[] layerData(int i) { return layerData[i]; }
    /** Where layer {@code i}'s header starts in {@link #layerData}. */
    public int layerOffset(int i) { return layerOffset[i]; }
    /** Where layer {@code i}'s captured bytes end (its header, payload and what it carries). */
    public int layerEnd(int i) { return layerEnd[i]; }
    /** Layer {@code i} is part of the datagram an ICMP error quotes, not of the packet itself. */
    public boolean layerQuoted(int i) { return layerQuoted[i]; }

    public boolean isTcp() { return layer == Layer.TCP; }
    public boolean isUdp() { return layer == Layer.UDP; }
}
