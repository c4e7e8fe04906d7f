package org.tcplab.conv;

import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Proto;
import org.tcplab.tcp.FlowTable;
import org.tcplab.wire.Bytes;

/**
 * tshark's {@code udp.stream}: each address/port pair numbered from 0 in order of first
 * appearance, for every UDP header of a packet (an L2TP tunnel's and its payload's, and the one an
 * ICMP error quotes, which tshark numbers as a conversation of its own).
 */
public final class UdpStreams {
    private final FlowTable flows = new FlowTable(256);
    private int streams;

    public int streamCount() {
        return streams;
    }

    /** Numbers the UDP headers of {@code p} into {@code out}. */
    public void annotate(DecodedPacket p, UdpAnnotation out) {
        out.count = 0;
        int ipLayer = -1;
        for (int i = 0, n = p.layerCount(); i < n; i++) {
            Proto proto = p.layerProto(i);
            if (proto == Proto.IPV4 || proto == Proto.IPV6) {
                ipLayer = i;
            } else if (proto == Proto.UDP && ipLayer >= 0 && out.count < UdpAnnotation.MAX
                    && p.layerEnd(i) - p.layerOffset(i) >= 4) {
                out.layer[out.count] = i;
                out.stream[out.count] = number(p, ipLayer, i);
                out.count++;
            }
        }
    }

    private int number(DecodedPacket p, int ipLayer, int udpLayer) {
        byte[] b = p.layerData(ipLayer);
        int o = p.layerOffset(ipLayer);
        int family;
        long srcHi = 0;
        long srcLo;
        long dstHi = 0;
        long dstLo;
        if (p.layerProto(ipLayer) == Proto.IPV4) {
            family = 4;
            srcLo = Bytes.u32be(b, o + 12);
            dstLo = Bytes.u32be(b, o + 16);
        } else {
            family = 6;
            srcHi = Bytes.i64be(b, o + 8);
            srcLo = Bytes.i64be(b, o + 16);
            dstHi = Bytes.i64be(b, o + 24);
            dstLo = Bytes.i64be(b, o + 32);
        }
        byte[] u = p.layerData(udpLayer);
        int uo = p.layerOffset(udpLayer);
        int sport = Bytes.u16be(u, uo);
        int dport = Bytes.u16be(u, uo + 2);
        int s = flows.get(family, srcHi, srcLo, sport, dstHi, dstLo, dport);
        if (s < 0) {
            s = streams++;
            flows.put(family, srcHi, srcLo, sport, dstHi, dstLo, dport, s);
        }
        return s;
    }
}
