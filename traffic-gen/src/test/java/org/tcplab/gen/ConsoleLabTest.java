package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.cli.AnalyzerMain;
import org.tcplab.live.Privileges;

/** The console's {@code lab SCENARIO}: traffic-gen's lab runs (as root), and its capture becomes the open file. */
class ConsoleLabTest {
    @TempDir
    Path dir;

    @Test
    void lab_runsTheScenario_andOpensItsCapture() throws Exception {
        assumeTrue(Privileges.isRoot(), "skipped: the lab needs root (network namespace, capture)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", cp, AnalyzerMain.class.getName(), "shell", "-c",
                "lab rst-refused --out " + dir + "; conns; explain 2");
        pb.environment().put("TCPLAB_TRAFFIC_GEN", java + " -cp " + cp + " " + TrafficGenMain.class.getName());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        Path pcap = dir.resolve("rst-refused.pcap");
        assertTrue(Files.exists(pcap), out);
        assertTrue(out.contains(pcap + ": 2 packets; 1 TCP and 0 UDP streams"), "the lab's capture is open:\n" + out);
        assertTrue(out.contains("REJ"), "conns of that capture: a refused connection:\n" + out);
        assertTrue(out.contains("the server sent RST because nothing listened on the port"), out);
        assertTrue(List.of(out.split("\n")).stream().anyMatch(l -> l.contains("rst-refused")), out);
    }
}
