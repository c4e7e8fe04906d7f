package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lab sample in samples/ re-analysed and compared with the analysis committed beside it
 * (SCENARIO.txt, written by the lab). The kernel's socket states cannot be rebuilt from the capture
 * and are kept as recorded. When the analyzer's output changes on purpose, regenerate with
 * {@code bin/test -Dtcplab.regenerate=true}, never by hand.
 */
class SamplesTest {
    static Path samples() {
        String root = System.getProperty("tcplab.root");
        return (root != null ? Path.of(root) : Path.of("..")).resolve("samples");
    }

    @TestFactory
    Stream<DynamicTest> eachLabSample_analysesAsCommitted() throws Exception {
        List<Path> reports;
        try (Stream<Path> s = Files.list(samples())) {
            reports = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(reports.size() >= 10, "the lab's samples are committed: " + reports);
        return reports.stream().map(txt -> DynamicTest.dynamicTest(txt.getFileName().toString(), () -> {
            String committed = Files.readString(txt, StandardCharsets.UTF_8);
            Path pcap = Path.of(txt.toString().replace(".txt", ".pcap"));
            String now = Report.render(pcap, Report.header(committed), Report.sockets(committed));
            if (Boolean.getBoolean("tcplab.regenerate")) {
                Files.writeString(txt, now, StandardCharsets.UTF_8);
                return;
            }
            assertEquals(committed, now, txt + " differs from a fresh analysis of its capture;"
                    + " if intended, regenerate with bin/test -Dtcplab.regenerate=true");
        }));
    }
}
