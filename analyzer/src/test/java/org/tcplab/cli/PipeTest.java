package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The greeting sample's frames again and again: about 1.7 million packets, in one stream. */
    private Path bigCapture() throws Exception {
        return bigCapture(false);
    }

    /**
     * The same, or with each copy from its own client port (its own stream, tshark's numbering
     * reusing a port after 60,000 copies as it does a closed connection's): 100,000 connections.
     */
    private Path bigCapture(boolean streamEach) throws Exception {
        Path big = dir.resolve(streamEach ? "streams.pcap" : "big.pcap");
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
                    if (streamEach) {
                        clientPort(frame, 1024 + copy % 60_000);
                    }
                    w.write(t++, 0, frame, 0, frame.length, frame.length);
                }
            }
        }
        return big;
    }

    /** Ethernet, a 20-byte IPv4 header, then TCP: the port that is not the server's 6000 becomes {@code port}. */
    private static void clientPort(byte[] frame, int port) {
        int at = 14 + 20 + (((frame[34] & 0xff) << 8 | (frame[35] & 0xff)) == 6000 ? 2 : 0);
        frame[at] = (byte) (port >> 8);
        frame[at + 1] = (byte) port;
    }

    private static double seconds(Path dir, String script) throws Exception {
        long start = System.nanoTime();
        Path log = dir.resolve("sh.txt");
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            // a hung analyzer must not outlive the test, spinning a core under the next ones
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        assertTrue(ended, script + ": still running after 120 s\n" + out);
        assertEquals(0, p.exitValue(), out);
        return (System.nanoTime() - start) / 1e9;
    }

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java")
            + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp " + System.getProperty("java.class.path") + " "
            + AnalyzerMain.class.getName();

    /** The time the analyzer takes for {@code args} with its output thrown away. */
    private double whole(String args) throws Exception {
        return seconds(dir, JAVA + " " + args + " > /dev/null 2> /dev/null");
    }

    /**
     * {@code analyzer args | head}: quiet, exit 0, in less than half the time {@code whole} of the
     * run to the end, both without the JVM's start (a run of {@code --version}), which on a busy
     * host is most of a short run; what head kept is in head.out.
     */
    private Path endsAtOnce(String args, String head, double whole) throws Exception {
        double start = whole("--version");
        double piped = seconds(dir, "{ " + JAVA + " " + args + " 2> err.txt; echo $? > rc.txt; } | " + head + " > head.out");
        assertEquals("", Files.readString(dir.resolve("err.txt")), args + ": quiet");
        assertEquals("0", Files.readString(dir.resolve("rc.txt")).strip(), args + ": exit 0");
        assertTrue(piped - start < (whole - start) / 2, args + " | " + head + " took " + piped + " s, the whole run " + whole
                + " s, the JVM's start " + start + " s");
        return dir.resolve("head.out");
    }

    @Test
    void readIntoHead_endsAtOnce_quietly() throws Exception {
        Path big = bigCapture();
        double whole = whole("read " + big);
        for (String format : List.of("", " --format jsonl", " -T fields -e frame.number", " -V")) {
            assertEquals(2, Files.readAllLines(endsAtOnce("read " + big + format, "head -2", whole)).size(), format);
        }
    }

    /** conns prints each summary as its connection retires: the reader of 100,000 of them goes away after two lines. */
    @Test
    void connsIntoHead_endsAtOnce_quietly() throws Exception {
        Path big = bigCapture(true);
        for (String format : List.of("", " --format jsonl", " -Y tcp")) {
            String args = "conns " + big + format;
            assertEquals(2, Files.readAllLines(endsAtOnce(args, "head -2", whole(args))).size(), format);
        }
    }

    /** {@code -w -} and {@code -o -} into a reader that takes 100 bytes and goes: the same quiet end. */
    @Test
    void captureToStandardOutputIntoHead_endsAtOnce_quietly() throws Exception {
        Path big = bigCapture();
        for (String args : List.of("read " + big + " -w -", "annotate " + big + " -o -")) {
            assertEquals(100, Files.size(endsAtOnce(args, "head -c 100", whole(args))), args);
        }
    }
}
