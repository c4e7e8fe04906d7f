package org.tcplab.gen.scenario;

import java.net.Inet4Address;
import java.net.ServerSocket;
import java.net.Socket;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.TcpPort;
import org.pcap4j.util.MacAddress;

/**
 * An RST with a sequence number far outside the receiver's window, crafted with pcap4j and
 * injected on loopback while a connection is established. RFC 5961 §3.2: the receiver must not
 * reset the connection; the exchange goes on afterwards.
 */
public final class RstOutOfWindow implements Scenario {
    /** Far from any window a fresh connection could have (the ISNs are random, the window 64 KiB). */
    static final int FORGED_SEQ = 0x13572468;

    @Override
    public String name() {
        return "rst-out-of-window";
    }

    @Override
    public String description() {
        return "a forged RST outside the window (injected with libpcap) is ignored; the connection lives on";
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        try (ServerSocket server = ctx.listen(5);
             Socket c = ctx.connect();
             Socket s = server.accept()) {
            Lines.write(c.getOutputStream(), "before");
            ScenarioContext.expect("before".equals(Lines.read(s.getInputStream())), "no data before");
            inject(ctx, c.getLocalPort());
            ctx.say("injected RST seq=" + Integer.toUnsignedString(FORGED_SEQ) + " from port " + ctx.port()
                    + " to the client's port " + c.getLocalPort());
            Thread.sleep(100);
            Lines.write(c.getOutputStream(), "after");
            ScenarioContext.expect("after".equals(Lines.read(s.getInputStream())), "the connection did not survive the RST");
            ctx.say("the connection survived: data still flows");
            ctx.snapshotSockets("after the forged RST");
        }
    }

    private static void inject(ScenarioContext ctx, int clientPort) throws Exception {
        Inet4Address lo = (Inet4Address) ctx.address();
        TcpPacket.Builder tcp = new TcpPacket.Builder()
                .srcAddr(lo).dstAddr(lo)
                .srcPort(new TcpPort((short) ctx.port(), "lab")).dstPort(new TcpPort((short) clientPort, "client"))
                .sequenceNumber(FORGED_SEQ).acknowledgmentNumber(0)
                .dataOffset((byte) 5).rst(true).window((short) 0)
                .correctChecksumAtBuild(true).correctLengthAtBuild(true);
        IpV4Packet.Builder ip = new IpV4Packet.Builder()
                .version(IpVersion.IPV4).tos(IpV4Rfc791Tos.newInstance((byte) 0)).ttl((byte) 64)
                .protocol(IpNumber.TCP).srcAddr(lo).dstAddr(lo).identification((short) 4242)
                .payloadBuilder(tcp).correctChecksumAtBuild(true).correctLengthAtBuild(true);
        EthernetPacket.Builder eth = new EthernetPacket.Builder()
                .srcAddr(MacAddress.getByName("00:00:00:00:00:00")).dstAddr(MacAddress.getByName("00:00:00:00:00:00"))
                .type(EtherType.IPV4).payloadBuilder(ip).paddingAtBuild(true);
        PcapNetworkInterface nif = Pcaps.getDevByName("lo");
        try (PcapHandle h = nif.openLive(128, PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS, 100)) {
            h.sendPacket(eth.build());
        }
    }
}
