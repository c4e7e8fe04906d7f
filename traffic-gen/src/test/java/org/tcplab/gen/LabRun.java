package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tcplab.live.Privileges;

/** The lab run for real by a test, as root (skipped otherwise): {@code lab --out DIR ARGS...} in a JVM of its own. */
final class LabRun {
    private LabRun() {
    }

    /** Runs the lab, asserts it went as expected within the time given, and returns what it printed. */
    static String run(Path dir, int timeoutSeconds, List<String> args) throws Exception {
        assumeTrue(Privileges.isRoot(), "skipped: the lab needs root (network namespaces, capture)");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), TrafficGenMain.class.getName(), "lab", "--out", dir.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), log);
        assertEquals(0, p.exitValue(), log);
        return log;
    }

    /** The port of an ss address column, 198.18.1.2:41234 or [::ffff:127.0.0.1]:6000. */
    static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
