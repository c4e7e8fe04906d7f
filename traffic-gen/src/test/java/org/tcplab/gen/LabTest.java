package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.analysis.RstCause;
import org.tcplab.analysis.TcpState;
import org.tcplab.analysis.Transition;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.pipeline.CaptureAnalyzer;

/**
 * The lab for real, as root: each scenario's traffic through the kernel in a private namespace,
 * captured with our sniffer, analysed, and the analysis checked against what the kernel did:
 * the RST cause of each RST scenario, the transitions, and the final states against the kernel's
 * own socket table (ss -tan). Skipped, with that reason in the report, only when not root.
 */
class LabTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void runTheLab() throws Exception {
        LabRun.run(dir, 180, List.of());
    }

    /** What the analyzer says of one scenario's capture. */
    record Result(List<Transition> transitions, List<RstCause> rstCauses, TcpState client, TcpState server, String text,
                  TcpState clientAfterRst, TcpState serverAfterRst) {
    }

    static Result analyse(String scenario) throws IOException {
        List<Transition> ts = new ArrayList<>();
        List<RstCause> causes = new ArrayList<>();
        TcpState[] last = new TcpState[2];
        TcpState[] afterRst = new TcpState[2];
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(dir.resolve(scenario + ".pcap"))) {
            analyzer.run(s, v -> {
                var c = v.connection();
                ts.addAll(c.transitions());
                if (c.rstCause() != null) {
                    causes.add(c.rstCause());
                    afterRst[0] = c.clientState();
                    afterRst[1] = c.serverState();
                }
                if (c.clientState() != null) {
                    last[0] = c.clientState();
                    last[1] = c.serverState();
                }
                return true;
            });
        }
        return new Result(ts, causes, last[0], last[1], Files.readString(dir.resolve(scenario + ".txt")), afterRst[0],
                afterRst[1]);
    }

    /** The kernel's states in the scenario's last ss snapshot, by local port. */
    static Map<Integer, String> kernelStates(String text) {
        return kernelStates(text, "");
    }

    /** The kernel's states in the last snapshot whose label contains {@code label}. */
    static Map<Integer, String> kernelStates(String text, String label) {
        String sockets = text.substring(text.indexOf("## The kernel's sockets"), text.indexOf("## Packets"));
        String snapshot = sockets.substring(sockets.lastIndexOf("# ss -tan, " + label));
        int next = snapshot.indexOf("# ss -tan", 1);
        Map<Integer, String> states = new HashMap<>();
        for (String line : (next < 0 ? snapshot : snapshot.substring(0, next)).split("\n")) {
            String[] f = line.split(" ");
            if (f.length >= 5 && !f[0].equals("LISTEN") && !f[0].equals("#")) {
                states.put(LabRun.port(f[3]), f[0]);
            }
        }
        return states;
    }

    /** ss's name for a state; CLOSED sockets are gone from its table. */
    static String ssName(TcpState s) {
        return switch (s) {
            case ESTABLISHED -> "ESTAB";
            case SYN_RECEIVED -> "SYN-RECV";
            case CLOSED -> null;
            default -> s.label();
        };
    }

    static void assertStatesMatchKernel(Result r, int serverPort) {
        Map<Integer, String> kernel = kernelStates(r.text());
        assertEquals(ssName(r.server()), kernel.get(serverPort), "server state vs ss -tan: " + kernel);
        long clientSockets = kernel.keySet().stream().filter(p -> p != serverPort).count();
        if (ssName(r.client()) == null) {
            assertEquals(0, clientSockets, "the client is CLOSED: the kernel must have no socket for it: " + kernel);
        } else {
            assertTrue(kernel.containsValue(ssName(r.client())), "client " + r.client() + " vs " + kernel);
        }
    }

    @Test
    void greeting_handshakeThenServerClosesFirst_statesMatchTheKernel() throws Exception {
        Result r = analyse("greeting");
        List<String> arrows = r.transitions().stream().map(t -> t.endpoint() + " " + t.from().label() + ">" + t.to().label()).toList();
        assertEquals(List.of("client CLOSED>SYN-SENT", "server LISTEN>SYN-RECEIVED", "client SYN-SENT>ESTABLISHED",
                "server SYN-RECEIVED>ESTABLISHED", "server ESTABLISHED>FIN-WAIT-1", "client ESTABLISHED>CLOSE-WAIT",
                // the client's FIN carries the ACK of the server's FIN: the client moves as sender
                // first, then the server takes both arrows, ACK before FIN (RFC 9293 §3.10.7.4)
                "client CLOSE-WAIT>LAST-ACK", "server FIN-WAIT-1>FIN-WAIT-2", "server FIN-WAIT-2>TIME-WAIT",
                "client LAST-ACK>CLOSED"), arrows);
        assertEquals(TcpState.TIME_WAIT, r.server());
        assertEquals(TcpState.CLOSED, r.client());
        assertStatesMatchKernel(r, LabCommand.FIRST_PORT);
        assertTrue(r.text().contains("Hello Alice!") || r.text().contains("len=13"), "the exchange is in the capture");
    }

    @Test
    void refused_isClassifiedRefused_andBothClosed() throws Exception {
        Result r = analyse("rst-refused");
        assertEquals(List.of(RstCause.REFUSED), r.rstCauses());
        assertEquals(TcpState.CLOSED, r.client());
        assertStatesMatchKernel(r, LabCommand.FIRST_PORT + 1);
    }

    @Test
    void soLingerZero_isClassifiedAbort() throws Exception {
        Result r = analyse("rst-abort");
        assertEquals(List.of(RstCause.ABORT), r.rstCauses());
        assertEquals(TcpState.CLOSED, r.client());
        assertEquals(TcpState.CLOSED, r.server());
        assertStatesMatchKernel(r, LabCommand.FIRST_PORT + 2);
    }

    @Test
    void closeWithUnreadData_isClassifiedUnreadData() throws Exception {
        Result r = analyse("rst-unread");
        assertEquals(List.of(RstCause.UNREAD_DATA), r.rstCauses());
        assertStatesMatchKernel(r, LabCommand.FIRST_PORT + 3);
    }

    @Test
    void writeAfterClose_isClassifiedAfterClose() throws Exception {
        Result r = analyse("rst-after-close");
        assertEquals(List.of(RstCause.AFTER_CLOSE), r.rstCauses());
        assertStatesMatchKernel(r, LabCommand.FIRST_PORT + 4);
    }

    @Test
    void forgedRstOutsideTheWindow_isClassifiedOutOfWindow_andChangesNothing() throws Exception {
        Result r = analyse("rst-out-of-window");
        assertEquals(List.of(RstCause.OUT_OF_WINDOW), r.rstCauses());
        assertEquals(TcpState.ESTABLISHED, r.clientAfterRst(), "RFC 5961: ignored");
        assertEquals(TcpState.ESTABLISHED, r.serverAfterRst());
        // the kernel agrees: after the forged RST its sockets were still established
        assertEquals("ESTAB", kernelStates(r.text(), "after the forged RST").get(LabCommand.FIRST_PORT + 5));
        // and the ordinary teardown afterwards ends as the kernel says
        assertStatesMatchKernel(r, LabCommand.FIRST_PORT + 5);
    }

    @Test
    void exchange_clientClosesFirst_endsInTimeWait_asTheKernelSays() throws Exception {
        Result r = analyse("exchange");
        assertTrue(r.transitions().stream().anyMatch(t -> t.endpoint() == org.tcplab.analysis.Role.CLIENT && t.to() == TcpState.FIN_WAIT_1),
                r.transitions().toString());
        assertEquals(TcpState.TIME_WAIT, r.client());
        assertEquals(TcpState.CLOSED, r.server());
        assertTrue(r.text().contains("len=16"), "\"20215120807 lyh\\n\" is 16 bytes each way");
        assertStatesMatchKernel(r, LabCommand.FIRST_PORT + 6);
    }

    @Test
    void segment_2950BytesGoAs1460Plus1460Plus30_andTheLastAckIsIsnPlus2951() throws Exception {
        List<Integer> clientPayloads = new ArrayList<>();
        long[] lastServerAck = {-1};
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(dir.resolve("segment.pcap"))) {
            analyzer.run(s, v -> {
                var p = v.packet();
                if (v.connection().fromClient() && p.payloadLength() > 0) {
                    clientPayloads.add(p.payloadLength());
                }
                if (!v.connection().fromClient() && (p.tcpFlags() & org.tcplab.wire.TcpFlags.ACK) != 0) {
                    lastServerAck[0] = Math.max(lastServerAck[0], v.tcp().ack());
                }
                return true;
            });
        }
        assertEquals(List.of(1460, 1460, 30), clientPayloads, "MSS 1460 with MTU 1500, no timestamps");
        // relative ack 2952 after the client's FIN; the data itself is acknowledged by ack 2951 = ISN + 2951
        assertTrue(analyse("segment").text().contains("ack=2951"), "the server acknowledges ISN + 2951");
        assertEquals(2952, lastServerAck[0], "then its FIN is acknowledged too");
    }

    @Test
    void udpEcho_hasNoHandshake_justDatagrams() throws Exception {
        int[] udp = {0};
        int[] tcp = {0};
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(dir.resolve("udp-echo.pcap"))) {
            analyzer.run(s, v -> {
                var p = v.packet();
                if (p.isUdp()) {
                    udp[0]++;
                }
                if (p.isTcp()) {
                    tcp[0]++;
                }
                return true;
            });
        }
        assertEquals(6, udp[0], "three requests, three replies");
        assertEquals(0, tcp[0], "no handshake, no teardown, no ACKs");
    }

    @Test
    void udpBig_travelsAsIpFragments_reassembledAtTheLast() throws Exception {
        int[] fragments = {0};
        int[] reassembledLength = {-1};
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(dir.resolve("udp-big.pcap"))) {
            analyzer.run(s, v -> {
                var p = v.packet();
                if (p.isFragment()) {
                    fragments[0]++;
                }
                if (p.isReassembled()) {
                    reassembledLength[0] = p.udpLength() - 8;
                }
                return true;
            });
        }
        assertEquals(2, fragments[0], "4008 bytes of UDP in 1480-byte fragments: two, then the last completes it");
        assertEquals(4000, reassembledLength[0]);
    }

    @Test
    void udpLossy_retriesWithDoublingGaps_fromTheCapture() throws Exception {
        // client requests carry "id=N try=K"; the gaps between tries of one id must double from 0.1 s
        java.util.Map<Integer, List<Long>> tries = new java.util.TreeMap<>();
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(dir.resolve("udp-lossy.pcap"))) {
            analyzer.run(s, v -> {
                var p = v.packet();
                var f = v.frame();
                if (p.isUdp() && p.dport() == LabCommand.FIRST_PORT + 10) {
                    String text = new String(p.l4Data(), p.l4Offset() + 8, p.udpLength() - 8, StandardCharsets.US_ASCII);
                    int id = Integer.parseInt(text.substring(3, text.indexOf(' ')));
                    tries.computeIfAbsent(id, k -> new ArrayList<>()).add(f.epochSeconds() * 1_000_000_000L + f.nanos());
                }
                return true;
            });
        }
        assertEquals(4, tries.size(), "four requests");
        int retried = 0;
        for (List<Long> times : tries.values()) {
            for (int k = 1; k < times.size(); k++) {
                double gapMs = (times.get(k) - times.get(k - 1)) / 1e6;
                double expected = 100.0 * (1 << (k - 1));
                assertTrue(Math.abs(gapMs - expected) < 0.25 * expected + 15, "try " + (k + 1) + " after " + gapMs + " ms, expected " + expected);
                retried++;
            }
            assertTrue(times.size() <= 5, "gives up once the wait would pass 2 s: " + times.size() + " tries");
        }
        assertTrue(retried > 0, "with drop 0.5 some requests are retried");
    }

    @Test
    void portscan_findsTheListeners_openBySynAck_closedByRst() throws Exception {
        List<org.tcplab.analysis.ConnectionSummary> rows = new ArrayList<>();
        try (FrameSource s = CaptureFiles.open(dir.resolve("portscan.pcap"))) {
            new CaptureAnalyzer().summarise(s, v -> true, rows);
        }
        java.util.Set<Integer> open = new java.util.TreeSet<>();
        java.util.Set<Integer> closed = new java.util.TreeSet<>();
        for (var c : rows) {
            int port = c.server().port();
            if (c.connState().equals("REJ")) {
                closed.add(port);
            } else if (c.history().contains("h")) {
                open.add(port);
            }
        }
        int first = LabCommand.FIRST_PORT + 100;
        assertEquals(java.util.Set.of(first + 1, first + 3, first + 7), open);
        assertEquals(7, closed.size(), "the other seven ports answered RST");
    }

    @Test
    void icmpEcho_everyRequestHasAReply_withGoodChecksums() throws Exception {
        java.util.Set<Integer> requests = new java.util.TreeSet<>();
        java.util.Set<Integer> replies = new java.util.TreeSet<>();
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(dir.resolve("icmp-echo.pcap"))) {
            analyzer.run(s, v -> {
                var f = v.frame();
                var p = v.packet();
                var t = v.tcp();
                assertEquals(org.tcplab.decode.ChecksumStatus.GOOD, org.tcplab.decode.Checksums.transport(p), "frame " + f.number());
                (p.icmpType() == 8 ? requests : replies).add(p.icmpSeq());
                return true;
            });
        }
        assertEquals(java.util.Set.of(1, 2, 3), requests);
        assertEquals(requests, replies, "an echo reply for every echo request");
    }

    @Test
    void simultaneousClose_finsCrossed_bothEndInTimeWait_andEveryAttemptEndsAsTheKernelSays() throws Exception {
        int serverPort = LabCommand.FIRST_PORT + 13;
        Map<Integer, TcpState[]> byClientPort = new HashMap<>();
        Map<Integer, Boolean> crossed = new HashMap<>();
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(dir.resolve("simultaneous-close.pcap"))) {
            analyzer.run(s, v -> {
                var c = v.connection();
                if (c.clientState() != null) {
                    int clientPort = c.fromClient() ? v.packet().sport() : v.packet().dport();
                    byClientPort.put(clientPort, new TcpState[] {c.clientState(), c.serverState()});
                    boolean x = c.transitions().stream().anyMatch(t -> t.why() == org.tcplab.analysis.TransitionCause.FINS_CROSSED);
                    crossed.merge(clientPort, x, Boolean::logicalOr);
                }
                return true;
            });
        }
        String text = Files.readString(dir.resolve("simultaneous-close.txt"));
        String sockets = text.substring(text.indexOf("## The kernel's sockets"), text.indexOf("## Packets"));
        // ss's lines: STATE RECV-Q SEND-Q LOCAL PEER; each connection has a socket at each end
        Map<String, String> kernel = new HashMap<>();
        for (String line : sockets.split("\n")) {
            String[] f = line.split(" ");
            if (f.length >= 5 && !f[0].equals("LISTEN") && !f[0].equals("#")) {
                kernel.put(LabRun.port(f[3]) + ">" + LabRun.port(f[4]), f[0]);
            }
        }
        assertTrue(crossed.containsValue(true), "one attempt's FINs crossed: " + crossed);
        for (var e : byClientPort.entrySet()) {
            int clientPort = e.getKey();
            TcpState client = e.getValue()[0];
            TcpState server = e.getValue()[1];
            if (crossed.get(clientPort)) {
                assertEquals(TcpState.TIME_WAIT, client, "crossed: client");
                assertEquals(TcpState.TIME_WAIT, server, "crossed: server");
            }
            assertEquals(ssName(client), kernel.get(clientPort + ">" + serverPort), "client of " + clientPort + ": " + kernel);
            assertEquals(ssName(server), kernel.get(serverPort + ">" + clientPort), "server of " + clientPort + ": " + kernel);
        }
    }

    @Test
    void bulk_everyByteCrosses_inFullSizedSegments() throws Exception {
        long[] payload = {0};
        int[] largest = {0};
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(dir.resolve("bulk.pcap"))) {
            analyzer.run(s, v -> {
                if (v.connection().fromClient() && !org.tcplab.analysis.AnalysisFlag.RETRANSMISSION.in(v.connection().analysisFlags())) {
                    payload[0] += v.packet().payloadLength();
                    largest[0] = Math.max(largest[0], v.packet().payloadLength());
                }
                return true;
            });
        }
        assertEquals(2L << 20, payload[0], "2 MiB from the client");
        assertEquals(1460, largest[0], "no segment above the MSS: offloads are off");
    }

    @Test
    void traceroute_onLoopback_theDestinationIsTheFirstHop() throws Exception {
        List<String> answers = new ArrayList<>();
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(dir.resolve("traceroute.pcap"))) {
            analyzer.run(s, v -> {
                var p = v.packet();
                if (p.layer() == org.tcplab.decode.Layer.ICMP) {
                    answers.add(p.icmpType() + "/" + p.icmpCode() + " quoting port " + p.quotedDport());
                }
                return true;
            });
        }
        assertEquals(List.of("3/3 quoting port 33434"), answers, "no router on loopback: Port Unreachable for TTL 1");
    }

    @Test
    void http_requestAndStatusLines_asTsharkDecodesThem() throws Exception {
        int port = LabCommand.portOf(new ArrayList<>(org.tcplab.gen.scenario.Scenarios.all().keySet()), "http");
        List<String> ours = new ArrayList<>();
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(dir.resolve("http.pcap"))) {
            analyzer.run(s, v -> {
                if (org.tcplab.model.HttpFields.START_LINE.present(v)) {
                    ours.add(org.tcplab.model.HttpFields.START_LINE.text(v, 0));
                }
                return true;
            });
        }
        // tshark decodes HTTP on this port when told to (-d), and puts a response's fields on the
        // segment that completes it (here the body's); ours stand where the start line begins.
        // The lines themselves must be the same, in the same order.
        Process p = new ProcessBuilder("tshark", "-r", dir.resolve("http.pcap").toString(), "-d", "tcp.port==" + port + ",http",
                "-Y", "http.request or http.response", "-T", "fields", "-e", "http.request.method", "-e", "http.request.uri",
                "-e", "http.request.version", "-e", "http.response.version", "-e", "http.response.code", "-e",
                "http.response.phrase").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> theirs = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(l -> String.join(" ", java.util.Arrays.stream(l.split("\t")).filter(f -> !f.isEmpty()).toList())).toList();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(List.of("GET / HTTP/1.1", "HTTP/1.1 200 OK", "GET /missing.html HTTP/1.1", "HTTP/1.1 404 Not Found"), ours);
        assertEquals(theirs, ours);
    }

    @Test
    void fileTransfer_theHeaderThenTheBytes_andTheReceiverSaysVerified() throws Exception {
        long[] fromClient = {0};
        StringBuilder fromServer = new StringBuilder();
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(dir.resolve("file-transfer.pcap"))) {
            analyzer.run(s, v -> {
                int n = v.packet().payloadLength();
                if (n > 0 && v.connection().fromClient()) {
                    fromClient[0] += n;
                } else if (n > 0) {
                    fromServer.append(org.tcplab.model.TcplabFields.PAYLOAD_TEXT.text(v, 0));
                }
                return true;
            });
        }
        // "random-100000.bin 100000 " + 64 hex digits + newline, then the 100,000 bytes
        assertEquals(17 + 1 + 6 + 1 + 64 + 1 + 100_000, fromClient[0]);
        assertTrue(fromServer.toString().matches("verified [0-9a-f]{64}\n"), fromServer.toString());
    }

    @Test
    void chat_everyLineReachesEveryOtherClient_onTheWire() throws Exception {
        Map<Integer, StringBuilder> toClient = new HashMap<>();
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(dir.resolve("chat.pcap"))) {
            analyzer.run(s, v -> {
                if (v.packet().payloadLength() > 0 && !v.connection().fromClient()) {
                    toClient.computeIfAbsent(v.tcp().stream(), k -> new StringBuilder())
                            .append(org.tcplab.model.TcplabFields.PAYLOAD_TEXT.text(v, 0));
                }
                return true;
            });
        }
        assertEquals(3, toClient.size(), "a connection per client");
        String[] names = {"Alice", "Bob", "Carol"};
        for (int stream = 0; stream < 3; stream++) {
            String heard = toClient.get(stream).toString();
            for (int other = 0; other < 3; other++) {
                String line = names[other] + ": hello from " + names[other] + "\n";
                assertEquals(other != stream, heard.contains(line), names[stream] + "'s connection carried: " + heard);
            }
        }
    }
}
