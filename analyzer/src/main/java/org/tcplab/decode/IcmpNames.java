package org.tcplab.decode;

/** ICMP (RFC 792, IANA registry) and ICMPv6 (RFC 4443, RFC 4861) type and code names. */
public final class IcmpNames {
    private IcmpNames() {
    }

    /** Type and code in words: "destination unreachable (port unreachable)". */
    public static String describe(boolean v6, int type, int code) {
        String c = code(v6, type, code);
        return c == null ? type(v6, type) : type(v6, type) + " (" + c + ")";
    }

    public static String type(boolean v6, int type) {
        if (v6) {
            return switch (type) {
                case 1 -> "destination unreachable";
                case 2 -> "packet too big";
                case 3 -> "time exceeded";
                case 4 -> "parameter problem";
                case 128 -> "echo request";
                case 129 -> "echo reply";
                case 130 -> "multicast listener query";
                case 131 -> "multicast listener report";
                case 132 -> "multicast listener done";
                case 133 -> "router solicitation";
                case 134 -> "router advertisement";
                case 135 -> "neighbor solicitation";
                case 136 -> "neighbor advertisement";
                case 137 -> "redirect";
                case 143 -> "multicast listener report v2";
                default -> "type " + type;
            };
        }
        return switch (type) {
            case 0 -> "echo reply";
            case 3 -> "destination unreachable";
            case 4 -> "source quench";
            case 5 -> "redirect";
            case 8 -> "echo request";
            case 9 -> "router advertisement";
            case 10 -> "router solicitation";
            case 11 -> "time exceeded";
            case 12 -> "parameter problem";
            case 13 -> "timestamp request";
            case 14 -> "timestamp reply";
            case 15 -> "information request";
            case 16 -> "information reply";
            case 17 -> "address mask request";
            case 18 -> "address mask reply";
            default -> "type " + type;
        };
    }

    /** The code's meaning where it has one worth printing, else null. */
    public static String code(boolean v6, int type, int code) {
        if (v6) {
            if (type == 1) {
                return switch (code) {
                    case 0 -> "no route to destination";
                    case 1 -> "administratively prohibited";
                    case 2 -> "beyond scope of source address";
                    case 3 -> "address unreachable";
                    case 4 -> "port unreachable";
                    case 5 -> "source address failed policy";
                    case 6 -> "reject route";
                    default -> "code " + code;
                };
            }
            if (type == 3) {
                return code == 0 ? "hop limit exceeded in transit" : code == 1 ? "fragment reassembly time exceeded" : "code " + code;
            }
            return code == 0 ? null : "code " + code;
        }
        if (type == 3) {
            return switch (code) {
                case 0 -> "network unreachable";
                case 1 -> "host unreachable";
                case 2 -> "protocol unreachable";
                case 3 -> "port unreachable";
                case 4 -> "fragmentation needed";
                case 5 -> "source route failed";
                case 6 -> "destination network unknown";
                case 7 -> "destination host unknown";
                case 9 -> "network administratively prohibited";
                case 10 -> "host administratively prohibited";
                case 13 -> "communication administratively prohibited";
                default -> "code " + code;
            };
        }
        if (type == 5) {
            return switch (code) {
                case 0 -> "for network";
                case 1 -> "for host";
                case 2 -> "for TOS and network";
                case 3 -> "for TOS and host";
                default -> "code " + code;
            };
        }
        if (type == 11) {
            return code == 0 ? "TTL exceeded in transit" : code == 1 ? "fragment reassembly time exceeded" : "code " + code;
        }
        return code == 0 ? null : "code " + code;
    }
}
