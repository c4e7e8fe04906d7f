package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.tcplab.live.Privileges;

/**
 * Runs a bash script in a private network namespace of its own (root; skipped otherwise), with
 * its loopback up, $TG the traffic-gen command and $D the test's directory; returns its output.
 */
final class NamespaceScript {
    private NamespaceScript() {
    }

    static String run(Path dir, String script) throws Exception {
        assumeTrue(Privileges.isRoot(), "skipped: needs root for a private network namespace");
        String tg = Path.of(System.getProperty("java.home"), "bin", "java") + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "
                + System.getProperty("java.class.path") + " " + TrafficGenMain.class.getName();
        Path file = dir.resolve("s.sh");
        Files.writeString(file, "set -u\nip link set lo up\nTG='" + tg + "'\nD='" + dir + "'\n" + script);
        Process p = new ProcessBuilder("unshare", "-n", "bash", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        return out;
    }
}
