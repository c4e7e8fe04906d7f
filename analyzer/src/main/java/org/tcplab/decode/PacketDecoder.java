package org.tcplab.decode;

import static org.tcplab.decode.Malformation.*;

import org.tcplab.capture.Frame;
import org.tcplab.capture.LinkTypes;
import org.tcplab.wire.Bytes;

/**
 * Decodes a frame's link, network and transport headers in place into a {@link DecodedPacket}.
 * Never throws on packet bytes: every read is bounded by what was captured, and a packet that
 * ends early or contradicts itself is marked with a {@link Malformation}.
 *
 * <p>Lengths follow tshark's split between captured bytes (what the file holds) and reported
 * bytes (what the headers say): the TCP segment length comes from the IP length even when the
 * capture was cut by the snap length.
 */
public final class PacketDecoder {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int ETHERTYPE_QINQ = 0x88A8;
    static final int ETHERTYPE_QINQ_OLD = 0x9100;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
    static final int ETHERTYPE_PPP = 0x880B;
    static final int MAX_VLAN_TAGS = 8;
    static final int MAX_TUNNEL_DEPTH = 4;
    static final int L2TP_PORT = 1701;

    private final IpDefragmenter defragmenter = new IpDefragmenter();
    private final boolean defragment;
    private int tunnelDepth;

    public PacketDecoder() {
        this(true);
    }

    /** @param defragment reassemble IP fragments (tshark's default) */
    public PacketDecoder(boolean defragment) {
        this.defragment = defragment;
    }

    public void decode(Frame frame, DecodedPacket out) {
        decode(frame.data(), frame.offset(), frame.capturedLength(), frame.originalLength(), frame.linkType(), out);
    }

    public void decode(byte[] b, int off, int capturedLength, int originalLength, int linkType, DecodedPacket out) {
        out.reset();
        tunnelDepth = 0;
        int capEnd = off + capturedLength;
        int reported = Math.max(originalLength, capturedLength);
        out.layer = Layer.LINK;
        switch (linkType) {
            case LinkTypes.ETHERNET -> ethernet(b, off, capEnd, reported, out);
            case LinkTypes.LINUX_SLL -> {
                if (capturedLength < 16) {
                    out.malformed(LINK_HEADER_CUT, capturedLength, 16);
                    return;
                }
                out.push(Proto.SLL, b, off, off + 16, false);
                etherType(Bytes.u16be(b, off + 14), b, off + 16, capEnd, reported - 16, out);
            }
            case LinkTypes.LINUX_SLL2 -> {
                if (capturedLength < 20) {
                    out.malformed(LINK_HEADER_CUT, capturedLength, 20);
                    return;
                }
                out.push(Proto.SLL2, b, off, off + 20, false);
                etherType(Bytes.u16be(b, off), b, off + 20, capEnd, reported - 20, out);
            }
            case LinkTypes.RAW, LinkTypes.RAW_BSD_12, LinkTypes.RAW_BSD_14 -> rawIp(b, off, capEnd, reported, out);
            case LinkTypes.IPV4 -> ipv4(b, off, capEnd, reported, out);
            case LinkTypes.IPV6 -> ipv6(b, off, capEnd, reported, out);
            case LinkTypes.NULL, LinkTypes.LOOP -> {
                if (capturedLength < 4) {
                    out.malformed(LINK_HEADER_CUT, capturedLength, 4);
                    return;
                }
                out.push(Proto.NULL, b, off, off + 4, false);
                // The address family is in the writer's byte order for NULL, network order for LOOP.
                int family = Bytes.i32be(b, off);
                if (linkType == LinkTypes.NULL && (family & 0xFFFF) == 0) {
                    family = Integer.reverseBytes(family);
                }
                switch (family) {
                    case 2 -> ipv4(b, off + 4, capEnd, reported - 4, out);
                    case 10, 24, 28, 30 -> ipv6(b, off + 4, capEnd, reported - 4, out); // Linux, NetBSD/OpenBSD, FreeBSD, macOS
                    default -> {
                        // Some systems write other values here (IRIX puts the family in 16 bits); like
                        // Wireshark, fall back to the IP version nibble.
                        if (capturedLength > 4) {
                            rawIp(b, off + 4, capEnd, reported - 4, out);
                        }
                    }
                }
            }
            case LinkTypes.PCAPNG_CUSTOM_BLOCK -> out.layer = Layer.NONE;
            default -> out.malformed(UNSUPPORTED_LINK_TYPE, linkType, 0);
        }
    }

