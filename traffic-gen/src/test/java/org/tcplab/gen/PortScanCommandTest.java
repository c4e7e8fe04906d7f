package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** portscan in a private namespace: one line per open port and a summary, every port with --all. */
class PortScanCommandTest {
    @TempDir
    Path dir;

    private static final Pattern SUMMARY = Pattern.compile(
            "  21 ports scanned in \\d+\\.\\d s: 1 open, 20 closed, 0 filtered");

    private String scan(String options) throws Exception {
        return NamespaceScript.run(dir, """
                $TG greeting-server --port 6010 > $D/server.log 2>&1 &
                S=$!
                for i in $(seq 100); do grep -q listening $D/server.log && break; sleep 0.1; done
                $TG portscan --ports 6000-6020 --timeout-ms 300 %s
                kill $S
                """.formatted(options));
    }

    private static List<String> portLines(String out) {
        return out.lines().filter(l -> l.startsWith("  port ")).toList();
    }

    @Test
    void openPortsOnly_andASummary() throws Exception {
        String out = scan("");
        assertEquals(List.of("  port 6010: open (the handshake completed (SYN-ACK))"), portLines(out), out);
        assertTrue(out.lines().anyMatch(l -> SUMMARY.matcher(l).matches()), out);
    }

    @Test
    void all_givesEveryPort() throws Exception {
        String out = scan("--all");
        assertEquals(21, portLines(out).size(), out);
        assertTrue(portLines(out).contains("  port 6000: closed (the kernel answered RST)"), out);
        assertTrue(out.lines().anyMatch(l -> SUMMARY.matcher(l).matches()), out);
    }
}
