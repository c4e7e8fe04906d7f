package org.tcplab.model;

/** Names of field values, as Wireshark's value tables give them (IANA registries). */
public final class Names {
    private Names() {
    }

    static String etherType(long t) {
        return switch ((int) t) {
            case 0x0800 -> "IPv4";
            case 0x0806 -> "ARP";
            case 0x86DD -> "IPv6";
            case 0x8100 -> "802.1Q Virtual LAN";
            case 0x88A8 -> "802.1ad Provider Bridge (Q-in-Q)";
            case 0x9100 -> "802.1QinQ";
            case 0x8863 -> "PPPoE Discovery";
            case 0x8864 -> "PPPoE Session";
            case 0x880B -> "PPP";
            default -> null;
        };
    }

    static String arpOpcode(long op) {
        return op == 1 ? "request" : op == 2 ? "reply" : op == 3 ? "reverse request" : op == 4 ? "reverse reply" : null;
    }

    /** IANA protocol numbers, as Wireshark names them. */
    static String ipProtocol(long p) {
        return switch ((int) p) {
            case 0 -> "IPv6 Hop-by-Hop Option";
            case 1 -> "ICMP";
            case 2 -> "IGMP";
            case 4 -> "IPIP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 41 -> "IPv6";
            case 43 -> "Routing Header for IPv6";
            case 44 -> "Fragment Header for IPv6";
            case 47 -> "Generic Routing Encapsulation";
            case 50 -> "Encap Security Payload";
            case 51 -> "Authentication Header";
            case 58 -> "ICMPv6";
            case 59 -> "IPv6 No Next Header";
            case 60 -> "Destination Options for IPv6";
            case 132 -> "SCTP";
            default -> null;
        };
    }

    /** RFC 2474 and RFC 8622 codepoints. */
    static String dscp(long d) {
        return switch ((int) d) {
            case 0 -> "Default";
            case 1 -> "Lower Effort";
            case 8 -> "Class Selector 1";
            case 16 -> "Class Selector 2";
            case 24 -> "Class Selector 3";
            case 32 -> "Class Selector 4";
            case 40 -> "Class Selector 5";
            case 46 -> "Expedited Forwarding";
            case 48 -> "Class Selector 6";
            case 56 -> "Class Selector 7";
            default -> d % 2 == 0 && d >= 10 && d <= 38 ? "Assured Forwarding " + (d / 8) + (d % 8 / 2) : null;
        };
    }

    /** Wireshark's short DSCP names, as its DS field and traffic class lines show them ("CS0", "AF41", "EF"). */
    public static String dscpShort(long d) {
        return switch ((int) d) {
            case 1 -> "LE";
            case 44 -> "VOICE-ADMIT";
            case 46 -> "EF";
            default -> d % 8 == 0 ? "CS" + d / 8
                    : d % 2 == 0 && d >= 10 && d <= 38 ? "AF" + (d / 8) + (d % 8 / 2) : "Unknown";
        };
    }

    /** Wireshark's short ECN names (RFC 3168 §5). */
    public static String ecnShort(long e) {
        return switch ((int) e & 3) {
            case 0 -> "Not-ECT";
            case 1 -> "ECT(1)";
            case 2 -> "ECT(0)";
            default -> "CE";
        };
    }

    /** RFC 3168 §5. */
    static String ecn(long e) {
        return switch ((int) e) {
            case 0 -> "Not ECN-Capable Transport";
            case 1 -> "ECN-Capable Transport codepoint '01'";
            case 2 -> "ECN-Capable Transport codepoint '10'";
            default -> "Congestion Experienced";
        };
    }

    static String checksumStatus(long s) {
        return switch ((int) s) {
            case 0 -> "Bad";
            case 1 -> "Good";
            case 2 -> "Unverified";
            case 3 -> "Not present";
            default -> null;
        };
    }
}