    private void ethernet(byte[] b, int off, int capEnd, int reported, DecodedPacket out) {
        int cap = capEnd - off;
        if (cap < 14) {
            out.malformed(LINK_HEADER_CUT, cap, 14);
            return;
        }
        out.layer = Layer.ETHERNET;
        out.push(Proto.ETH, b, off, off + 14, false);
        etherType(Bytes.u16be(b, off + 12), b, off + 14, capEnd, reported - 14, out);
    }

    private void etherType(int type, byte[] b, int off, int capEnd, int reported, DecodedPacket out) {
        for (int tags = 0; ; tags++) {
            if (type != ETHERTYPE_VLAN && type != ETHERTYPE_QINQ && type != ETHERTYPE_QINQ_OLD) {
                break;
            }
            if (tags == MAX_VLAN_TAGS) {
                out.malformed(VLAN_TOO_DEEP, MAX_VLAN_TAGS, 0);
                return;
            }
            if (capEnd - off < 4) {
                out.malformed(LINK_HEADER_CUT, capEnd - off, 4);
                return;
            }
            // IEEE 802.1Q: 16-bit TCI (PCP, DEI, 12-bit VLAN id), then the next EtherType.
            // an 802.1ad service tag is Wireshark's ieee8021ad, an 802.1Q (or pre-standard 0x9100) tag its vlan
            out.push(type == ETHERTYPE_QINQ ? Proto.IEEE8021AD : Proto.VLAN, b, off, off + 4, false);
            if (out.vlanCount == 0) {
                out.firstVlanId = Bytes.u16be(b, off) & 0x0FFF;
            }
            out.vlanCount++;
            out.tunnels |= DecodedPacket.TUNNEL_VLAN;
            type = Bytes.u16be(b, off + 2);
            off += 4;
            reported -= 4;
        }
        out.etherType = type;
        switch (type) {
            case ETHERTYPE_IPV4 -> ipv4(b, off, capEnd, reported, out);
            case ETHERTYPE_IPV6 -> ipv6(b, off, capEnd, reported, out);
            case ETHERTYPE_ARP -> {
                out.layer = Layer.ARP;
                out.push(Proto.ARP, b, off, capEnd, false);
            }
            case ETHERTYPE_PPPOE_SESSION -> {
                // RFC 2516 §4: version/type, code, session id, length; then the PPP protocol field.
                if (capEnd - off < 8) {
                    out.malformed(PPPOE_CUT, capEnd - off, 8);
                    return;
                }
                out.tunnels |= DecodedPacket.TUNNEL_PPPOE;
                out.push(Proto.PPPOE, b, off, off + 6, false);
                int pppoeLength = Bytes.u16be(b, off + 4);
                int innerReported = Math.min(reported - 6, pppoeLength);
                ppp(b, off + 6, Math.min(capEnd, off + 6 + Math.max(innerReported, 0)), innerReported, out);
            }
            default -> { }
        }
    }

    /** PPP (RFC 1661 §2) with optional address/control bytes and protocol field compression. */
    private void ppp(byte[] b, int off, int capEnd, int reported, DecodedPacket out) {
        int start = off;
        if (capEnd - off >= 2 && (b[off] & 0xff) == 0xFF && (b[off + 1] & 0xff) == 0x03) {
            off += 2;
            reported -= 2;
        }
        if (capEnd - off < 1) {
            return;
        }
        int proto;
        if ((b[off] & 1) == 1) {
            proto = b[off] & 0xff;
            off += 1;
            reported -= 1;
        } else {
            if (capEnd - off < 2) {
                return;
            }
            proto = Bytes.u16be(b, off);
            off += 2;
            reported -= 2;
        }
        out.push(Proto.PPP, b, start, off, false);
        switch (proto) {
            case 0x0021 -> ipv4(b, off, capEnd, reported, out);
            case 0x0057 -> ipv6(b, off, capEnd, reported, out);
            default -> { }
        }
    }

