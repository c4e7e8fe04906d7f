package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.cli.AnalyzerMain;

/**
 * Many connections in a small heap: the benchmark's million-connection capture shrunk to 300,000
 * connections of the same shape (seven packets each, about 200 open at once, the finished ones held
 * 10 s of capture time). Kept whole, their analysis and summaries would need over half a gigabyte;
 * conns streams each summary out as its connection is freed, so a 224 MiB heap gives the same
 * output, byte for byte, as the default one (conns as it was before, keeping every summary to the
 * end, ran out of memory in that heap on this capture).
 */
class ManyConnectionsTest {
    private static final int FLOWS = 300_000;
    @TempDir
    static Path dir;
    private static Path capture;

    @BeforeAll
    static void write() throws IOException {
        capture = dir.resolve("many.pcap");
        new SyntheticCapture(FLOWS, 7L * FLOWS, 200, 1).write(capture);
    }

    /** The analyzer in a JVM of its own with {@code heap} (or the default), its standard output to a file. */
    private static Path run(String heap, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        if (heap != null) {
            cmd.add("-Xmx" + heap);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), AnalyzerMain.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", cmd));
        assertEquals(0, p.exitValue(), String.join(" ", cmd));
        return out;
    }

    @Test
    void conns_inA224MiBHeap_printsWhatTheDefaultHeapPrints() throws Exception {
        Path big = run(null, "conns", capture.toString());
        Path small = run("224m", "conns", capture.toString());
        assertEquals(1 + 3L * FLOWS, Files.lines(big).count(), "a header and three lines per connection");
        assertEquals(-1L, Files.mismatch(big, small), "the same table in a small heap");
    }

    @Test
    void connsJsonl_inA224MiBHeap_isTheSameToo() throws Exception {
        Path big = run(null, "conns", capture.toString(), "--format", "jsonl");
        Path small = run("224m", "conns", capture.toString(), "--format", "jsonl");
        assertEquals(FLOWS, Files.lines(small).count());
        assertEquals(-1L, Files.mismatch(big, small));
    }
}
