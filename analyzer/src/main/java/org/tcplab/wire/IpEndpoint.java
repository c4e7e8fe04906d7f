package org.tcplab.wire;

/**
 * An IP address and port as numbers: IPv4 in the low 32 bits of {@code lo}, IPv6 in {@code hi}
 * and {@code lo}. Printed as "address:port", IPv6 in brackets (RFC 5952 §6).
 */
public record IpEndpoint(int family, long hi, long lo, int port) {
    public String address() {
        return Addresses.format(family, hi, lo);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(48);
        Addresses.appendEndpoint(sb, family, hi, lo, port);
        return sb.toString();
    }
}