    private void rawIp(byte[] b, int off, int capEnd, int reported, DecodedPacket out) {
        if (capEnd - off < 1) {
            out.malformed(IPV4_HEADER_CUT, 0, 20);
            return;
        }
        int version = (b[off] & 0xff) >>> 4;
        if (version == 6) {
            ipv6(b, off, capEnd, reported, out);
        } else {
            ipv4(b, off, capEnd, reported, out);
        }
    }

    private void ipv4(byte[] b, int off, int capEnd, int reported, DecodedPacket out) {
        int cap = capEnd - off;
        out.layer = Layer.IPV4;
        out.ipVersion = 4;
        out.ipData = b;
        out.ipOffset = off;
        int layer = out.push(Proto.IPV4, b, off, capEnd, false);
        if (cap < 20) {
            out.malformed(IPV4_HEADER_CUT, Math.max(cap, 0), 20);
            return;
        }
        int vihl = b[off] & 0xff;
        if ((vihl >>> 4) != 4) {
            out.malformed(IP_VERSION_MISMATCH, vihl >>> 4, 4);
            return;
        }
        int ihl = (vihl & 0x0F) * 4;
        out.ipHeaderLength = ihl;
        out.srcHi = 0;
        out.srcLo = Bytes.u32be(b, off + 12);
        out.dstHi = 0;
        out.dstLo = Bytes.u32be(b, off + 16);
        out.ttl = b[off + 8] & 0xff;
        out.ipId = Bytes.u16be(b, off + 4);
        out.ipProtocol = b[off + 9] & 0xff;
        if (ihl < 20) {
            out.malformed(IPV4_BAD_HEADER_LENGTH, ihl, 0);
            return;
        }
        int total = Bytes.u16be(b, off + 2);
        if (total == 0) {
            // A zero total length is what TCP segmentation offload leaves in captures: trust the frame.
            total = reported;
        } else if (total < ihl) {
            out.malformed(IPV4_TOTAL_LENGTH_TOO_SHORT, total, ihl);
            return;
        } else if (total > reported) {
            out.malformed(IPV4_TOTAL_LENGTH_TOO_LONG, total, reported);
            total = reported;
        }
        out.ipTotalLength = total;
        out.end(layer, Math.min(capEnd, off + total));
        if (cap < ihl) {
            out.malformed(IPV4_HEADER_CUT, cap, ihl);
            return;
        }
        int flagsOffset = Bytes.u16be(b, off + 6);
        out.dontFragment = (flagsOffset & 0x4000) != 0;
        boolean more = (flagsOffset & 0x2000) != 0;
        int fragOffset = (flagsOffset & 0x1FFF) * 8;
        int payloadCapEnd = Math.min(capEnd, off + total);
        int payloadReported = total - ihl;
        if (more || fragOffset != 0) {
            out.fragment = true;
            out.moreFragments = more;
            out.fragmentOffset = fragOffset;
            int len = payloadCapEnd - (off + ihl);
            // Only whole fragments can be reassembled (tshark checks the same: tvb_bytes_exist).
            if (defragment && len == payloadReported && len > 0
                    && defragmenter.add(4, 0, out.srcLo, 0, out.dstLo, out.ipId, out.ipProtocol, fragOffset, more, b, off + ihl, len)) {
                out.fragment = false;
                out.reassembled = true;
                out.fragmentCount = defragmenter.reassembledFragments;
                transport(out.ipProtocol, defragmenter.reassembled, 0, defragmenter.reassembledLength,
                        defragmenter.reassembledLength, out);
            }
            return;
        }
        transport(out.ipProtocol, b, off + ihl, payloadCapEnd, payloadReported, out);
    }

