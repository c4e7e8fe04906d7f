package org.tcplab.gen.scenario;

import java.net.Inet4Address;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.UdpPort;
import org.pcap4j.util.MacAddress;

/**
 * Sends what a socket cannot (a chosen TTL, a forged source address) from one host's interface:
 * UDP datagrams built with pcap4j's builders (lengths and both checksums computed), in Ethernet
 * frames addressed to the host's gateway, or with zero addresses on lo, injected with libpcap.
 */
final class Injector implements AutoCloseable {
    private final PcapHandle out;
    private final MacAddress srcMac;
    private final MacAddress dstMac;

    private Injector(PcapHandle out, MacAddress srcMac, MacAddress dstMac) {
        this.out = out;
        this.srcMac = srcMac;
        this.dstMac = dstMac;
    }

    /** On the client host's interface. */
    static Injector client(ScenarioContext ctx) throws Exception {
        return open(ctx.kernel(), ctx.hosts()::client);
    }

    /** On the server host's interface. */
    static Injector server(ScenarioContext ctx) throws Exception {
        return open(ctx.serverKernel(), ctx.hosts()::server);
    }

    private interface As {
        <T> T run(Hosts.Body<T> body) throws Exception;
    }

    private static Injector open(KernelFacts host, As as) throws Exception {
        String iface = host.iface();
        boolean loopback = iface.equals("lo");
        MacAddress src = loopback ? MacAddress.getByName("00:00:00:00:00:00") : host.macAddress(iface);
        MacAddress dst = loopback ? src : host.gatewayMac(iface);
        ScenarioContext.expect(src != null && dst != null, "cannot find the MAC addresses on " + iface + " (ip link, ip neigh)");
        PcapHandle h = as.run(() -> Pcaps.getDevByName(iface).openLive(65536, PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS,
                100));
        return new Injector(h, src, dst);
    }

    void udp(Inet4Address src, Inet4Address dst, int ttl, int ipId, int srcPort, int dstPort, byte[] payload) throws Exception {
        UdpPacket.Builder udp = new UdpPacket.Builder().srcPort(UdpPort.getInstance((short) srcPort))
                .dstPort(UdpPort.getInstance((short) dstPort)).srcAddr(src).dstAddr(dst)
                .payloadBuilder(new UnknownPacket.Builder().rawData(payload)).correctChecksumAtBuild(true)
                .correctLengthAtBuild(true);
        IpV4Packet.Builder ip = new IpV4Packet.Builder().version(IpVersion.IPV4).tos(IpV4Rfc791Tos.newInstance((byte) 0))
                .ttl((byte) ttl).protocol(IpNumber.UDP).srcAddr(src).dstAddr(dst).identification((short) ipId)
                .payloadBuilder(udp).correctChecksumAtBuild(true).correctLengthAtBuild(true);
        out.sendPacket(new EthernetPacket.Builder().srcAddr(srcMac).dstAddr(dstMac).type(EtherType.IPV4).payloadBuilder(ip)
                .paddingAtBuild(true).build());
    }

    @Override
    public void close() {
        out.close();
    }
}
