package org.tcplab.gen;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcplab.capture.CaptureWriter;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.gen.scenario.Scenario;
import org.tcplab.gen.scenario.ScenarioContext;
import org.tcplab.gen.wan.LinkEmulator;
import org.tcplab.gen.wan.LinkProfile;
import org.tcplab.gen.wan.WanHosts;
import org.tcplab.gen.wan.WanTopology;
import org.tcplab.live.CaptureFailure;
import org.tcplab.live.LiveCapture;
import org.tcplab.live.LiveCaptureOptions;

/**
 * The lab over its small network ({@code lab --net wan}): the client and server hosts, the router
 * between them and the emulated wire on the server's link. Each scenario is captured at five
 * vantage points at once (the client's eth0, the router's two interfaces, the server's eth0, a peer's) into
 * SCENARIO-VANTAGE.pcap, and its report says what each vantage point makes of both endpoints'
 * final states beside what each host's kernel says.
 */
final class WanLab {
    /** Scenarios that need a router and a smaller link on the way: they have no place on one loopback. */
    static final List<String> NETWORK_ONLY = List.of("pmtud", "udp-broadcast");
    /** Vantage point name, host, interface. */
    private static final String[][] VANTAGES = {{"client", WanTopology.CLIENT, "eth0"}, {"router-a", WanTopology.ROUTER, "eth0"},
            {"router-b", WanTopology.ROUTER, "eth1"}, {"server", WanTopology.SERVER, "eth0"}, {"peer-1", "peer-1", "eth0"}};

    private final Path out;
    private final LinkProfile link;
    private final long seed;
    private final String linkWords;
    private final long outageAtNanos;
    private final long outageNanos;

    WanLab(Path out, LinkProfile link, long seed, String linkWords, long outageAtNanos, long outageNanos) {
        this.out = out;
        this.link = link;
        this.seed = seed;
        this.linkWords = linkWords;
        this.outageAtNanos = outageAtNanos;
        this.outageNanos = outageNanos;
    }

    /** Runs the scenarios; the number that did not go as expected. */
    int run(List<ScenarioSelection.Selected> run) throws Exception {
        int failed = 0;
        try (WanTopology net = WanTopology.up(1500, 1400);
             LinkEmulator wire = net.inside(WanTopology.WIRE, () -> LinkEmulator.start("w0", "w1", link, link, seed))) {
            System.out.println("network: client " + WanTopology.CLIENT_ADDRESS + " (MTU 1500) - router - wire (" + linkWords
                    + ") - server " + WanTopology.SERVER_ADDRESS + " (MTU 1400)");
            warmUp(net);
            for (ScenarioSelection.Selected s : run) {
                if (!runOne(net, wire, s.scenario(), s.port())) {
                    failed++;
                }
            }
            System.out.println("  the wire, router to server: " + wire.aToB() + "; server to router: " + wire.bToA());
        }
        return failed;
    }

    /**
     * The network coming up, captured at every vantage point into network-VANTAGE.pcap: one UDP
     * datagram from the client to the server's discard port, over IPv4 and IPv6, so that ARP and
     * neighbour discovery resolve each hop (and the server answers Port Unreachable). Done once,
     * before the scenarios, so that their first round trip is the wire's, not an address lookup's.
     */
    private void warmUp(WanTopology net) throws Exception {
        Map<String, LiveCapture> captures = capture(net, "network", "arp or icmp or icmp6 or udp port 9", new LinkedHashMap<>());
        try {
            Thread.sleep(100);
            net.inside(WanTopology.CLIENT, () -> {
                try (java.net.DatagramSocket d = new java.net.DatagramSocket()) {
                    for (String to : List.of(WanTopology.SERVER_ADDRESS, "fd00:2::2")) {
                        byte[] hello = "who is there?".getBytes(StandardCharsets.US_ASCII);
                        d.send(new java.net.DatagramPacket(hello, hello.length, InetAddress.getByName(to), 9));
                    }
                }
                return null;
            });
            Thread.sleep(1000 + 2 * link.delayNanos() / 1_000_000); // neighbour discovery takes the longest
        } finally {
            for (LiveCapture c : captures.values()) {
                c.close();
            }
        }
        System.out.println("  ARP and neighbour discovery resolved each hop: " + out + "/network-VANTAGE.pcap");
    }