    private void ipv6(byte[] b, int off, int capEnd, int reported, DecodedPacket out) {
        int cap = capEnd - off;
        out.layer = Layer.IPV6;
        out.ipVersion = 6;
        out.ipData = b;
        out.ipOffset = off;
        out.ipHeaderLength = 40;
        int layer = out.push(Proto.IPV6, b, off, capEnd, false);
        if (cap < 40) {
            out.malformed(IPV6_HEADER_CUT, Math.max(cap, 0), 40);
            return;
        }
        int version = (b[off] & 0xff) >>> 4;
        if (version != 6) {
            out.malformed(IP_VERSION_MISMATCH, version, 6);
            return;
        }
        int payload = Bytes.u16be(b, off + 4);
        int next = b[off + 6] & 0xff;
        out.ttl = b[off + 7] & 0xff;
        out.srcHi = Bytes.i64be(b, off + 8);
        out.srcLo = Bytes.i64be(b, off + 16);
        out.dstHi = Bytes.i64be(b, off + 24);
        out.dstLo = Bytes.i64be(b, off + 32);
        int available = reported - 40;
        if (payload == 0) {
            payload = available; // jumbogram or segmentation offload: trust the frame
        } else if (payload > available) {
            out.malformed(IPV6_PAYLOAD_TOO_LONG, payload, available);
            payload = Math.max(available, 0);
        }
        out.ipTotalLength = 40 + payload;
        out.end(layer, Math.min(capEnd, off + 40 + payload));
        ipv6Chain(next, b, off + 40, Math.min(capEnd, off + 40 + payload), payload, out);
    }

    /** Walks IPv6 extension headers (RFC 8200 §4) to the upper-layer header. */
    private void ipv6Chain(int next, byte[] b, int p, int capEnd, int remaining, DecodedPacket out) {
        while (true) {
            switch (next) {
                case 0, 43, 60, 135, 139, 140, 51 -> {
                    if (capEnd - p < 8) {
                        out.malformed(IPV6_EXTENSION_CUT, next, 0);
                        out.ipProtocol = next;
                        return;
                    }
                    int len = next == 51 ? ((b[p + 1] & 0xff) + 2) * 4 : ((b[p + 1] & 0xff) + 1) * 8;
                    next = b[p] & 0xff;
                    p += len;
                    remaining -= len;
                    if (p > capEnd) {
                        out.malformed(IPV6_EXTENSION_CUT, next, 0);
                        return;
                    }
                }
                case 44 -> {
                    if (capEnd - p < 8) {
                        out.malformed(IPV6_EXTENSION_CUT, 44, 0);
                        out.ipProtocol = 44;
                        return;
                    }
                    int proto = b[p] & 0xff;
                    int field = Bytes.u16be(b, p + 2);
                    int fragOffset = field & 0xFFF8;
                    boolean more = (field & 1) != 0;
                    long id = Bytes.u32be(b, p + 4);
                    p += 8;
                    remaining -= 8;
                    out.ipId = (int) id;
                    if (fragOffset == 0 && !more) {
                        next = proto; // an atomic fragment (RFC 6946): nothing to reassemble
                        continue;
                    }
                    out.ipProtocol = proto;
                    out.fragment = true;
                    out.moreFragments = more;
                    out.fragmentOffset = fragOffset;
                    int len = capEnd - p;
                    if (defragment && len == remaining && len > 0
                            && defragmenter.add(6, out.srcHi, out.srcLo, out.dstHi, out.dstLo, id, proto, fragOffset, more, b, p, len)) {
                        out.fragment = false;
                        out.reassembled = true;
                        out.fragmentCount = defragmenter.reassembledFragments;
                        int total = defragmenter.reassembledLength;
                        ipv6Chain(proto, defragmenter.reassembled, 0, total, total, out);
                    }
                    return;
                }
                default -> {
                    out.ipProtocol = next;
                    transport(next, b, p, capEnd, remaining, out);
                    return;
                }
            }
        }
    }

