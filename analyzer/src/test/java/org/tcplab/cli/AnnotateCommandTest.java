package org.tcplab.cli;

import org.tcplab.command.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.Corpus;
import org.tcplab.Samples;
import org.tcplab.Tshark;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.CaptureInterface;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;
import org.tcplab.capture.LinkTypes;
import org.tcplab.model.Packet;
import org.tcplab.model.TcplabFields;
import org.tcplab.output.PacketComments;
import org.tcplab.pipeline.CaptureAnalyzer;
import org.tcplab.wire.ByteString;

/**
 * annotate: the output holds every packet of the input unchanged (bytes, time stamps, lengths,
 * interfaces) with PacketComments' lines as its pcapng comments, as our reader, a walk of the
 * output's blocks and tshark all see it.
 */
class AnnotateCommandTest {
    /** Corpus captures with several interfaces, sections, comments, simple and custom blocks, odd resolutions, TCP analysis. */
    private static final List<String> CORPUS = List.of("pcapng/pcapplusplus_many_interfaces-1.pcapng",
            "pcapng/pcapplusplus_pcapng-example.pcapng", "pcapng/zeek_pcapng-multi-interface.pcapng",
            "pcapng/gopacket_le_test202.pcapng", "pcapng/gopacket_le_test101.pcapng", "pcapng/gopacket_le_test010.pcapng",
            "pcapng/gopacket_le_test902.pcapng", "pcapng/gopacket_be_test001.pcapng", "tcp/sanders_tcp_dupack.pcapng",
            "tcp/sanders_tcp_retransmissions.pcapng", "tcp/sanders_http_espn_fail.pcapng");

    /** tshark's fields per frame, one run for the input and one for the output (the comments apart). */
    private static final List<String> FIELDS = List.of("frame.time_epoch", "frame.len", "frame.cap_len", "frame.encap_type",
            "frame.protocols", "frame.md5_hash", "frame.interface_id", "frame.interface_name");
    /** Joins a frame's comments in tshark's output: a byte no comment here holds. */
    private static final String AGGREGATOR = "\u001f";

    @TempDir
    Path dir;

    /** One frame as our reader sees it, without the reused cursor. */
    private record Seen(long number, ByteString bytes, long seconds, int nanos, boolean hasTime, int capturedLength,
                        int originalLength, int linkType, int sectionInterface, String interfaceName, int snapLength,
                        String comment) {
    }

    private static List<Seen> frames(Path file) throws IOException {
        List<Seen> all = new ArrayList<>();
        try (FrameSource s = CaptureFiles.open(file)) {
            Frame f = new Frame();
            while (s.next(f)) {
                CaptureInterface itf = f.linkType() == LinkTypes.PCAPNG_CUSTOM_BLOCK ? null : s.interfaces().get(f.interfaceId());
                all.add(new Seen(f.number(), ByteString.copyOf(f.data(), f.offset(), f.capturedLength()), f.epochSeconds(),
                        f.nanos(), f.hasTime(), f.capturedLength(), f.originalLength(), f.linkType(), f.sectionInterface(),
                        itf == null ? null : itf.name(), itf == null ? -1 : itf.snapLength(), f.comment()));
            }
        }
        return all;
    }

    /** What annotate should say of each packet of {@code file}, custom blocks left out, computed here as the command does. */
    private static List<List<String>> expectedComments(Path file) throws IOException {
        List<List<String>> all = new ArrayList<>();
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        analyzer.countConversations(false);
        try (FrameSource s = CaptureFiles.open(file)) {
            analyzer.run(s, v -> {
                if (v.frame().linkType() != LinkTypes.PCAPNG_CUSTOM_BLOCK) {
                    all.add(TcplabFields.ANALYSED_FIELD.present(v) ? PacketComments.of(Packet.of(v))
                            : v.frame().hasComment() ? List.of(PacketComments.original(v.frame().comment())) : List.of());
                }
                return true;
            });
        }
        return all;
    }

