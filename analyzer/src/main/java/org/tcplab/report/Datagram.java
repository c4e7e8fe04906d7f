package org.tcplab.report;

import org.tcplab.model.Packet;
import org.tcplab.wire.IpEndpoint;

/**
 * A packet's own (not quoted) IP header and TCP, UDP or ICMP header, with addresses and ports
 * together: what the explainers group and match by.
 */
record Datagram(Packet packet, IpEndpoint src, IpEndpoint dst, Packet.Ipv4 ipv4, int ttl, Packet.Tcp tcp,
                Packet.Udp udp, Packet.Icmp icmp) {

    static Datagram of(Packet p) {
        IpEndpoint src = null;
        IpEndpoint dst = null;
        Packet.Ipv4 v4 = null;
        int ttl = -1;
        Packet.Tcp tcp = null;
        Packet.Udp udp = null;
        Packet.Icmp icmp = null;
        for (Packet.Header h : p.headers()) {
            if (h.quoted()) {
                continue;
            }
            if (h instanceof Packet.Ipv4 ip) {
                src = ip.src();
                dst = ip.dst();
                v4 = ip;
                ttl = ip.ttl();
            } else if (h instanceof Packet.Ipv6 ip) {
                src = ip.src();
                dst = ip.dst();
                v4 = null;
                ttl = ip.hopLimit();
            } else if (h instanceof Packet.Tcp t) {
                tcp = t;
            } else if (h instanceof Packet.Udp u) {
                udp = u;
            } else if (h instanceof Packet.Icmp i) {
                icmp = i;
            }
        }
        if (src == null) {
            return null;
        }
        if (tcp != null || udp != null) {
            src = new IpEndpoint(src.family(), src.hi(), src.lo(), tcp != null ? tcp.srcPort() : udp.srcPort());
            dst = new IpEndpoint(dst.family(), dst.hi(), dst.lo(), tcp != null ? tcp.dstPort() : udp.dstPort());
        }
        return new Datagram(p, src, dst, v4, ttl, tcp, udp, icmp);
    }

    /** An IPv4 fragment (more fragments follow, or not the first): reassembled in a later frame. */
    boolean fragment() {
        return ipv4 != null && (ipv4.moreFragments() || ipv4.fragmentOffset() > 0);
    }

    long frame() {
        return packet.number();
    }

    long time() {
        return packet.relativeNanos();
    }

    /** The first header of the ICMP error's quote that names a transport, or null. */
    Packet.Header quotedTransport() {
        for (Packet.Header h : packet.headers()) {
            if (h.quoted() && (h instanceof Packet.Udp || h instanceof Packet.Tcp || h instanceof Packet.Icmp)) {
                return h;
            }
        }
        return null;
    }

    /** The destination the quoted datagram was sent to, or null. */
    IpEndpoint quotedDst() {
        return quotedEnd(false);
    }

    /** The source the quoted datagram came from (whom the error is sent to), or null. */
    IpEndpoint quotedSrc() {
        return quotedEnd(true);
    }

    private IpEndpoint quotedEnd(boolean source) {
        for (Packet.Header h : packet.headers()) {
            if (h.quoted() && h instanceof Packet.Ipv4 ip) {
                return source ? ip.src() : ip.dst();
            }
            if (h.quoted() && h instanceof Packet.Ipv6 ip) {
                return source ? ip.src() : ip.dst();
            }
        }
        return null;
    }
}