    /** A capture at each vantage point into NAME-VANTAGE.pcap; files gets each one's path. */
    private Map<String, LiveCapture> capture(WanTopology net, String name, String filter, Map<String, Path> files)
            throws Exception {
        Map<String, LiveCapture> captures = new LinkedHashMap<>();
        try {
            for (String[] v : VANTAGES) {
                Path pcap = out.resolve(name + "-" + v[0] + ".pcap");
                files.put(v[0], pcap);
                captures.put(v[0], net.inside(v[1], () -> LiveCapture.start(new LiveCaptureOptions(v[2], filter,
                        LiveCaptureOptions.DEFAULT_SNAPLEN, 8 << 20, true), (lt, snap) -> CaptureWriter.open(pcap, lt, snap,
                        v[0] + " " + v[2], filter), false, Long.MAX_VALUE)));
            }
        } catch (CaptureFailure f) {
            for (LiveCapture c : captures.values()) {
                c.close();
            }
            throw new Failure(ExitCodes.NO_PERMISSION, f.getMessage());
        }
        return captures;
    }

    private boolean runOne(WanTopology net, LinkEmulator wire, Scenario s, int port) throws Exception {
        System.out.println(s.name() + ": " + s.description());
        String filter = "(" + s.filter(port) + ") or arp or icmp or icmp6";
        Map<String, Path> files = new LinkedHashMap<>();
        ScenarioContext ctx = new ScenarioContext(InetAddress.getByName(WanTopology.SERVER_ADDRESS), port, System.out,
                new WanHosts(net));
        Map<String, LiveCapture> captures = capture(net, s.name(), filter, files);
        String error = null;
        try {
            for (String caveat : s.caveats(ctx.kernel())) {
                System.out.println("  note: " + caveat);
            }
            Thread.sleep(100);
            long start = System.nanoTime();
            if (outageNanos > 0) {
                wire.outage(outageAtNanos, outageNanos);
            }
            try {
                s.run(ctx);
            } finally {
                wire.noOutage(); // never on the drain below or the next scenario
            }
            if (outageNanos > 0 && System.nanoTime() - start < outageAtNanos) {
                System.out.println("  note: the scenario was over before the wire went down (--outage-at "
                        + outageAtNanos / 1_000_000 + "ms): it saw no outage");
            }
            // what is still on the wire arrives before the captures stop
            Thread.sleep(300 + 2 * link.delayNanos() / 1_000_000);
        } catch (Exception e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            for (LiveCapture c : captures.values()) {
                c.close();
            }
        }
        Path main = files.get("client");
        StringBuilder head = new StringBuilder("# " + s.name() + ": " + s.description() + "\n");
        head.append("# the lab network: client ").append(WanTopology.CLIENT_ADDRESS).append(" (eth0, MTU 1500) - router ")
                .append(WanTopology.ROUTER_A_ADDRESS).append(" / ").append(WanTopology.ROUTER_B_ADDRESS)
                .append(" - wire (").append(linkWords).append(") - server ").append(WanTopology.SERVER_ADDRESS)
                .append(" (eth0, MTU 1400); this report is the client's capture\n");
        for (var e : files.entrySet()) {
            head.append(VantagePoints.headerLine(e.getKey(), e.getValue())).append('\n');
        }
        if (error != null) {
            head.append("# FAILED: ").append(error).append('\n');
        }
        Files.writeString(out.resolve(s.name() + ".txt"), Report.render(main, head.toString(),
                String.join("", ctx.socketSnapshots())), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(s.name() + ".html"), Report.html(main), StandardCharsets.UTF_8);
        StringBuilder counts = new StringBuilder();
        for (var e : captures.entrySet()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue().stats().captured());
        }
        System.out.println(error == null ? "  ok: packets at each vantage point: " + counts + " (" + out + "/" + s.name()
                + "-VANTAGE.pcap)" : "  FAILED: " + error);
        return error == null;
    }
}
