package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.Corpus;
import org.tcplab.Samples;

/**
 * {@code -w -} and {@code -o -}: the capture goes to standard output, as {@code tcpdump -w -} and
 * {@code tshark -w -} send it, byte for byte the file the same command writes, and no file named
 * "-" appears. A terminal is refused (a capture there is noise), and so is printing to the same
 * output.
 */
class StandardOutputTest {
    @TempDir
    Path dir;

    private static final String DASH = "-";

    private byte[] written(String... args) throws Exception {
        Path out = dir.resolve("stdout.bin");
        Cli.Result r = Cli.runInto(60, null, out, args);
        assertEquals(0, r.exitCode(), r.stderr());
        return Files.readAllBytes(out);
    }

    @Test
    void readWriteDash_isTheFileReadWrites_andLeavesNoFileNamedDash() throws Exception {
        String capture = Corpus.root().resolve("tcp/sanders_tcp_retransmissions.pcapng").toString();
        for (List<String> filter : List.of(List.<String>of(), List.of("-Y", "tcp.analysis.retransmission or tcp.len > 0"))) {
            Path file = dir.resolve("file.pcap");
            List<String> toFile = new java.util.ArrayList<>(List.of("read", capture, "-w", file.toString()));
            toFile.addAll(filter);
            Cli.Result r = Cli.run(toFile.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.stderr());
            List<String> toStdout = new java.util.ArrayList<>(List.of("read", capture, "-w", DASH));
            toStdout.addAll(filter);
            byte[] piped = written(toStdout.toArray(String[]::new));
            assertTrue(piped.length > 24, "a pcap header and packets");
            assertArrayEquals(Files.readAllBytes(file), piped, "read -w - " + filter);
        }
        assertFalse(Files.exists(Path.of(DASH)), "no file named '-' in the working directory");
    }

    @Test
    void annotateToDash_isTheFileAnnotateWrites_andCountsOnStandardError() throws Exception {
        String greeting = Samples.path("greeting.pcap").toString();
        Path file = dir.resolve("file.pcapng");
        assertEquals(0, Cli.run("annotate", greeting, "-o", file.toString()).exitCode());
        Path out = dir.resolve("stdout.pcapng");
        Cli.Result r = Cli.runInto(60, null, out, "annotate", greeting, "-o", DASH);
        assertEquals(0, r.exitCode(), r.stderr());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(out));
        assertEquals("standard output: 17 packets, 13 with comments\n", r.stderr());
    }

    @Test
    void readWriteDash_fromStandardInput_pipesThrough() throws Exception {
        // cat F | analyzer read - -w - : a capture in, the same capture out, as tcpdump -r - -w - does
        Path greeting = Samples.path("greeting.pcap");
        Path out = dir.resolve("stdout.pcap");
        Cli.Result r = Cli.runInto(60, greeting, out, "read", DASH, "-w", DASH);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("standard output: 17 packets\n", r.stderr());
        Cli.Result again = Cli.run("read", out.toString());
        assertEquals(Cli.run("read", greeting.toString()).stdout(), again.stdout(), "the piped capture reads as the original");
    }

    @Test
    void aTerminal_isRefusedInOneLine() throws Exception {
        // script(1) gives the command a terminal for its input and output
        String java = Path.of(System.getProperty("java.home"), "bin", "java") + " -XX:TieredStopAtLevel=1 -cp "
                + System.getProperty("java.class.path") + " " + AnalyzerMain.class.getName();
        for (String command : List.of("read " + Samples.path("greeting.pcap") + " -w -",
                "annotate " + Samples.path("greeting.pcap") + " -o -")) {
            Process p = new ProcessBuilder("script", "-qec", java + " " + command + "; echo rc=$?", "/dev/null")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), command);
            assertEquals("analyzer: not writing a capture to a terminal: pipe it (" + command.substring(command.length() - 4)
                    + " | tcpdump -r -) or give a file name\nrc=2\n", out, command);
        }
        assertEquals(List.of(), Files.list(dir).toList(), "nothing written");
    }

    @Test
    void capturePrintingToTheSameOutput_isRefused() throws Exception {
        Cli.Result r = Cli.run("capture", "-i", "lo", "-w", DASH, "--print");
        assertEquals(2, r.exitCode());
        assertEquals("analyzer: --print with -w -: the capture and the lines would both go to standard output\n", r.stderr());
    }
}