    /**
     * Every comment of every packet block of a pcapng file we wrote (little-endian, as the writer
     * writes): our reader keeps only a packet's first comment.
     */
    static List<List<String>> writtenComments(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<List<String>> all = new ArrayList<>();
        while (b.remaining() >= 12) {
            int at = b.position();
            int type = b.getInt(at);
            int length = b.getInt(at + 4);
            assertEquals(length, b.getInt(at + length - 4), "block at " + at + ": trailer");
            if (type == 3) {
                all.add(List.of());
            } else if (type == 6) {
                List<String> comments = new ArrayList<>();
                int o = at + 28 + ((b.getInt(at + 20) + 3) & ~3);
                while (o + 4 <= at + length - 4) {
                    int code = b.getShort(o) & 0xFFFF;
                    int len = b.getShort(o + 2) & 0xFFFF;
                    if (code == 0) {
                        break;
                    }
                    if (code == 1) {
                        comments.add(new String(b.array(), o + 4, len, StandardCharsets.UTF_8));
                    }
                    o += 4 + ((len + 3) & ~3);
                }
                all.add(comments);
            }
            b.position(at + length);
        }
        assertEquals(0, b.remaining(), file + ": bytes after the last block");
        return all;
    }

    private static int annotate(Path in, Path out) {
        return AnalyzerMain.execute("analyzer", AnalyzerMain.commandLine("annotate"), "annotate", in.toString(), "-o", out.toString());
    }

    private static Path corpusFile(String name) {
        Path root;
        try {
            root = Corpus.root();
        } catch (IllegalStateException e) {
            root = null;
        }
        assumeTrue(root != null && Files.exists(root.resolve(name)), "corpus capture missing: " + name);
        return root.resolve(name);
    }

    @TestFactory
    Stream<DynamicTest> everySampleAndCorpusCapture_keepsItsFrames_andCarriesItsComments() {
        Stream<DynamicTest> samples = Samples.captures().stream()
                .map(p -> DynamicTest.dynamicTest("samples/" + p.getFileName(), () -> check(p)));
        Stream<DynamicTest> corpus = CORPUS.stream().map(n -> DynamicTest.dynamicTest("corpus/" + n, () -> check(corpusFile(n))));
        return Stream.concat(samples, corpus);
    }

