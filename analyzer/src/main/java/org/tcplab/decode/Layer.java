package org.tcplab.decode;

/** The deepest layer a packet was decoded to; its code is what jsonl prints as {@code proto}. */
public enum Layer {
    NONE("none"), LINK("link"), ETHERNET("eth"), ARP("arp"), IPV4("ipv4"), IPV6("ipv6"),
    TCP("tcp"), UDP("udp"), ICMP("icmp"), ICMPV6("icmpv6"), OTHER_IP("ip");

    private final String code;

    Layer(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
