package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.pipeline.CaptureAnalyzer;

/**
 * bulk over the lab network while the wire is down for a second, as root: the segment in flight
 * is retransmitted by the timer, the retransmission is lost too, and each timeout is about twice
 * the one before (RFC 6298 §5.5), until one gets through and the transfer completes.
 */
class WanOutageTest {
    @TempDir
    static Path dir;
    static String log;

    @BeforeAll
    static void runTheLab() throws Exception {
        log = LabRun.run(dir, 180, List.of("--net", "wan", "--delay", "20ms", "--outage", "1s", "--outage-at", "100ms",
                "bulk", "--bytes", "1M"));
    }

    /** Each data segment's sequence number (raw) and the times it was seen, in capture order. */
    private static Map<Long, List<long[]>> sends(Path pcap) throws Exception {
        Map<Long, List<long[]>> sends = new LinkedHashMap<>();
        try (FrameSource s = CaptureFiles.open(pcap)) {
            new CaptureAnalyzer().run(s, v -> {
                if (v.packet().isTcp() && v.packet().payloadLength() > 0) {
                    long retransmission = AnalysisFlag.RETRANSMISSION.in(v.connection().analysisFlags()) ? 1 : 0;
                    sends.computeIfAbsent(v.packet().seq(), k -> new ArrayList<>()).add(new long[] {v.timeNanos(), retransmission});
                }
                return true;
            });
        }
        return sends;
    }

    @Test
    void aLostRetransmission_backsTheTimerOff_andTheTransferCompletes() throws Exception {
        Map<Long, List<long[]>> client = sends(dir.resolve("bulk-client.pcap"));
        Map.Entry<Long, List<long[]>> most = client.entrySet().stream().max((a, b) -> a.getValue().size() - b.getValue().size())
                .orElseThrow();
        List<long[]> times = most.getValue();
        assertTrue(times.size() >= 4, "a segment sent, retransmitted by the timer twice while the wire was down, and once more: "
                + times.size() + "\n" + log);
        for (int i = 1; i < times.size(); i++) {
            assertEquals(1, times.get(i)[1], "each repeat is a retransmission to the analyzer");
        }
        // the timeouts between retransmissions, each at least 1.6 times the one before (doubling,
        // RFC 6298 §5.5; the kernel's timer ticks blur it a little). From i = 3: the first gap runs
        // from the original send, but the timer restarted at the last ACK before the outage
        // (RFC 6298 §5.3), so that gap is a timeout plus the wait for that ACK
        for (int i = 3; i < times.size(); i++) {
            long before = times.get(i - 1)[0] - times.get(i - 2)[0];
            long gap = times.get(i)[0] - times.get(i - 1)[0];
            assertTrue(gap >= before * 16 / 10, "timeout " + gap / 1e6 + " ms after " + before / 1e6 + " ms");
        }
        // beyond the wire only the one that got through arrived
        List<long[]> atServer = sends(dir.resolve("bulk-server.pcap")).get(most.getKey());
        assertTrue(atServer != null && atServer.size() < times.size(), "the server saw fewer copies: " + atServer);
        // down both ways: frames were lost to the outage in each direction
        Matcher m = Pattern.compile("router to server: received \\d+, lost 0, lost to the outage (\\d+).*"
                + "server to router: received \\d+, lost 0, lost to the outage (\\d+)").matcher(log);
        assertTrue(m.find() && Long.parseLong(m.group(1)) > 0 && Long.parseLong(m.group(2)) > 0, log);
        assertTrue(log.contains("the receiver got them all"), log);
    }
}
