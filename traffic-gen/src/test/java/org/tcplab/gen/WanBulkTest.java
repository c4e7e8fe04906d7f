package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * bulk over the lab network with 1 % loss each way and a 20 ms round trip, as root: the losses
 * show as duplicate ACKs with SACK blocks and fast retransmissions, counted by our analyzer as
 * tshark counts them, at the client and at the server; the wire lost what it was told to.
 */
class WanBulkTest {
    @TempDir
    static Path dir;
    static String log;

    @BeforeAll
    static void runTheLab() throws Exception {
        log = LabRun.run(dir, 180, List.of("--net", "wan", "--delay", "20ms", "--loss", "1%", "--seed", "7", "bulk"));
    }

    /** Our count of packets with a verdict, and tshark's with the same filter. */
    private static long[] counts(Path pcap, AnalysisFlag flag, String tsharkFilter) throws Exception {
        long[] ours = {0};
        try (FrameSource s = CaptureFiles.open(pcap)) {
            new CaptureAnalyzer().run(s, v -> {
                if (v.packet().isTcp() && flag.in(v.connection().analysisFlags())) {
                    ours[0]++;
                }
                return true;
            });
        }
        // tshark's warnings (running as root) go to standard error, not into the count
        Process p = new ProcessBuilder("tshark", "-r", pcap.toString(), "-Y", tsharkFilter)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long theirs = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().count();
        p.waitFor(60, TimeUnit.SECONDS);
        return new long[] {ours[0], theirs};
    }

    @Test
    void losses_showAsDupAcksAndFastRetransmissions_asTsharkCountsThem() throws Exception {
        for (String v : List.of("client", "router-b", "server")) {
            Path pcap = dir.resolve("bulk-" + v + ".pcap");
            for (AnalysisFlag flag : List.of(AnalysisFlag.DUPLICATE_ACK, AnalysisFlag.FAST_RETRANSMISSION,
                    AnalysisFlag.RETRANSMISSION, AnalysisFlag.OUT_OF_ORDER, AnalysisFlag.LOST_SEGMENT)) {
                long[] c = counts(pcap, flag, "tcp.analysis." + flag.field());
                assertEquals(c[1], c[0], v + ": " + flag + ", ours against tshark's");
            }
            assertTrue(counts(pcap, AnalysisFlag.DUPLICATE_ACK, "tcp.analysis.duplicate_ack")[0] >= 3, v + ": duplicate ACKs");
        }
        // past the wire, where the segments were lost, each loss is a gap, and its retransmission
        // after the duplicate ACKs is a fast retransmission (at the sender, tshark calls most of
        // them out-of-order: the original was seen there less than a round trip before)
        Path server = dir.resolve("bulk-server.pcap");
        assertTrue(counts(server, AnalysisFlag.FAST_RETRANSMISSION, "tcp.analysis.fast_retransmission")[0] >= 1, log);
        assertTrue(counts(server, AnalysisFlag.LOST_SEGMENT, "tcp.analysis.lost_segment")[0] >= 1, log);
        Process p = new ProcessBuilder("tshark", "-r", dir.resolve("bulk-client.pcap").toString(), "-Y",
                "tcp.analysis.duplicate_ack and tcp.options.sack_le").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long sacked = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().count();
        p.waitFor(60, TimeUnit.SECONDS);
        assertTrue(sacked > 0, "the duplicate ACKs carry SACK blocks (RFC 2018)");
    }

    @Test
    void theWire_lostAboutWhatItWasToldTo() {
        Matcher m = Pattern.compile("router to server: received (\\d+), lost (\\d+)").matcher(log);
        assertTrue(m.find(), log);
        double loss = Double.parseDouble(m.group(2)) / Double.parseDouble(m.group(1));
        assertTrue(loss > 0.002 && loss < 0.03, "1 % configured, " + loss * 100 + " % lost of " + m.group(1));
    }
}
