package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.analysis.TcpState;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.gen.wan.WanTopology;
import org.tcplab.live.Privileges;
import org.tcplab.pipeline.CaptureAnalyzer;
import org.tcplab.wire.TcpFlags;

/**
 * The lab over its small network, as root: {@code lab --net wan --delay 20ms}, a client host, a
 * router, the emulated wire and a server host, each scenario captured at four vantage points.
 * Every vantage point must tell the same ending of every connection, and it must be the one each
 * host's kernel reports (ss -tan there); the first round trip is the wire's; ARP crosses the wire;
 * and when the lab is gone, so are its namespaces and their holders.
 */
class WanLabTest {
    private static final List<String> TCP = List.of("greeting", "rst-refused", "rst-abort", "exchange", "simultaneous-close",
            "http", "chat", "file-transfer", "rst-out-of-window", "rst-unread", "rst-after-close", "segment", "bulk");
    /** TCP scenarios whose kernel sockets are not on the scenario's one port: the vantage points must agree. */
    private static final List<String> TCP_MANY_PORTS = List.of("portscan");
    private static final List<String> VANTAGES = List.of("client", "router-a", "router-b", "server");
    @TempDir
    static Path dir;
    static String log;
    static long namespacesBefore;

    @BeforeAll
    static void runTheLab() throws Exception {
        assumeTrue(Privileges.isRoot(), "skipped: the lab needs root (network namespaces, capture)");
        namespacesBefore = netNamespaces();
        List<String> args = new java.util.ArrayList<>(List.of("--net", "wan", "--delay", "20ms"));
        for (String s : TCP) {
            args.add(s);
            if (s.equals("bulk")) {
                args.addAll(List.of("--bytes", "256K"));
            }
        }
        args.addAll(TCP_MANY_PORTS);
        args.addAll(List.of("udp-echo", "udp-big", "udp-lossy", "traceroute", "pmtud", "udp-spoof", "udp-broadcast", "icmp-echo"));
        log = LabRun.run(dir, 180, args);
    }

