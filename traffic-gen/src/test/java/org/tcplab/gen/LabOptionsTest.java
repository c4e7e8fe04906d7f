package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.analysis.TcpState;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.pipeline.CaptureAnalyzer;
import org.tcplab.wire.TcpFlags;

/**
 * The lab with scenario options, as root: {@code lab --out D exchange --text "2023 Zhang" greeting
 * --clients 3}. The text is what crosses the wire, and the three greeting clients are real
 * concurrent connections, each ending as the kernel says.
 */
class LabOptionsTest {
    @TempDir
    static Path dir;
    static String log;

    @BeforeAll
    static void runTheLab() throws Exception {
        log = LabRun.run(dir, 120, List.of("exchange", "--text", "2023 Zhang", "greeting", "--clients", "3"));
    }

    @Test
    void exchangeText_isWhatBothSidesSend() throws Exception {
        List<Integer> payloads = new ArrayList<>();
        try (FrameSource s = CaptureFiles.open(dir.resolve("exchange.pcap"))) {
            new CaptureAnalyzer().run(s, v -> {
                if (v.packet().payloadLength() > 0) {
                    payloads.add(v.packet().payloadLength());
                }
                return true;
            });
        }
        assertEquals(List.of(11, 11), payloads, "\"2023 Zhang\\n\" each way");
        String bytes = new String(Files.readAllBytes(dir.resolve("exchange.pcap")), StandardCharsets.ISO_8859_1);
        assertEquals(2, bytes.split("2023 Zhang\n", -1).length - 1, "the text itself is on the wire twice");
        assertTrue(log.contains("both sides sent \"2023 Zhang\""), log);
    }

    @Test
    void greetingThreeClients_overlap_andEachEndsAsTheKernelSays() throws Exception {
        Map<Integer, TcpState[]> last = new HashMap<>();
        Map<Integer, Integer> clientPort = new HashMap<>();
        long[] lastSyn = {-1};
        long[] firstFin = {Long.MAX_VALUE};
        int[] frame = {0};
        try (FrameSource s = CaptureFiles.open(dir.resolve("greeting.pcap"))) {
            new CaptureAnalyzer().run(s, v -> {
                frame[0]++;
                var c = v.connection();
                int flags = v.packet().tcpFlags();
                if ((flags & TcpFlags.SYN) != 0) {
                    lastSyn[0] = frame[0];
                }
                if ((flags & TcpFlags.FIN) != 0) {
                    firstFin[0] = Math.min(firstFin[0], frame[0]);
                }
                if (c.clientState() != null) {
                    last.put(v.tcp().stream(), new TcpState[] {c.clientState(), c.serverState()});
                    clientPort.put(v.tcp().stream(), c.fromClient() ? v.packet().sport() : v.packet().dport());
                }
                return true;
            });
        }
        assertEquals(3, last.size(), "three connections");
        assertTrue(lastSyn[0] < firstFin[0], "every handshake before the first close: the clients ran at once");
        String text = Files.readString(dir.resolve("greeting.txt"));
        String sockets = text.substring(text.indexOf("## The kernel's sockets"), text.indexOf("## Packets"));
        for (var e : last.entrySet()) {
            assertEquals(TcpState.CLOSED, e.getValue()[0], "client of stream " + e.getKey());
            assertEquals(TcpState.TIME_WAIT, e.getValue()[1], "server of stream " + e.getKey());
        }
        // ss lists the server's three TIME-WAIT sockets, on the server's port, and no client socket
        List<String> open = sockets.lines().filter(l -> !l.startsWith("#") && !l.startsWith("LISTEN") && !l.isBlank()).toList();
        assertEquals(3, open.size(), sockets);
        for (String l : open) {
            assertTrue(l.startsWith("TIME-WAIT ") && l.split(" ")[3].endsWith(":" + LabCommand.FIRST_PORT), l);
        }
        for (String name : List.of("Alice", "Bob", "Carol", "Dave", "Erin", "Frank")) {
            assertTrue(log.contains("sent " + name + ", got Hello " + name + "!"), log);
        }
        assertEquals(3, clientPort.values().stream().distinct().count());
    }
}