    private void transport(int protocol, byte[] b, int off, int capEnd, int reported, DecodedPacket out) {
        out.l4Data = b;
        out.l4Offset = off;
        out.l4Captured = Math.max(0, capEnd - off);
        out.l4Reported = Math.max(0, reported);
        switch (protocol) {
            case 6 -> tcp(b, off, capEnd, reported, out);
            case 17 -> udp(b, off, capEnd, reported, out);
            case 1 -> {
                if (out.ipVersion == 4) {
                    icmp(b, off, capEnd, out, Layer.ICMP);
                }
            }
            case 58 -> icmp(b, off, capEnd, out, Layer.ICMPV6);
            case 4 -> tunnel(out, () -> ipv4(b, off, capEnd, reported, out));
            case 41 -> tunnel(out, () -> ipv6(b, off, capEnd, reported, out));
            case 47 -> gre(b, off, capEnd, reported, out);
            default -> { }
        }
    }

    private void tunnel(DecodedPacket out, Runnable inner) {
        if (tunnelDepth >= MAX_TUNNEL_DEPTH) {
            return;
        }
        tunnelDepth++;
        out.tunnels |= DecodedPacket.TUNNEL_IP_IN_IP;
        inner.run();
    }

    private void tcp(byte[] b, int off, int capEnd, int reported, DecodedPacket out) {
        int cap = Math.max(0, capEnd - off);
        out.layer = Layer.TCP;
        out.push(Proto.TCP, b, off, capEnd, false);
        out.tcpFieldsCaptured = Math.min(cap, 20);
        if (cap < 20) {
            out.malformed(TCP_HEADER_CUT, cap, 20);
        }
        if (cap >= 4) {
            out.sport = Bytes.u16be(b, off);
            out.dport = Bytes.u16be(b, off + 2);
        }
        if (cap >= 8) {
            out.seq = Bytes.u32be(b, off + 4);
        }
        if (cap >= 12) {
            out.ack = Bytes.u32be(b, off + 8);
        }
        if (cap >= 14) {
            out.tcpHeaderLength = ((b[off + 12] & 0xff) >>> 4) * 4;
            out.tcpFlags = Bytes.u16be(b, off + 12) & 0x0FFF;
        }
        if (cap >= 16) {
            out.window = Bytes.u16be(b, off + 14);
        }
        if (cap >= 18) {
            out.tcpChecksum = Bytes.u16be(b, off + 16);
        }
        if (cap >= 20) {
            out.urgentPointer = Bytes.u16be(b, off + 18);
        }
        if (cap < 14) {
            return;
        }
        int hlen = out.tcpHeaderLength;
        if (reported < hlen) {
            // tshark: "Short segment. Segment/fragment does not contain a full TCP header".
            out.malformed(TCP_SHORT_SEGMENT, reported, hlen);
            return;
        }
        out.hasSegmentLength = true;
        out.payloadLength = reported - hlen;
        if (hlen < 20) {
            out.malformed(TCP_BAD_HEADER_LENGTH, hlen, 0);
        }
    }

    private void udp(byte[] b, int off, int capEnd, int reported, DecodedPacket out) {
        int cap = Math.max(0, capEnd - off);
        out.layer = Layer.UDP;
        out.push(Proto.UDP, b, off, capEnd, false);
        if (cap >= 4) {
            out.sport = Bytes.u16be(b, off);
            out.dport = Bytes.u16be(b, off + 2);
        }
        if (cap < 8) {
            out.malformed(UDP_HEADER_CUT, cap, 8);
            return;
        }
        out.udpLength = Bytes.u16be(b, off + 4);
        out.udpChecksum = Bytes.u16be(b, off + 6);
        if (out.udpLength < 8 || out.udpLength > reported) {
            // RFC 768: the length covers header and data. Zero is legal only in IPv6 jumbograms.
            if (!(out.udpLength == 0 && out.ipVersion == 6)) {
                out.malformed(UDP_BAD_LENGTH, out.udpLength, reported);
                return;
            }
        }
        if ((out.sport == L2TP_PORT || out.dport == L2TP_PORT) && tunnelDepth < MAX_TUNNEL_DEPTH) {
            int len = out.udpLength == 0 ? reported : out.udpLength;
            l2tp(b, off + 8, Math.min(capEnd, off + len), len - 8, out);
        }
    }

