package org.tcplab.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Without libpcap (simulated by naming a library that does not exist), capture says what to install. */
class MissingLibpcapTest {
    @Test
    void interfacesAndCapture_sayToInstallLibpcap() throws Exception {
        for (String[] args : new String[][] {{"interfaces"}, {"capture", "-i", "lo"}}) {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(javaBin, "-Dorg.pcap4j.core.pcapLibName=nosuchpcap",
                    "-cp", System.getProperty("java.class.path"), "org.tcplab.cli.AnalyzerMain"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(5, p.exitValue(), out);
            assertEquals("analyzer: libpcap is not installed: install it with apt-get install libpcap0.8\n", out);
        }
    }
}
