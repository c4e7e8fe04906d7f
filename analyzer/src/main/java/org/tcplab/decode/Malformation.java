package org.tcplab.decode;

/**
 * Why a packet could not be decoded in full. Each has a stable code and a message template with
 * at most two numbers, so marking a packet allocates nothing; the text is built only for output.
 */
public enum Malformation {
    UNSUPPORTED_LINK_TYPE("unsupported link type %d"),
    LINK_HEADER_CUT("link-layer header cut short (%d of %d bytes captured)"),
    VLAN_TOO_DEEP("more than %d stacked VLAN tags"),
    PPPOE_CUT("PPPoE header cut short (%d of %d bytes captured)"),
    IP_VERSION_MISMATCH("IP version %d where %d was expected"),
    IPV4_HEADER_CUT("IPv4 header cut short (%d of %d bytes captured)"),
    IPV4_BAD_HEADER_LENGTH("IPv4 header length %d is less than 20"),
    IPV4_TOTAL_LENGTH_TOO_SHORT("IPv4 total length %d is less than its header length %d"),
    IPV4_TOTAL_LENGTH_TOO_LONG("IPv4 total length %d exceeds the %d bytes the frame holds"),
    IPV6_HEADER_CUT("IPv6 header cut short (%d of %d bytes captured)"),
    IPV6_PAYLOAD_TOO_LONG("IPv6 payload length %d exceeds the %d bytes the frame holds"),
    IPV6_EXTENSION_CUT("IPv6 extension header %d cut short"),
    TCP_HEADER_CUT("TCP header cut short (%d of %d bytes captured)"),
    TCP_SHORT_SEGMENT("TCP segment of %d bytes is shorter than its header length %d"),
    TCP_BAD_HEADER_LENGTH("TCP header length %d is less than 20"),
    TCP_BAD_OPTION("TCP option kind %d has invalid length %d"),
    UDP_HEADER_CUT("UDP header cut short (%d of %d bytes captured)"),
    UDP_BAD_LENGTH("UDP length %d is outside 8..%d"),
    ICMP_HEADER_CUT("ICMP header cut short (%d of %d bytes captured)"),
    FRAGMENT_OVERLAP("IP fragment at offset %d overlaps earlier data with different bytes (%d)"),
    TUNNEL_CUT("tunnel header cut short (%d of %d bytes captured)");

    private final String template;

    Malformation(String template) {
        this.template = template;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String describe(int a, int b) {
        return String.format(template, a, b);
    }
}
