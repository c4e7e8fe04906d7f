package org.tcplab.gen.scenario;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
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
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Layer;
import org.tcplab.decode.PacketDecoder;
import org.tcplab.live.CapturedPacket;
import org.tcplab.live.LiveCapture;
import org.tcplab.live.LiveCaptureOptions;

/**
 * traceroute, built by hand (Van Jacobson's method): UDP probes to an unused port with TTL 1, 2,
 * 3 ... Each router on the way decrements the TTL, and the one that takes it to 0 drops the probe
 * and answers ICMP Time Exceeded (type 11, code 0) quoting it (RFC 792; RFC 1812 §5.3.1); the
 * destination answers Port Unreachable (type 3, code 3, RFC 1122 §3.2.2.1). Java has no unicast
 * TTL option, so the probes are built with pcap4j and injected on the client's interface; the
 * answers are captured there and matched to their probes by the quoted destination port.
 */
public final class Traceroute implements Scenario {
    /** Probes go to 33434 + hop - 1, as traceroute's do: ports nothing listens on. */
    static final int FIRST_PROBE_PORT = 33434;
    private final int maxHops;

    public Traceroute(int maxHops) {
        this.maxHops = maxHops;
    }

    @Override
    public String name() {
        return "traceroute";
    }

    @Override
    public String description() {
        return "UDP probes with TTL 1, 2, 3 ...: each router's Time Exceeded, then the destination's Port Unreachable";
    }

    @Override
    public String filter(int port) {
        return "icmp or (udp and dst portrange " + FIRST_PROBE_PORT + "-" + (FIRST_PROBE_PORT + maxHops - 1) + ")";
    }

    @Override
    public java.util.List<String> caveats(KernelFacts k) {
        String why = k.injectionOnLoDropped(k.iface());
        return why == null ? java.util.List.of() : java.util.List.of(why + ": expect the probes and no answers");
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        String iface = ctx.kernel().iface();
        Inet4Address src = (Inet4Address) ctx.hosts().clientAddress();
        Inet4Address dst = (Inet4Address) ctx.address();
        boolean loopback = iface.equals("lo");
        MacAddress srcMac = loopback ? MacAddress.getByName("00:00:00:00:00:00") : ctx.kernel().macAddress(iface);
        MacAddress dstMac = loopback ? srcMac : ctx.kernel().gatewayMac(iface);
        ScenarioContext.expect(srcMac != null && dstMac != null, "cannot find the MAC addresses on " + iface
                + " (ip link, ip neigh)");
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket d = new DecodedPacket();
        LiveCapture watch = ctx.hosts().client(() -> LiveCapture.start(new LiveCaptureOptions(iface, "(icmp and (icmp[0] == 11"
                + " or icmp[0] == 3)) or (udp and " + filter(0).substring(filter(0).indexOf("dst portrange")), LiveCaptureOptions.DEFAULT_SNAPLEN, 1 << 20, true), null, true, Long.MAX_VALUE));
        List<String> hops = new ArrayList<>();
        boolean arrived = false;
        try (PcapHandle out = ctx.hosts().client(() -> Pcaps.getDevByName(iface).openLive(65536,
                PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS, 100))) {
            for (int ttl = 1; ttl <= maxHops && !arrived; ttl++) {
                int probePort = FIRST_PROBE_PORT + ttl - 1;
                long sent = System.nanoTime();
                out.sendPacket(probe(srcMac, dstMac, src, dst, ttl, probePort));
                String answer = null;
                long probeSeen = -1; // the probe's own capture time: round trips from the capture's clock
                long deadline = sent + 2_000_000_000L;
                while (answer == null && System.nanoTime() < deadline) {
                    CapturedPacket p = Watch.next(watch, deadline);
                    if (p == null) {
                        break;
                    }
                    decoder.decode(p.data(), 0, p.data().length, p.originalLength(), watch.linkType(), d);
                    long t = p.epochSeconds() * 1_000_000_000L + p.nanos();
                    if (d.layer() == Layer.UDP && d.dport() == probePort && probeSeen < 0) {
                        probeSeen = t;
                        continue;
                    }
                    if (d.layer() != Layer.ICMP || d.quotedDport() != probePort) {
                        continue;
                    }
                    double ms = probeSeen < 0 ? (System.nanoTime() - sent) / 1e6 : (t - probeSeen) / 1e6;
                    InetAddress from = InetAddress.getByAddress(address(d));
                    if (d.icmpType() == 11) {
                        answer = String.format("%2d  %s  %.3f ms  Time Exceeded: the router that took the TTL to 0 dropped"
                                + " the probe and quotes it (dst port %d)", ttl, from.getHostAddress(), ms, probePort);
                    } else if (d.icmpType() == 3 && d.icmpCode() == 3) {
                        answer = String.format("%2d  %s  %.3f ms  Port Unreachable: the destination itself (nothing"
                                + " listens on %d)", ttl, from.getHostAddress(), ms, probePort);
                        arrived = true;
                    }
                }
                hops.add(answer == null ? String.format("%2d  *  no answer within 2 s", ttl) : answer);
                ctx.say(hops.get(hops.size() - 1));
            }
        } finally {
            watch.stop();
            watch.close();
        }
        String why = ctx.kernel().injectionOnLoDropped(iface);
        ScenarioContext.expect(arrived, "the probes never reached " + dst.getHostAddress() + " within " + maxHops + " hops"
                + (why == null ? "" : ": " + why));
        ctx.say(dst.getHostAddress() + " is " + hops.size() + " hop" + (hops.size() == 1 ? "" : "s") + " away: "
                + (hops.size() - 1) + " router" + (hops.size() == 2 ? "" : "s") + " on the way");
    }

    /** The answering host's address: the ICMP packet's own source. */
    private static byte[] address(DecodedPacket d) {
        long lo = d.srcLo();
        return new byte[] {(byte) (lo >>> 24), (byte) (lo >>> 16), (byte) (lo >>> 8), (byte) lo};
    }

    private static EthernetPacket probe(MacAddress srcMac, MacAddress dstMac, Inet4Address src, Inet4Address dst, int ttl,
                                        int port) {
        byte[] payload = "tcplab traceroute probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        UdpPacket.Builder udp = new UdpPacket.Builder().srcPort(UdpPort.getInstance((short) 45000))
                .dstPort(UdpPort.getInstance((short) port)).srcAddr(src).dstAddr(dst)
                .payloadBuilder(new UnknownPacket.Builder().rawData(payload)).correctChecksumAtBuild(true)
                .correctLengthAtBuild(true);
        IpV4Packet.Builder ip = new IpV4Packet.Builder().version(IpVersion.IPV4).tos(IpV4Rfc791Tos.newInstance((byte) 0))
                .ttl((byte) ttl).protocol(IpNumber.UDP).srcAddr(src).dstAddr(dst).identification((short) (4000 + ttl))
                .payloadBuilder(udp).correctChecksumAtBuild(true).correctLengthAtBuild(true);
        return new EthernetPacket.Builder().srcAddr(srcMac).dstAddr(dstMac).type(EtherType.IPV4).payloadBuilder(ip)
                .paddingAtBuild(true).build();
    }
}
