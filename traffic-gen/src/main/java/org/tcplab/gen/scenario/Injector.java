package org.tcplab.gen.scenario;

import java.net.Inet4Address;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV4EchoPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IcmpV4Code;
import org.pcap4j.packet.namednumber.IcmpV4Type;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.TcpPort;
import org.pcap4j.packet.namednumber.UdpPort;
import org.pcap4j.util.MacAddress;

/**
 * Sends what a socket cannot (a chosen TTL, a forged source address or sequence number, an ICMP
 * echo without a ping socket) from one host's interface: UDP, TCP and ICMP built with pcap4j's
 * builders (lengths and checksums computed), in Ethernet frames addressed to the host's gateway,
 * or with zero addresses on lo, injected with libpcap.
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
        return on(ctx, ctx.kernel().iface());
    }

    /** On the server host's interface. */
    static Injector server(ScenarioContext ctx) throws Exception {
        return open(ctx.serverKernel(), ctx.serverKernel().iface(), ctx.hosts()::server);
    }

    /** On the client host's interface of that name. */
    static Injector on(ScenarioContext ctx, String iface) throws Exception {
        return open(ctx.kernel(), iface, ctx.hosts()::client);
    }

    private interface As {
        <T> T run(Hosts.Body<T> body) throws Exception;
    }

    private static Injector open(KernelFacts host, String iface, As as) throws Exception {
        PcapNetworkInterface nif = as.run(() -> Pcaps.getDevByName(iface));
        if (nif == null) {
            throw new ScenarioFailed("no interface named " + iface);
        }
        boolean loopback = iface.equals("lo");
        MacAddress src = loopback ? MacAddress.getByName("00:00:00:00:00:00") : host.macAddress(iface);
        MacAddress dst = loopback ? src : host.gatewayMac(iface);
        ScenarioContext.expect(src != null && dst != null, "cannot find the MAC addresses on " + iface + " (ip link, ip neigh)");
        PcapHandle h = as.run(() -> nif.openLive(65536, PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS,
                100));
        return new Injector(h, src, dst);
    }

    void udp(Inet4Address src, Inet4Address dst, int ttl, int ipId, int srcPort, int dstPort, byte[] payload) throws Exception {
        UdpPacket.Builder udp = new UdpPacket.Builder().srcPort(UdpPort.getInstance((short) srcPort))
                .dstPort(UdpPort.getInstance((short) dstPort)).srcAddr(src).dstAddr(dst)
                .payloadBuilder(new UnknownPacket.Builder().rawData(payload)).correctChecksumAtBuild(true)
                .correctLengthAtBuild(true);
        ip(src, dst, ttl, ipId, IpNumber.UDP, udp);
    }

    /** A bare RST (no ACK, window 0) with the sequence number given, as an off-path forger sends it. */
    void tcpRst(Inet4Address src, Inet4Address dst, int ipId, int srcPort, int dstPort, int seq) throws Exception {
        TcpPacket.Builder tcp = new TcpPacket.Builder().srcAddr(src).dstAddr(dst)
                .srcPort(new TcpPort((short) srcPort, "from")).dstPort(new TcpPort((short) dstPort, "to"))
                .sequenceNumber(seq).acknowledgmentNumber(0).dataOffset((byte) 5).rst(true).window((short) 0)
                .correctChecksumAtBuild(true).correctLengthAtBuild(true);
        ip(src, dst, 64, ipId, IpNumber.TCP, tcp);
    }

    /** An ICMP echo request (type 8, RFC 792) with its id, sequence number and payload. */
    void echoRequest(Inet4Address src, Inet4Address dst, int ipId, short id, int seq, byte[] payload) throws Exception {
        IcmpV4EchoPacket.Builder echo = new IcmpV4EchoPacket.Builder().identifier(id).sequenceNumber((short) seq)
                .payloadBuilder(new UnknownPacket.Builder().rawData(payload));
        IcmpV4CommonPacket.Builder icmp = new IcmpV4CommonPacket.Builder().type(IcmpV4Type.ECHO).code(IcmpV4Code.NO_CODE)
                .payloadBuilder(echo).correctChecksumAtBuild(true);
        ip(src, dst, 64, ipId, IpNumber.ICMPV4, icmp);
    }

    private void ip(Inet4Address src, Inet4Address dst, int ttl, int ipId, IpNumber protocol, Packet.Builder payload)
            throws Exception {
        IpV4Packet.Builder ip = new IpV4Packet.Builder().version(IpVersion.IPV4).tos(IpV4Rfc791Tos.newInstance((byte) 0))
                .ttl((byte) ttl).protocol(protocol).srcAddr(src).dstAddr(dst).identification((short) ipId)
                .payloadBuilder(payload).correctChecksumAtBuild(true).correctLengthAtBuild(true);
        out.sendPacket(new EthernetPacket.Builder().srcAddr(srcMac).dstAddr(dstMac).type(EtherType.IPV4).payloadBuilder(ip)
                .paddingAtBuild(true).build());
    }

    @Override
    public void close() {
        out.close();
    }
}