    private void check(Path in) throws Exception {
        Path out = dir.resolve(in.getFileName() + ".annotated.pcapng");
        assertEquals(0, annotate(in, out), in.toString());
        boolean pcapng;
        try (FrameSource s = CaptureFiles.open(in)) {
            pcapng = s.formatName().equals("pcapng");
        }

        List<Seen> input = frames(in);
        List<Seen> packets = input.stream().filter(s -> s.linkType() != LinkTypes.PCAPNG_CUSTOM_BLOCK).toList();
        List<Seen> output = frames(out);
        assertEquals(packets.size(), output.size(), "packets");
        List<List<String>> expected = expectedComments(in);
        List<List<String>> written = writtenComments(out);
        assertEquals(expected, written, "the comments in the file are PacketComments' lines");
        for (int i = 0; i < packets.size(); i++) {
            Seen a = packets.get(i);
            Seen b = output.get(i);
            String at = in.getFileName() + " frame " + a.number();
            assertEquals(a.bytes(), b.bytes(), at + ": bytes");
            assertEquals(a.seconds(), b.seconds(), at + ": seconds");
            assertEquals(a.nanos(), b.nanos(), at + ": nanoseconds");
            assertEquals(a.hasTime(), b.hasTime(), at + ": has a time stamp");
            assertEquals(a.capturedLength(), b.capturedLength(), at + ": captured length");
            assertEquals(a.originalLength(), b.originalLength(), at + ": original length");
            assertEquals(a.linkType(), b.linkType(), at + ": link type");
            assertEquals(Math.max(0, a.sectionInterface()), b.sectionInterface(), at + ": interface id");
            assertEquals(a.interfaceName(), b.interfaceName(), at + ": interface name");
            assertEquals(a.snapLength(), b.snapLength(), at + ": snap length");
            List<String> c = expected.get(i);
            assertEquals(c.isEmpty() ? null : c.get(0), b.comment(), at + ": first comment");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".part")).toList(), "part files left");
        }
        if (!Tshark.available()) {
            return;
        }
        List<String> theirsIn = tshark(in, pcapng ? FIELDS : FIELDS.subList(0, FIELDS.size() - 2));
        List<String> theirsOut = tshark(out, pcapng ? FIELDS : FIELDS.subList(0, FIELDS.size() - 2));
        assertEquals(input.size(), theirsIn.size(), in + ": tshark's frames");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            if (input.get(i).linkType() != LinkTypes.PCAPNG_CUSTOM_BLOCK) {
                kept.add(theirsIn.get(i));
            }
        }
        assertEquals(kept, theirsOut, in + ": tshark's frame fields, input (custom blocks left out) and output");
        List<String> comments = Tshark.run("-r", out.toString(), "-T", "fields", "-E", "aggregator=" + AGGREGATOR,
                "-e", "frame.comment").lines().toList();
        assertEquals(packets.size(), comments.size(), "tshark's frames");
        for (int i = 0; i < comments.size(); i++) {
            List<String> shown = comments.get(i).isEmpty() ? List.of() : List.of(comments.get(i).split(AGGREGATOR, -1));
            List<String> ours = expected.get(i).stream().filter(s -> !s.isEmpty()).toList();
            assertEquals(ours, shown, in.getFileName() + ": tshark's frame.comment of frame " + (i + 1));
        }
    }

    private static List<String> tshark(Path file, List<String> fields) throws Exception {
        List<String> args = new ArrayList<>(List.of("-r", file.toString(), "-o", "frame.generate_md5_hash:TRUE", "-T", "fields"));
        for (String f : fields) {
            args.add("-e");
            args.add(f);
        }
        List<String> lines = Tshark.run(args.toArray(new String[0])).lines().toList();
        assertFalse(lines.isEmpty(), "tshark read nothing of " + file);
        return lines;
    }

    @Nested
    class KnownPackets {
        @Test
        void rstRefused_frame2_saysRefused_andBothEndsClose() throws Exception {
            Path out = dir.resolve("rst-refused.pcapng");
            assertEquals(0, annotate(Samples.path("rst-refused.pcap"), out));
            List<String> frame2 = writtenComments(out).get(1);
            assertTrue(frame2.stream().anyMatch(c -> c.startsWith("RST refused: answers the SYN of frame 1")), frame2.toString());
            assertTrue(frame2.contains("client SYN-SENT -> CLOSED: client received RST+ACK ack=1 for its SYN: connection refused"
                    + " (RFC 9293 §3.10.7.3)"), frame2.toString());
            assertTrue(frame2.stream().anyMatch(c -> c.matches("ACKs frame 1 \\(RTT 0\\.\\d{9} s\\)")), frame2.toString());
        }

        @Test
        void greeting_frame2_carriesTheClientsSynSentToEstablished() throws Exception {
            Path out = dir.resolve("greeting.pcapng");
            assertEquals(0, annotate(Samples.path("greeting.pcap"), out));
            List<List<String>> all = writtenComments(out);
            assertTrue(all.get(1).stream().anyMatch(c -> c.startsWith("client SYN-SENT -> ESTABLISHED: client received SYN+ACK")),
                    all.get(1).toString());
            assertTrue(all.get(0).get(0).startsWith("client CLOSED -> SYN-SENT: client sent SYN seq=0"), all.get(0).toString());
            // a bare data segment has nothing to say
            assertTrue(all.stream().anyMatch(List::isEmpty));
        }

        @Test
        void dupAcks_sayWhichAckTheyRepeat_andTheRetransmissionIsFast() throws Exception {
            Path in = corpusFile("tcp/sanders_tcp_dupack.pcapng");
            Path out = dir.resolve("dupack.pcapng");
            assertEquals(0, annotate(in, out));
            List<String> all = writtenComments(out).stream().flatMap(List::stream).toList();
            assertTrue(all.stream().anyMatch(c -> c.matches("TCP Dup ACK \\d+#1")), all.toString());
            assertTrue(all.stream().anyMatch(c -> c.matches("TCP Dup ACK \\d+#2")), all.toString());
            assertTrue(all.contains("TCP Fast Retransmission") && !all.contains("TCP Retransmission"), all.toString());
        }

        @Test
        void aCommentOnTheInput_staysFirst_cutAtItsNulAsWiresharkShowsIt() throws Exception {
            Path in = corpusFile("pcapng/pcapplusplus_pcapng-example.pcapng");
            Path out = dir.resolve("example.pcapng");
            assertEquals(0, annotate(in, out));
            List<Seen> frames = frames(in);
            List<List<String>> written = writtenComments(out);
            int commented = 0;
            for (int i = 0; i < frames.size(); i++) {
                String original = frames.get(i).comment();
                if (original != null) {
                    commented++;
                    assertEquals(original.split("\0")[0], written.get(i).get(0), "frame " + (i + 1));
                }
            }
            assertEquals(100, commented);
        }

        @Test
        void theInputMayBeTheOutput() throws Exception {
            Path file = dir.resolve("same.pcap");
            Files.copy(Samples.path("greeting.pcap"), file);
            List<Seen> before = frames(file);
            assertEquals(0, annotate(file, file));
            List<Seen> after = frames(file);
            assertEquals(before.stream().map(Seen::bytes).toList(), after.stream().map(Seen::bytes).toList());
            assertEquals(List.of(file), Files.list(dir).toList(), "no part file left");
        }
    }

    @Nested
    class BadInput {
        @Test
        void aTruncatedCapture_failsInOneLine_andKeepsTheFramesBeforeTheDamage() throws Exception {
            Path cut = dir.resolve("cut.pcap");
            byte[] whole = Files.readAllBytes(Samples.path("greeting.pcap"));
            Files.write(cut, java.util.Arrays.copyOf(whole, 700)); // in the middle of packet 9
            Path out = dir.resolve("cut.pcapng");
            Cli.Result r = Cli.run("annotate", cut.toString(), "-o", out.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.stderr());
            assertEquals(1, r.stderr().lines().count(), r.stderr());
            assertEquals("analyzer: " + cut + ": pcap: file cut short in the middle of packet 9 (43 of 54 bytes)",
                    r.stderr().strip());
            List<Seen> kept = frames(out); // reads to a clean end: a valid file
            List<Seen> original = frames(Samples.path("greeting.pcap"));
            assertEquals(8, kept.size());
            assertEquals(original.subList(0, 8).stream().map(Seen::bytes).toList(), kept.stream().map(Seen::bytes).toList());
            // the analysis reads forward only: the first 8 packets say what they say in the whole capture
            assertEquals(expectedComments(Samples.path("greeting.pcap")).subList(0, 8), writtenComments(out));
            assertEquals(List.of(cut, out), Files.list(dir).sorted().toList(), "no part file left");
            if (Tshark.available()) {
                assertEquals(8, Tshark.run("-r", out.toString(), "-T", "fields", "-e", "frame.number").lines().count());
            }
        }

        @Test
        void aDamagedPcapng_keepsItsInterfacesAndTheFramesBefore() throws Exception {
            Path in = corpusFile("pcapng/pcapplusplus_pcapng-example.pcapng");
            byte[] whole = Files.readAllBytes(in);
            Path cut = dir.resolve("cut.pcapng");
            Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 100));
            Path out = dir.resolve("out.pcapng");
            assertEquals(ExitCodes.BAD_INPUT, annotate(cut, out));
            List<Seen> kept = frames(out);
            List<Seen> original = frames(in);
            assertTrue(kept.size() > 100 && kept.size() < original.size(), "kept " + kept.size());
            for (int i = 0; i < kept.size(); i++) {
                assertEquals(original.get(i).bytes(), kept.get(i).bytes());
                assertEquals(original.get(i).interfaceName(), kept.get(i).interfaceName());
                assertEquals(original.get(i).sectionInterface(), kept.get(i).sectionInterface());
            }
        }

        @Test
        void aMissingInput_orAMissingDirectory_writesNothing() throws Exception {
            Path out = dir.resolve("never.pcapng");
            Cli.Result r = Cli.run("annotate", dir.resolve("nothing.pcap").toString(), "-o", out.toString());
            assertEquals(ExitCodes.NOT_FOUND, r.exitCode());
            assertEquals("analyzer: no such file: " + dir.resolve("nothing.pcap"), r.stderr().strip());
            Cli.Result d = Cli.run("annotate", Samples.path("greeting.pcap").toString(), "-o", dir.resolve("no/such.pcapng").toString());
            assertEquals(ExitCodes.NOT_FOUND, d.exitCode());
            assertEquals(1, d.stderr().lines().count(), d.stderr());
            Cli.Result n = Cli.run("annotate", Samples.path("README.md").toString(), "-o", out.toString());
            assertEquals(ExitCodes.BAD_INPUT, n.exitCode());
            assertEquals(1, n.stderr().lines().count(), n.stderr());
            assertEquals(List.of(), Files.list(dir).toList());
        }
    }
}