    /** L2TPv2 data messages (RFC 2661 §3.1) carrying PPP. */
    private void l2tp(byte[] b, int off, int capEnd, int reported, DecodedPacket out) {
        if (capEnd - off < 6) {
            return;
        }
        int flags = Bytes.u16be(b, off);
        if ((flags & 0x000F) != 2 || (flags & 0x8000) != 0) {
            return; // not version 2, or a control message
        }
        int p = off + 2;
        if ((flags & 0x4000) != 0) {
            p += 2; // length
        }
        p += 4; // tunnel id, session id
        if ((flags & 0x0800) != 0) {
            p += 4; // Ns, Nr
        }
        if ((flags & 0x0200) != 0) {
            if (capEnd - p < 2) {
                out.malformed(TUNNEL_CUT, capEnd - off, p - off + 2);
                return;
            }
            p += 2 + Bytes.u16be(b, p);
        }
        if (p > capEnd) {
            out.malformed(TUNNEL_CUT, capEnd - off, p - off);
            return;
        }
        tunnelDepth++;
        out.tunnels |= DecodedPacket.TUNNEL_L2TP;
        out.push(Proto.L2TP, b, off, p, false);
        int outerIpVersion = out.ipVersion;
        long outerSrcHi = out.srcHi;
        long outerSrcLo = out.srcLo;
        long outerDstHi = out.dstHi;
        long outerDstLo = out.dstLo;
        int outerSport = out.sport;
        int outerDport = out.dport;
        int ipOffsetBefore = out.ipOffset;
        ppp(b, p, capEnd, reported - (p - off), out);
        if (out.ipOffset != ipOffsetBefore && !out.hasOuterUdp) {
            // PPP carried IP: the packet's addresses are now the inner ones; keep the outer UDP flow.
            out.hasOuterUdp = true;
            out.outerIpVersion = outerIpVersion;
            out.outerSrcHi = outerSrcHi;
            out.outerSrcLo = outerSrcLo;
            out.outerDstHi = outerDstHi;
            out.outerDstLo = outerDstLo;
            out.outerSport = outerSport;
            out.outerDport = outerDport;
        }
    }

    /** GRE (RFC 2784, RFC 2890) and PPTP's enhanced GRE (RFC 2637 §4.1). */
    private void gre(byte[] b, int off, int capEnd, int reported, DecodedPacket out) {
        if (capEnd - off < 4 || tunnelDepth >= MAX_TUNNEL_DEPTH) {
            return;
        }
        int flags = Bytes.u16be(b, off);
        int proto = Bytes.u16be(b, off + 2);
        int version = flags & 7;
        int p = off + 4;
        if ((flags & 0x8000) != 0) {
            p += 4;
        }
        if ((flags & 0x2000) != 0) {
            p += 4;
        }
        if ((flags & 0x1000) != 0) {
            p += 4;
        }
        if (version == 1 && (flags & 0x0080) != 0) {
            p += 4;
        }
        if (p > capEnd || version > 1) {
            return;
        }
        tunnelDepth++;
        out.tunnels |= DecodedPacket.TUNNEL_GRE;
        out.push(Proto.GRE, b, off, p, false);
        int r = reported - (p - off);
        switch (proto) {
            case ETHERTYPE_IPV4 -> ipv4(b, p, capEnd, r, out);
            case ETHERTYPE_IPV6 -> ipv6(b, p, capEnd, r, out);
            case ETHERTYPE_PPP -> ppp(b, p, capEnd, r, out);
            default -> { }
        }
    }


