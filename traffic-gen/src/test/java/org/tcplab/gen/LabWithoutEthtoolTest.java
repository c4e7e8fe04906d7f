package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.live.Privileges;

/**
 * Without ethtool the lab cannot turn segmentation offload off, and its captures would show the
 * kernel's 2,950-byte super-segments as if they were the wire's: it refuses in one line, says
 * what to install, and writes no capture.
 */
class LabWithoutEthtoolTest {
    @TempDir
    Path tmp;

    @Test
    void lab_withoutEthtool_refusesInOneLine() throws Exception {
        assumeTrue(Privileges.isRoot(), "skipped: the lab needs root (network namespace, capture)");
        // a PATH with what the lab needs before ethtool (id, unshare, ip), and no ethtool
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("id", "unshare", "ip")) {
            for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
                Path p = Path.of(dir, tool);
                if (Files.isExecutable(p)) {
                    Files.createSymbolicLink(bin.resolve(tool), p);
                    break;
                }
            }
        }
        Path out = tmp.resolve("lab");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), TrafficGenMain.class.getName(), "lab", "--out", out.toString(),
                "greeting").redirectErrorStream(true);
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(5, p.exitValue(), output);
        assertTrue(output.contains("cannot turn segmentation offload off") && output.contains("apt-get install ethtool"), output);
        assertFalse(output.contains("Exception"), output);
        assertEquals(1, output.strip().lines().filter(l -> l.contains("ethtool")).count(), output);
        assertFalse(Files.exists(out.resolve("greeting.pcap")), "no capture without real segments");
    }
}
