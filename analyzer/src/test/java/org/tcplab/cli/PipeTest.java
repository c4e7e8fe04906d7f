package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.Samples;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;
import org.tcplab.capture.PcapFileWriter;

/** {@code read BIG | head}: the reader goes away, and read ends at once, quietly, exit 0. */
class PipeTest {
    @TempDir
    Path dir;

    /** The greeting sample's frames again and again: about 1.7 million packets. */
    private Path bigCapture() throws Exception {
        Path big = dir.resolve("big.pcap");
        List<byte[]> frames = new java.util.ArrayList<>();
        Frame f = new Frame();
        try (FrameSource s = CaptureFiles.open(Samples.path("greeting.pcap"))) {
            while (s.next(f)) {
                frames.add(java.util.Arrays.copyOfRange(f.data(), f.offset(), f.offset() + f.capturedLength()));
            }
        }
        try (PcapFileWriter w = new PcapFileWriter(big, 1, 65535, false)) {
            long t = 1_700_000_000L;
            for (int copy = 0; copy < 100_000; copy++) {
                for (byte[] frame : frames) {
                    w.write(t++, 0, frame, 0, frame.length, frame.length);
                }
            }
        }
        return big;
    }

    private static double seconds(Path dir, String script) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    void readIntoHead_endsAtOnce_quietly() throws Exception {
        Path big = bigCapture();
        String java = Path.of(System.getProperty("java.home"), "bin", "java") + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "
                + System.getProperty("java.class.path") + " " + AnalyzerMain.class.getName();
        double whole = seconds(dir, java + " read " + big + " > /dev/null");
        for (String format : List.of("", " --format jsonl", " -T fields -e frame.number", " -V")) {
            double piped = seconds(dir, "{ " + java + " read " + big + format + " 2> err.txt; echo $? > rc.txt; } | head -2 > head.txt");
            assertEquals("", Files.readString(dir.resolve("err.txt")), format + ": quiet");
            assertEquals("0", Files.readString(dir.resolve("rc.txt")).strip(), format + ": exit 0");
            assertEquals(2, Files.readAllLines(dir.resolve("head.txt")).size());
            assertTrue(piped < whole / 2, format + ": read | head took " + piped + " s, the whole read " + whole + " s");
        }
    }
}
