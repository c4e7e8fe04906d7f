package org.tcplab.gen.scenario;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
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
        return "icmp or " + probes();
    }

    /** The probes: UDP to the ports they are sent to, one per hop. */
    private String probes() {
        return "(udp and dst portrange " + FIRST_PROBE_PORT + "-" + (FIRST_PROBE_PORT + maxHops - 1) + ")";
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
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket d = new DecodedPacket();
        LiveCapture watch = ctx.hosts().client(() -> LiveCapture.start(new LiveCaptureOptions(iface, "(icmp and (icmp[0] == 11"
                + " or icmp[0] == 3)) or " + probes(), LiveCaptureOptions.DEFAULT_SNAPLEN, 1 << 20, true), null, true,
                Long.MAX_VALUE));
        List<String> hops = new ArrayList<>();
        boolean arrived = false;
        try (Injector out = Injector.client(ctx)) {
            for (int ttl = 1; ttl <= maxHops && !arrived; ttl++) {
                int probePort = FIRST_PROBE_PORT + ttl - 1;
                long sent = System.nanoTime();
                out.udp(src, dst, ttl, 4000 + ttl, 45000, probePort,
                        "tcplab traceroute probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
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
}
