package org.tcplab.model;

import static org.tcplab.model.Catalogue.at;
import static org.tcplab.model.Catalogue.count;
import static org.tcplab.model.Catalogue.ether;
import static org.tcplab.model.Catalogue.field;
import static org.tcplab.model.Catalogue.header;
import static org.tcplab.model.Catalogue.u16;
import static org.tcplab.model.Catalogue.u32;
import static org.tcplab.model.Catalogue.u8;

import java.util.List;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Proto;
import org.tcplab.model.Field.Type;

/** Ethernet II (IEEE 802.3), 802.1Q/802.1ad tags and ARP (RFC 826). */
public final class LinkFields {
    private LinkFields() {
    }

    private static long etherAt(PacketView v, Proto p, int off, int k) {
        int i = at(v, p, off + 6, k);
        DecodedPacket d = v.packet();
        return ether(d.layerData(i), d.layerOffset(i) + off);
    }

    public static final Field ETH = field("eth", "Ethernet II", Type.PROTOCOL).count(header(Proto.ETH, 0, 14))
            .bytes((v, k, out) -> Catalogue.toFrameEnd(v, at(v, Proto.ETH, 14, k), out)).item((v, k) -> 14)
            .about("an Ethernet frame (its item: the 14-byte header)").build();
    public static final Field ETH_DST = field("eth.dst", "Destination", Type.ETHER).count(header(Proto.ETH, 0, 6))
            .value((v, k) -> etherAt(v, Proto.ETH, 0, k)).about("destination MAC address").build();
    public static final Field ETH_SRC = field("eth.src", "Source", Type.ETHER).count(header(Proto.ETH, 6, 6))
            .value((v, k) -> etherAt(v, Proto.ETH, 6, k)).about("source MAC address").build();
    /** Destination then source of each Ethernet header, as Wireshark adds them. */
    public static final Field ETH_ADDR = field("eth.addr", "Source or Destination Address", Type.ETHER)
            .count(v -> 2 * count(v, Proto.ETH, 12)).value((v, k) -> {
                int i = at(v, Proto.ETH, 12, k / 2);
                return ether(v.packet().layerData(i), v.packet().layerOffset(i) + ((k & 1) == 0 ? 0 : 6));
            })
            .about("source or destination MAC address").build();
    public static final Field ETH_TYPE = field("eth.type", "Type", Type.UINT).hex(16).count(header(Proto.ETH, 12, 2))
            .value((v, k) -> u16(v, Proto.ETH, 12, k)).names(Names::etherType).about("EtherType of the payload").build();

    public static final Field VLAN = field("vlan", "802.1Q Virtual LAN", Type.PROTOCOL).count(header(Proto.VLAN, 0, 4))
            .bytes((v, k, out) -> Catalogue.toFrameEnd(v, at(v, Proto.VLAN, 4, k), out))
            .item((v, k) -> 4).about("an 802.1Q or 802.1ad tag").build();
    public static final Field VLAN_PRIORITY = field("vlan.priority", "Priority", Type.UINT).bits(16).mask(0xE000)
            .count(header(Proto.VLAN, 0, 2)).value((v, k) -> u16(v, Proto.VLAN, 0, k) >>> 13)
            .about("priority code point (PCP)").build();
    public static final Field VLAN_DEI = field("vlan.dei", "DEI", Type.UINT).bits(16).mask(0x1000)
            .count(header(Proto.VLAN, 0, 2)).value((v, k) -> (u16(v, Proto.VLAN, 0, k) >>> 12) & 1)
            .about("drop eligible indicator").build();
    public static final Field VLAN_ID = field("vlan.id", "ID", Type.UINT).bits(16).mask(0x0FFF).count(header(Proto.VLAN, 0, 2))
            .value((v, k) -> u16(v, Proto.VLAN, 0, k) & 0x0FFF).about("VLAN identifier").build();
    public static final Field VLAN_ETYPE = field("vlan.etype", "Type", Type.UINT).hex(16).count(header(Proto.VLAN, 2, 2))
            .value((v, k) -> u16(v, Proto.VLAN, 2, k)).names(Names::etherType).about("EtherType after the tag").build();

