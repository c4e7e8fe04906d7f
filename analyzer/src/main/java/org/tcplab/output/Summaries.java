package org.tcplab.output;

import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Proto;
import org.tcplab.model.Field;
import org.tcplab.model.FrameFields;
import org.tcplab.model.PacketView;
import org.tcplab.model.TcpFields;
import org.tcplab.wire.Addresses;
import org.tcplab.wire.Bytes;
import org.tcplab.wire.TcpFlags;

/**
 * A protocol's one-line summary, as Wireshark heads its part of the packet details and as tshark
 * prints a protocol field: "Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.2",
 * "Transmission Control Protocol, Src Port: 6000, Dst Port: 45170, Seq: 1, Ack: 1, Len: 9".
 */
public final class Summaries {
    private Summaries() {
    }

    /** The summary of occurrence {@code k} of protocol field {@code f}. */
    public static String of(Field f, PacketView v, int k) {
        if (f == FrameFields.FRAME) {
            long len = v.frame().originalLength();
            long cap = v.frame().capturedLength();
            return "Frame " + v.frame().number() + ": " + len + " bytes on wire (" + len * 8 + " bits), " + cap
                    + " bytes captured (" + cap * 8 + " bits)";
        }
        Proto p = proto(f.name());
        int i = p == null ? -1 : v.layer(p, k);
        return i < 0 ? f.label() : layer(v, i);
    }

    /** The summary of layer {@code i} of the packet's layer list. */
    public static String layer(PacketView v, int i) {
        DecodedPacket d = v.packet();
        byte[] b = d.layerData(i);
        int o = d.layerOffset(i);
        int cap = d.layerEnd(i) - o;
        return switch (d.layerProto(i)) {
            case ETH -> cap < 12 ? "Ethernet II" : "Ethernet II, Src: " + mac(b, o + 6) + ", Dst: " + mac(b, o);
            case VLAN -> {
                int tci = Bytes.u16be(b, o);
                yield "802.1Q Virtual LAN, PRI: " + (tci >>> 13) + ", DEI: " + ((tci >>> 12) & 1) + ", ID: " + (tci & 0xFFF);
            }
            case IEEE8021AD -> {
                int tci = Bytes.u16be(b, o);
                yield "IEEE 802.1ad, ID: " + (tci & 0xFFF);
            }
            case IPV4 -> cap < 20 ? "Internet Protocol Version 4" : "Internet Protocol Version 4, Src: "
                    + Addresses.format(4, 0, Bytes.u32be(b, o + 12)) + ", Dst: " + Addresses.format(4, 0, Bytes.u32be(b, o + 16));
            case IPV6 -> cap < 40 ? "Internet Protocol Version 6" : "Internet Protocol Version 6, Src: "
                    + Addresses.format(6, Bytes.i64be(b, o + 8), Bytes.i64be(b, o + 16)) + ", Dst: "
                    + Addresses.format(6, Bytes.i64be(b, o + 24), Bytes.i64be(b, o + 32));
            case TCP -> tcp(v, i, b, o, cap);
            case UDP -> cap < 4 ? "User Datagram Protocol" : "User Datagram Protocol, Src Port: " + Bytes.u16be(b, o)
                    + ", Dst Port: " + Bytes.u16be(b, o + 2);
            case ICMP -> "Internet Control Message Protocol";
            case ICMPV6 -> "Internet Control Message Protocol v6";
            case ARP -> cap < 8 ? "Address Resolution Protocol" : "Address Resolution Protocol ("
                    + (Bytes.u16be(b, o + 6) == 1 ? "request" : Bytes.u16be(b, o + 6) == 2 ? "reply" : "opcode " + Bytes.u16be(b, o + 6))
                    + ")";
            case SLL, SLL2 -> "Linux cooked capture";
            case NULL -> "Null/Loopback";
            case PPPOE -> "PPP-over-Ethernet Session";
            case PPP -> "Point-to-Point Protocol";
            case GRE -> "Generic Routing Encapsulation";
            case L2TP -> "Layer 2 Tunneling Protocol";
        };
    }

    private static String tcp(PacketView v, int i, byte[] b, int o, int cap) {
        if (cap < 4) {
            return "Transmission Control Protocol";
        }
        StringBuilder sb = new StringBuilder("Transmission Control Protocol, Src Port: ").append(Bytes.u16be(b, o))
                .append(", Dst Port: ").append(Bytes.u16be(b, o + 2));
        boolean own = !v.packet().layerQuoted(i);
        if (cap >= 8) {
            sb.append(", Seq: ").append(own ? TcpFields.SEQ.longValue(v, 0) : Bytes.u32be(b, o + 4));
        }
        if (cap >= 14 && (Bytes.u16be(b, o + 12) & TcpFlags.ACK) != 0) {
            sb.append(", Ack: ").append(own ? TcpFields.ACK.longValue(v, 0) : Bytes.u32be(b, o + 8));
        }
        if (own && TcpFields.LEN.present(v)) {
            sb.append(", Len: ").append(TcpFields.LEN.longValue(v, 0));
        }
        return sb.toString();
    }

    private static String mac(byte[] b, int off) {
        byte[] t = new byte[17];
        Addresses.writeEther(t, 0, (long) Bytes.u16be(b, off) << 32 | Bytes.u32be(b, off + 2));
        return new String(t, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static Proto proto(String name) {
        return switch (name) {
            case "eth" -> Proto.ETH;
            case "vlan" -> Proto.VLAN;
            case "ieee8021ad" -> Proto.IEEE8021AD;
            case "arp" -> Proto.ARP;
            case "ip" -> Proto.IPV4;
            case "ipv6" -> Proto.IPV6;
            case "tcp" -> Proto.TCP;
            case "udp" -> Proto.UDP;
            case "icmp" -> Proto.ICMP;
            case "icmpv6" -> Proto.ICMPV6;
            default -> null;
        };
    }
}
