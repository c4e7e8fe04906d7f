package org.tcplab.decode;

/**
 * The protocols the decoder recognises, one per entry of a packet's layer list (as Wireshark's
 * packet tree lists them: link, tags, tunnels, IP, transport, and the datagram an ICMP error quotes).
 */
public enum Proto {
    ETH, SLL, SLL2, NULL, VLAN, IEEE8021AD, PPPOE, PPP, ARP, IPV4, IPV6, GRE, L2TP, TCP, UDP, ICMP, ICMPV6
}