    private static long netNamespaces() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("lsns", "-t", "net", "-n", "-o", "NS").redirectErrorStream(true).start();
        long n = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().distinct().count();
        p.waitFor();
        return n;
    }

    @Test
    void everyVantagePoint_tellsTheSameEnding_andItIsTheKernels() throws Exception {
        for (String scenario : TCP) {
            Map<VantagePoints.Ports, TcpState[]> client = VantagePoints.states(dir.resolve(scenario + "-client.pcap"));
            assertFalse(client.isEmpty(), scenario);
            for (String v : VANTAGES) {
                Map<VantagePoints.Ports, TcpState[]> here = VantagePoints.states(dir.resolve(scenario + "-" + v + ".pcap"));
                assertEquals(render(client), render(here), scenario + " seen from " + v);
            }
            String text = Files.readString(dir.resolve(scenario + ".txt"));
            Map<String, String> kernel = kernelSockets(text);
            int serverPort = LabCommand.portOf(new java.util.ArrayList<>(org.tcplab.gen.scenario.Scenarios.all().keySet()),
                    scenario);
            for (var e : client.entrySet()) {
                int clientPort = e.getKey().client();
                assertEquals(serverPort, e.getKey().server(), scenario + ": the scenario's port");
                assertEquals(LabTest.ssName(e.getValue()[0]), kernel.get("client " + clientPort + ">" + serverPort),
                        scenario + ": the client of port " + clientPort + " vs its kernel: " + kernel);
                assertEquals(LabTest.ssName(e.getValue()[1]), kernel.get("server " + serverPort + ">" + clientPort),
                        scenario + ": the server vs its kernel: " + kernel);
            }
        }
    }

    @Test
    void aScanOfManyPorts_endsTheSame_fromEveryVantagePoint() throws Exception {
        for (String scenario : TCP_MANY_PORTS) {
            Map<VantagePoints.Ports, TcpState[]> client = VantagePoints.states(dir.resolve(scenario + "-client.pcap"));
            assertTrue(client.size() >= 10, scenario + ": a connection tried per port: " + render(client) + "\n" + log);
            for (String v : VANTAGES) {
                assertEquals(render(client), render(VantagePoints.states(dir.resolve(scenario + "-" + v + ".pcap"))),
                        scenario + " seen from " + v);
            }
        }
    }

    @Test
    void finsCrossOverTheWire_bothEndInTimeWait_fromEveryVantagePoint() throws Exception {
        for (String v : VANTAGES) {
            Map<VantagePoints.Ports, TcpState[]> here = VantagePoints.states(dir.resolve("simultaneous-close-" + v + ".pcap"));
            assertEquals(1, here.size(), "with 20 ms on the wire the first try crosses: " + log);
            for (TcpState[] s : here.values()) {
                assertEquals(TcpState.TIME_WAIT, s[0], v);
                assertEquals(TcpState.TIME_WAIT, s[1], v);
            }
        }
    }

    /**
     * The wire's delay is the floor of every handshake's round trip: a busy host only adds to a
     * sample (a thread of the wire or a kernel scheduled a slice late; once, 22.5 ms for 20), never
     * takes from it. So no handshake may come back faster than the wire, and the fastest must be
     * the wire's within 10 % (a path's propagation delay is its smallest round trip, as Linux's
     * min_rtt filter takes it).
     */
    @Test
    void theFirstRoundTrip_isTheWiresDelay_withinTenPercent() throws Exception {
        double fastest = Double.MAX_VALUE;
        List<String> samples = new java.util.ArrayList<>();
        for (String scenario : TCP) {
            double rttMs = firstRoundTripMs(dir.resolve(scenario + "-client.pcap"));
            if (rttMs < 0) {
                continue; // rst-refused: no SYN-ACK, the server's kernel answers RST
            }
            samples.add(scenario + " " + rttMs + " ms");
            assertTrue(rttMs >= 18, "SYN to SYN-ACK at the client faster than the wire: " + samples);
            fastest = Math.min(fastest, rttMs);
        }
        assertTrue(samples.size() >= 10, "a handshake in most scenarios: " + samples);
        assertTrue(fastest <= 22, "the fastest SYN to SYN-ACK at the client for --delay 20ms: " + samples);
    }

    /** SYN to SYN-ACK of the capture's first handshake in milliseconds, or -1 without one. */
    private static double firstRoundTripMs(Path capture) throws Exception {
        long[] syn = {-1};
        long[] synAck = {-1};
        try (FrameSource s = CaptureFiles.open(capture)) {
            new CaptureAnalyzer().run(s, v -> {
                int f = v.packet().tcpFlags();
                if (v.packet().isTcp() && (f & TcpFlags.SYN) != 0) {
                    long t = v.timeNanos();
                    if ((f & TcpFlags.ACK) == 0 && syn[0] < 0) {
                        syn[0] = t;
                    } else if ((f & TcpFlags.ACK) != 0 && synAck[0] < 0) {
                        synAck[0] = t;
                    }
                }
                return true;
            });
        }
        return syn[0] < 0 || synAck[0] < 0 ? -1 : (synAck[0] - syn[0]) / 1e6;
    }

    @Test
    void arpAndNeighbourDiscovery_resolveEachHop_acrossTheWire() throws Exception {
        String client = tshark(dir.resolve("network-client.pcap"));
        String routerB = tshark(dir.resolve("network-router-b.pcap"));
        assertTrue(client.contains("Who has " + WanTopology.ROUTER_A_ADDRESS + "? Tell " + WanTopology.CLIENT_ADDRESS), client);
        assertTrue(routerB.contains("Who has " + WanTopology.SERVER_ADDRESS + "? Tell " + WanTopology.ROUTER_B_ADDRESS), routerB);
        assertTrue(routerB.contains(WanTopology.SERVER_ADDRESS + " is at"), routerB);
        assertTrue(client.contains("Destination unreachable (Port unreachable)"), "the server's answer to the discard port: "
                + client);
    }

    @Test
    void traceroute_theRoutersTimeExceeded_thenTheServersPortUnreachable() throws Exception {
        List<String> answers = new java.util.ArrayList<>();
        org.tcplab.decode.PacketDecoder decoder = new org.tcplab.decode.PacketDecoder();
        try (FrameSource s = CaptureFiles.open(dir.resolve("traceroute-client.pcap"))) {
            new CaptureAnalyzer().run(s, v -> {
                var p = v.packet();
                if (p.layer() == org.tcplab.decode.Layer.ICMP && p.quotedDport() > 0) {
                    answers.add(p.icmpType() + "/" + p.icmpCode() + " from " + dotted(p.srcLo()) + " quoting port "
                            + p.quotedDport());
                }
                return true;
            });
        }
        // TTL 1 dies at the router (Time Exceeded in transit); TTL 2 reaches the server, whose port is closed
        assertEquals(List.of("11/0 from " + WanTopology.ROUTER_A_ADDRESS + " quoting port 33434",
                "3/3 from " + WanTopology.SERVER_ADDRESS + " quoting port 33435"), answers, log);
    }

    @Test
    void pmtud_theRoutersFragmentationNeeded_teachesTheNextHopMtu() throws Exception {
        Process p = new ProcessBuilder("tshark", "-r", dir.resolve("pmtud-client.pcap").toString(), "-Y",
                "icmp.type == 3 && icmp.code == 4", "-T", "fields", "-E", "occurrence=f", "-e", "ip.src", "-e", "icmp.mtu")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String icmp = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(WanTopology.ROUTER_A_ADDRESS + "\t1400", icmp, "the router's Fragmentation Needed, next-hop MTU 1400");
        assertTrue(log.contains("taught the kernel the path MTU, 1400 (IP_MTU)"), log);
        assertTrue(log.contains("sent 1372 bytes (1400 with the headers): it arrived"), log);
        assertTrue(log.contains("the client sends segments of at most 1360 bytes (ss -ti)"), log);
    }

    @Test
    void udpSpoof_theForgeriesReachTheClient_theConnectedSocketsPortAnswersUnreachable() throws Exception {
        String forger = "198.18.2.99";
        List<String> seen = new java.util.ArrayList<>();
        try (FrameSource s = CaptureFiles.open(dir.resolve("udp-spoof-client.pcap"))) {
            new CaptureAnalyzer().run(s, v -> {
                var p = v.packet();
                String src = dotted(p.srcLo());
                if (p.isUdp() && src.equals(forger)) {
                    seen.add("forged to " + p.dport());
                } else if (p.layer() == org.tcplab.decode.Layer.ICMP && p.icmpType() == 3 && p.icmpCode() == 3) {
                    seen.add("unreachable for " + p.quotedDport() + " to " + dotted(p.dstLo()));
                }
                return true;
            });
        }
        assertEquals(4, seen.size(), seen.toString());
        // the second forgery went to the connected socket: its kernel refused it
        assertEquals("unreachable for " + seen.get(1).substring("forged to ".length()) + " to " + forger, seen.get(2), seen.toString());
        assertTrue(log.contains("unconnected client: took \"reply to id=1\" from " + forger), log);
        assertTrue(log.contains("connected client: got only \"reply to id=2\" from the server"), log);
        assertTrue(log.contains("the request id caught the forgery"), log);
    }

    @Test
    void icmpEcho_injectedAtTheClient_crossesTheRouter_andTheServerAnswersEach() throws Exception {
        for (String v : VANTAGES) {
            List<String> seen = new java.util.ArrayList<>();
            try (FrameSource s = CaptureFiles.open(dir.resolve("icmp-echo-" + v + ".pcap"))) {
                new CaptureAnalyzer().run(s, view -> {
                    var p = view.packet();
                    if (p.layer() == org.tcplab.decode.Layer.ICMP && (p.icmpType() == 8 || p.icmpType() == 0)) {
                        assertEquals(org.tcplab.decode.ChecksumStatus.GOOD, org.tcplab.decode.Checksums.transport(p), v);
                        seen.add(p.icmpType() + " " + dotted(p.srcLo()) + ">" + dotted(p.dstLo()) + " seq " + p.icmpSeq()
                                + " ttl " + p.ttl());
                    }
                    return true;
                });
            }
            // each hop the router forwards takes one off the TTL: 64 before it, 63 after it
            boolean clientSide = v.equals("client") || v.equals("router-a");
            List<String> expected = new java.util.ArrayList<>();
            for (int seq = 1; seq <= 3; seq++) {
                expected.add("8 " + WanTopology.CLIENT_ADDRESS + ">" + WanTopology.SERVER_ADDRESS + " seq " + seq + " ttl "
                        + (clientSide ? 64 : 63));
                expected.add("0 " + WanTopology.SERVER_ADDRESS + ">" + WanTopology.CLIENT_ADDRESS + " seq " + seq + " ttl "
                        + (clientSide ? 63 : 64));
            }
            assertEquals(expected, seen, "at " + v);
        }
        assertTrue(log.contains("3 packets transmitted, 3 received"), log);
    }

    @Test
    void forgedRst_fromTheServersSide_crossesTheWire_isOutOfWindow_andIgnored() throws Exception {
        List<String> causes = new java.util.ArrayList<>();
        try (FrameSource s = CaptureFiles.open(dir.resolve("rst-out-of-window-client.pcap"))) {
            new CaptureAnalyzer().run(s, v -> {
                if (v.packet().isTcp() && (v.packet().tcpFlags() & TcpFlags.RST) != 0) {
                    causes.add(v.connection().rstCause() + " ttl " + v.packet().ttl() + " then " + v.connection().clientState());
                }
                return true;
            });
        }
        assertEquals(List.of(org.tcplab.analysis.RstCause.OUT_OF_WINDOW + " ttl 63 then " + TcpState.ESTABLISHED), causes,
                "forged on the server's host, forwarded by the router, ignored by the client (RFC 5961 §3.2)");
        assertTrue(log.contains("the connection survived: data still flows"), log);
    }

    private static String dotted(long a) {
        return (a >>> 24 & 255) + "." + (a >>> 16 & 255) + "." + (a >>> 8 & 255) + "." + (a & 255);
    }

    @Test
    void udpBroadcast_oneFrameToEveryone_bothPeersReceiveIt() throws Exception {
        for (String v : List.of("client", "peer-1")) {
            Process p = new ProcessBuilder("tshark", "-r", dir.resolve("udp-broadcast-" + v + ".pcap").toString(), "-Y", "udp",
                    "-T", "fields", "-e", "eth.dst", "-e", "ip.src", "-e", "ip.dst").redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String frames = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(60, TimeUnit.SECONDS);
            assertEquals("ff:ff:ff:ff:ff:ff\t" + WanTopology.CLIENT_ADDRESS + "\t" + WanTopology.CLIENT_BROADCAST, frames,
                    "one frame, to every station, seen at " + v);
        }
        assertTrue(log.contains("peer 1 (198.18.1.3) received it from " + WanTopology.CLIENT_ADDRESS), log);
        assertTrue(log.contains("peer 2 (198.18.1.4) received it from " + WanTopology.CLIENT_ADDRESS), log);
    }

    @Test
    void nothingIsLeft_noNamespace_noHolder() throws Exception {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            List<String> holders = procs.filter(p -> p.getFileName().toString().matches("\\d+")).map(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            }).filter(c -> c.contains(WanTopology.HOLDER_MARK)).toList();
            assertEquals(List.of(), holders);
        }
        // other tests' namespaces may have ended meanwhile; none of the lab's may be left
        long after = netNamespaces();
        assertTrue(after <= namespacesBefore, "the lab's namespaces are gone: " + namespacesBefore + " before, " + after + " after");
    }

    private static String render(Map<VantagePoints.Ports, TcpState[]> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k.client()).append('>').append(k.server()).append('=').append(v[0]).append('/').append(v[1]).append(' '));
        return sb.toString();
    }

    /** "client LOCALPORT>PEERPORT" or "server ..." to ss's state, from the report's socket tables. */
    private static Map<String, String> kernelSockets(String text) {
        Map<String, String> out = new HashMap<>();
        int at = text.indexOf("## The kernel's sockets");
        if (at < 0) {
            return out;
        }
        String host = null;
        for (String line : text.substring(at, text.indexOf("## Packets")).split("\n")) {
            if (line.startsWith("# ss -tan, on the client")) {
                host = "client";
                out.clear(); // only the last snapshot counts
            } else if (line.startsWith("# ss -tan, on the server")) {
                host = "server";
            } else if (host != null && !line.startsWith("#") && !line.startsWith("LISTEN")) {
                String[] f = line.split(" ");
                if (f.length >= 5) {
                    out.put(host + " " + LabRun.port(f[3]) + ">" + LabRun.port(f[4]), f[0]);
                }
            }
        }
        return out;
    }

    private static String tshark(Path pcap) throws Exception {
        Process p = new ProcessBuilder("tshark", "-r", pcap.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