    private void icmp(byte[] b, int off, int capEnd, DecodedPacket out, Layer layer) {
        int cap = Math.max(0, capEnd - off);
        out.layer = layer;
        out.push(layer == Layer.ICMPV6 ? Proto.ICMPV6 : Proto.ICMP, b, off, capEnd, false);
        if (cap < 4) {
            out.malformed(ICMP_HEADER_CUT, cap, 4);
            return;
        }
        int type = b[off] & 0xff;
        out.icmpType = type;
        out.icmpCode = b[off + 1] & 0xff;
        out.icmpChecksum = Bytes.u16be(b, off + 2);
        boolean v6 = layer == Layer.ICMPV6;
        boolean hasIdSeq = v6 ? (type == 128 || type == 129) : (type == 0 || type == 8 || type == 13 || type == 14
                || type == 15 || type == 16 || type == 17 || type == 18);
        if (hasIdSeq && cap >= 8) {
            out.icmpId = Bytes.u16be(b, off + 4);
            out.icmpSeq = Bytes.u16be(b, off + 6);
        }
        // Error messages quote the offending datagram's IP header and first bytes
        // (RFC 792; RFC 4443 §3): decode them without touching the packet's own fields.
        boolean error = v6 ? (type >= 1 && type <= 4) : (type == 3 || type == 4 || type == 5 || type == 11 || type == 12);
        if (error && cap > 8) {
            quoted(b, off + 8, capEnd, out);
        }
    }

    private static void quoted(byte[] b, int off, int capEnd, DecodedPacket out) {
        int cap = capEnd - off;
        if (cap < 1) {
            return;
        }
        int version = (b[off] & 0xff) >>> 4;
        int p;
        int proto;
        if (version == 4 && cap >= 20) {
            int ihl = (b[off] & 0x0F) * 4;
            out.push(Proto.IPV4, b, off, Math.min(capEnd, off + Math.max(Bytes.u16be(b, off + 2), 20)), true);
            out.quotedIpVersion = 4;
            out.quotedSrcHi = 0;
            out.quotedSrcLo = Bytes.u32be(b, off + 12);
            out.quotedDstHi = 0;
            out.quotedDstLo = Bytes.u32be(b, off + 16);
            proto = b[off + 9] & 0xff;
            p = off + Math.max(ihl, 20);
            if ((Bytes.u16be(b, off + 6) & 0x1FFF) != 0) {
                out.quotedProtocol = proto; // a non-first fragment quotes no transport header
                return;
            }
        } else if (version == 6 && cap >= 40) {
            out.push(Proto.IPV6, b, off, Math.min(capEnd, off + 40 + Bytes.u16be(b, off + 4)), true);
            out.quotedIpVersion = 6;
            out.quotedSrcHi = Bytes.i64be(b, off + 8);
            out.quotedSrcLo = Bytes.i64be(b, off + 16);
            out.quotedDstHi = Bytes.i64be(b, off + 24);
            out.quotedDstLo = Bytes.i64be(b, off + 32);
            proto = b[off + 6] & 0xff;
            p = off + 40;
            while ((proto == 0 || proto == 43 || proto == 60 || proto == 44) && capEnd - p >= 8) {
                int len = proto == 44 ? 8 : ((b[p + 1] & 0xff) + 1) * 8;
                proto = b[p] & 0xff;
                p += len;
            }
        } else {
            return;
        }
        out.quotedProtocol = proto;
        if ((proto == 1 || proto == 58) && capEnd - p >= 4) {
            out.push(proto == 1 ? Proto.ICMP : Proto.ICMPV6, b, p, capEnd, true);
        }
        if ((proto == 6 || proto == 17) && capEnd - p >= 4) {
            out.push(proto == 6 ? Proto.TCP : Proto.UDP, b, p, capEnd, true);
            out.quotedSport = Bytes.u16be(b, p);
            out.quotedDport = Bytes.u16be(b, p + 2);
            if (proto == 6 && capEnd - p >= 8) {
                out.quotedSeq = Bytes.u32be(b, p + 4);
            }
        }
    }
}
