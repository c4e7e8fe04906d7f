package org.tcplab.cli;

import org.tcplab.decode.DecodedPacket;
import org.tcplab.tcp.TcpAnnotation;

/**
 * The simple display filter of {@code read}: every given condition must hold. Addresses are kept
 * as two longs so matching allocates nothing.
 *
 * @param protocol layer code ("tcp", "udp", "icmp", "icmpv6", "ipv4", "ipv6", "arp") or null
 * @param hostFamily 4 or 6 when a host is given, else 0
 * @param port -1 for any
 * @param stream -1 for any
 */
public record PacketFilter(String protocol, int hostFamily, long hostHi, long hostLo, int port, int stream) {
    public static final PacketFilter ALL = new PacketFilter(null, 0, 0, 0, -1, -1);

    public boolean matches(DecodedPacket p, TcpAnnotation t) {
        if (protocol != null && !protocolMatches(p)) {
            return false;
        }
        if (hostFamily != 0) {
            if (p.ipVersion() != hostFamily) {
                return false;
            }
            boolean src = p.srcHi() == hostHi && p.srcLo() == hostLo;
            boolean dst = p.dstHi() == hostHi && p.dstLo() == hostLo;
            if (!src && !dst) {
                return false;
            }
        }
        if (port >= 0 && p.sport() != port && p.dport() != port) {
            return false;
        }
        return stream < 0 || (t.hasStream() && t.stream() == stream);
    }

    private boolean protocolMatches(DecodedPacket p) {
        String code = p.layer().code();
        return switch (protocol) {
            case "ip" -> p.ipVersion() != 0;
            case "ipv4", "ip4" -> p.ipVersion() == 4;
            case "ipv6", "ip6" -> p.ipVersion() == 6;
            case "icmp" -> code.equals("icmp") || code.equals("icmpv6");
            default -> code.equals(protocol);
        };
    }
}