    public static final Field IEEE8021AD = field("ieee8021ad", "IEEE 802.1ad", Type.PROTOCOL)
            .count(header(Proto.IEEE8021AD, 0, 4)).bytes((v, k, out) -> Catalogue.toFrameEnd(v, at(v, Proto.IEEE8021AD, 4, k), out)).item((v, k) -> 4)
            .about("an 802.1ad (Q-in-Q) service tag").build();
    public static final Field IEEE8021AD_PRIORITY = field("ieee8021ad.priority", "Priority", Type.UINT).bits(16).mask(0xE000)
            .count(header(Proto.IEEE8021AD, 0, 2)).value((v, k) -> u16(v, Proto.IEEE8021AD, 0, k) >>> 13).build();
    public static final Field IEEE8021AD_DEI = field("ieee8021ad.dei", "DEI", Type.UINT).bits(16).mask(0x1000)
            .count(header(Proto.IEEE8021AD, 0, 2)).value((v, k) -> (u16(v, Proto.IEEE8021AD, 0, k) >>> 12) & 1).build();
    public static final Field IEEE8021AD_ID = field("ieee8021ad.id", "ID", Type.UINT).bits(16).mask(0x0FFF)
            .count(header(Proto.IEEE8021AD, 0, 2)).value((v, k) -> u16(v, Proto.IEEE8021AD, 0, k) & 0x0FFF)
            .about("the service VLAN identifier").build();

    public static final Field ARP = field("arp", "Address Resolution Protocol", Type.PROTOCOL).count(header(Proto.ARP, 0, 8))
            .bytes((v, k, out) -> Catalogue.rest(v, at(v, Proto.ARP, 8, k), 0, out)).about("an ARP message").build();
    public static final Field ARP_OPCODE = field("arp.opcode", "Opcode", Type.UINT).bits(16).count(header(Proto.ARP, 6, 2))
            .value((v, k) -> u16(v, Proto.ARP, 6, k)).names(Names::arpOpcode).about("1 request, 2 reply").build();
    public static final Field ARP_SRC_HW = field("arp.src.hw_mac", "Sender MAC address", Type.ETHER)
            .count(header(Proto.ARP, 8, 6)).value((v, k) -> etherAt(v, Proto.ARP, 8, k)).build();
    public static final Field ARP_SRC_IP = field("arp.src.proto_ipv4", "Sender IP address", Type.IPV4)
            .count(header(Proto.ARP, 14, 4)).value((v, k) -> u32(v, Proto.ARP, 14, k)).build();
    public static final Field ARP_DST_HW = field("arp.dst.hw_mac", "Target MAC address", Type.ETHER)
            .count(header(Proto.ARP, 18, 6)).value((v, k) -> etherAt(v, Proto.ARP, 18, k)).build();
    public static final Field ARP_DST_IP = field("arp.dst.proto_ipv4", "Target IP address", Type.IPV4)
            .count(header(Proto.ARP, 24, 4)).value((v, k) -> u32(v, Proto.ARP, 24, k)).build();
    public static final Field ARP_HW_SIZE = field("arp.hw.size", "Hardware size", Type.UINT).bits(8)
            .count(header(Proto.ARP, 4, 1)).value((v, k) -> u8(v, Proto.ARP, 4, k)).build();

    static final List<Field> ALL = List.of(ETH, ETH_DST, ETH_SRC, ETH_ADDR, ETH_TYPE, VLAN, VLAN_PRIORITY, VLAN_DEI, VLAN_ID,
            VLAN_ETYPE, IEEE8021AD, IEEE8021AD_PRIORITY, IEEE8021AD_DEI, IEEE8021AD_ID, ARP, ARP_OPCODE, ARP_HW_SIZE, ARP_SRC_HW, ARP_SRC_IP, ARP_DST_HW, ARP_DST_IP);
}
