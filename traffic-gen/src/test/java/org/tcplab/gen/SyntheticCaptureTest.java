package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.decode.ChecksumStatus;
import org.tcplab.decode.Checksums;
import org.tcplab.pipeline.CaptureAnalyzer;

class SyntheticCaptureTest {
    @TempDir
    Path dir;

    @Test
    void writesTheAskedPacketsAndFlows_eachWithHandshakeAndTeardown() throws Exception {
        Path file = dir.resolve("synth.pcap");
        SyntheticCapture.Summary s = new SyntheticCapture(50, 2000, 10, 42).write(file);
        assertEquals(2000, s.packets());
        assertEquals(Files.size(file), s.bytes());
        Map<Integer, int[]> perStream = new HashMap<>(); // SYN, SYN+ACK, FIN, RST counts
        int[] bad = {0};
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource src = CaptureFiles.open(file)) {
            analyzer.run(src, v -> {
                var f = v.frame();
                var p = v.packet();
                var t = v.tcp();
                int[] c = perStream.computeIfAbsent(t.stream(), k -> new int[4]);
                int flags = p.tcpFlags();
                if (flags == 0x002) {
                    c[0]++;
                    assertEquals(0, t.seq());
                }
                if (flags == 0x012) {
                    c[1]++;
                    assertEquals(1, t.ack(), "SYN+ACK acknowledges ISN + 1");
                }
                if ((flags & 0x001) != 0) {
                    c[2]++;
                }
                if ((flags & 0x004) != 0) {
                    c[3]++;
                }
                if (Checksums.transport(p) != ChecksumStatus.GOOD || Checksums.ipv4Header(p) != ChecksumStatus.GOOD) {
                    bad[0]++;
                }
                return true;
            });
        }
        assertEquals(2000, analyzer.packets());
        assertEquals(50, perStream.size());
        assertEquals(0, bad[0], "every checksum is valid");
        for (int[] c : perStream.values()) {
            assertEquals(1, c[0]);
            assertEquals(1, c[1]);
            assertTrue(c[2] == 2 && c[3] == 0 || c[2] == 0 && c[3] == 1, "FIN each way or one RST");
        }
    }

    @Test
    void tooFewPacketsForTheFlows_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SyntheticCapture(10, 69, 1, 1));
    }
}
