package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.Samples;

/** info against capinfos on every sample; explain's arithmetic and ladder against the report they come from. */
class InfoExplainLadderTest {
    @TestFactory
    Stream<DynamicTest> info_saysWhatCapinfosSays_onEverySample() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(Samples.path("greeting.pcap").getParent())) {
            samples = s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        return samples.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Cli.Result info = Cli.run("info", p.toString());
            assertEquals(0, info.exitCode(), info.stderr());
            Process c = new ProcessBuilder("capinfos", "-T", "-m", "-c", "-d", "-u", "-a", "-e", "-E", p.toString()).start();
            List<String> rows = new String(c.getInputStream().readAllBytes()).lines().toList();
            assertEquals(0, c.waitFor());
            String[] f = rows.get(1).split(",");
            assertTrue(info.stdout().contains("\nPackets:       " + f[2] + "\n"), info.stdout() + "\ncapinfos: " + rows);
            assertTrue(info.stdout().contains("\nBytes:         " + f[3] + " (on the wire)\n"), info.stdout());
            assertTrue(info.stdout().contains("\nTime span:     " + f[4] + " s\n"), info.stdout() + "\ncapinfos: " + rows);
            Instant start = Instant.parse(f[5].replace(' ', 'T') + "Z");
            assertTrue(info.stdout().contains("\nFirst packet:  " + start + "\n"), info.stdout() + "\ncapinfos: " + rows);
            assertEquals(f[1].equals("ether"), info.stdout().contains("\nLink types:    1 (ETHERNET)\n"), info.stdout());
        }));
    }

    /** info and explain read their capture twice: from standard input, as from the file, with "-" for its name. */
    @Test
    void infoAndExplain_readStandardInput_asTheFile() throws Exception {
        for (String sample : List.of("greeting.pcap", "rst-refused.pcap")) {
            Path file = Samples.path(sample);
            for (List<String> command : List.of(List.of("info", "FILE"), List.of("explain", "FILE", "2"))) {
                String[] fromFile = command.stream().map(a -> a.equals("FILE") ? file.toString() : a).toArray(String[]::new);
                String[] fromStdin = command.stream().map(a -> a.equals("FILE") ? "-" : a).toArray(String[]::new);
                Cli.Result a = Cli.run(fromFile);
                Cli.Result b = Cli.runWithInput(60, file, fromStdin);
                assertEquals(0, a.exitCode(), a.stderr());
                assertEquals(0, b.exitCode(), command + " " + sample + ": " + b.stderr());
                assertEquals(a.stdout().replace(file.toString(), "-"), b.stdout(), command + " " + sample);
                assertTrue(b.stdout().contains(command.get(0).equals("info") ? "Health:" : "-- "), b.stdout());
            }
        }
    }

    @Test
    void explain_ofATracerouteProbe_tellsItsExchange_andItsHopOfTheRoute() throws Exception {
        String file = Samples.path("wan/traceroute-client.pcap").toString();
        Cli.Result r = Cli.run("explain", file, "2");
        assertEquals(0, r.exitCode(), r.stderr());
        // the router that answered is the source of the time exceeded that quotes the probe
        Cli.Result error = Cli.run("read", file, "-T", "fields", "-e", "frame.number", "-e", "ip.src",
                "-Y", "icmp.type == 11");
        String[] answer = error.stdout().lines().findFirst().orElseThrow().split("\t");
        assertTrue(r.stdout().contains("\nUDP conversation 0: "), r.stdout());
        assertTrue(r.stdout().contains("  * frame 2 got no UDP reply: "), r.stdout());
        assertTrue(r.stdout().contains("\n-- Route\n  * frame 2 in the Route table: TTL 1, answered by " + answer[1].split(",")[0]
                + ", frames 2 → " + answer[0] + ", "), r.stdout());
        // the error itself is explained in its own conversation, and as the answer of its hop
        Cli.Result third = Cli.run("explain", file, answer[0]);
        assertTrue(third.stdout().contains("  * frame " + answer[0] + ": time exceeded"), third.stdout());
        assertTrue(third.stdout().contains("\n-- Route\n  * frame " + answer[0] + " in the Route table: TTL 1, "), third.stdout());
        // the destination's port unreachable is no hop of TTL 1
        Cli.Result last = Cli.run("explain", file, "5");
        assertTrue(last.stdout().contains("  * frame 5 in the Route table: TTL 2, "), last.stdout());
    }

    @Test
    void explain_worksSeqAndAckOut_fromTheSegmentsBefore() throws Exception {
        Cli.Result r = Cli.run("explain", Samples.path("segment.pcap").toString(), "6");
        assertEquals(0, r.exitCode(), r.stderr());
        Cli.Result read = Cli.run("read", Samples.path("segment.pcap").toString(), "-T", "fields", "-e", "tcp.seq", "-e", "tcp.ack",
                "-e", "tcp.len", "-e", "tcp.srcport", "-Y", "frame.number <= 6");
        List<String[]> rows = read.stdout().lines().map(l -> l.split("\t")).toList();
        String[] six = rows.get(5);
        assertTrue(r.stdout().startsWith("    6  "), r.stdout());
        assertTrue(r.stdout().contains("-- Its numbers\n  * frame 6: seq = " + six[0]), r.stdout());
        assertTrue(r.stdout().contains("frame 6: ack = " + six[1]), r.stdout());
        // each number the sentence adds up is on the wire: prev seq + prev len = this seq
        String sentence = r.stdout().lines().filter(l -> l.contains("frame 6: seq = ")).findFirst().orElseThrow();
        String sum = sentence.replaceAll(".* so (\\d+) \\+ (\\d+) = (\\d+)\\.$", "$1 $2 $3");
        String[] n = sum.split(" ");
        assertEquals(Long.parseLong(n[2]), Long.parseLong(n[0]) + Long.parseLong(n[1]), sentence);
        assertEquals(six[0], n[2], sentence);
        Cli.Result none = Cli.run("explain", Samples.path("segment.pcap").toString(), "999");
        assertEquals(2, none.exitCode());
        assertTrue(none.stderr().startsWith("analyzer: no frame 999 in "), none.stderr());
    }

    @Test
    void explain_namesTheSegmentARetransmissionRepeats_onlyWhenTheCaptureHoldsIt() throws Exception {
        // Wireshark's dup-ACK sample starts mid-connection: the fast retransmission's original is not in it
        Path file = org.tcplab.Corpus.root().resolve("tcp/sanders_tcp_dupack.pcapng");
        Cli.Result r = Cli.run("explain", file.toString(), "8");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("frame 8: seq = 1 is below the server's next seq 15049 (after frame 6): these bytes were sent"
                + " before, in a segment the capture does not hold."), r.stdout());
        assertTrue(!r.stdout().contains("already sent"), r.stdout());
        Cli.Result info = Cli.run("info", file.toString());
        assertTrue(info.stdout().contains("  * Stream 0: the capture starts mid-connection (no SYN captured).\n"), info.stdout());
    }

    @Test
    void ladder_isTheReportsLadder() throws Exception {
        Path file = Samples.path("greeting.pcap");
        Cli.Result ladder = Cli.run("ladder", file.toString(), "--stream", "0");
        Cli.Result report = Cli.run("report", file.toString());
        assertEquals(0, ladder.exitCode(), ladder.stderr());
        List<String> lines = ladder.stdout().lines().toList();
        for (String l : lines.subList(1, lines.size())) {
            assertTrue(report.stdout().contains("  " + l + "\n") || l.isBlank(), "in the report's ladder: " + l);
        }
        assertTrue(lines.size() > 17, ladder.stdout());
    }

    /** A capture cut before the stream's first packet: the damage is why there is no ladder, in one line, exit 1. */
    @Test
    void ladder_ofACaptureCutBeforeTheStream_saysTheDamage() throws Exception {
        Path cut = Files.createTempFile("cut", ".pcap");
        try {
            // the file header and 10 bytes of the first record header
            Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(Samples.path("greeting.pcap")), 34));
            Cli.Result ladder = Cli.run("ladder", cut.toString(), "--stream", "0");
            assertEquals(1, ladder.exitCode(), ladder.stderr());
            assertTrue(ladder.stderr().matches("analyzer: " + java.util.regex.Pattern.quote(cut.toString()) + ": pcap: .*cut short.*\\n"),
                    ladder.stderr());
            assertEquals("", ladder.stdout());
        } finally {
            Files.deleteIfExists(cut);
        }
    }
}
