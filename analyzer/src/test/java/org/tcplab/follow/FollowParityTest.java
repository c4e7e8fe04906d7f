package org.tcplab.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.Corpus;
import org.tcplab.Samples;
import org.tcplab.Tshark;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.output.ByteSink;
import org.tcplab.output.FollowFormatter;
import org.tcplab.pipeline.CaptureAnalyzer;

/**
 * {@code follow} prints what {@code tshark -q -z follow,tcp,MODE,N} prints, byte for byte, for
 * every TCP stream that carries payload in every corpus capture and sample (ascii, hex and raw), and
 * every UDP stream of the UDP ones: retransmissions and overlaps taken once, out-of-order segments
 * in place, gaps the peer acknowledged as "[N bytes missing in capture file]". There is no known
 * difference.
 */
class FollowParityTest {
    @BeforeAll
    static void needsTshark() {
        assumeTrue(Tshark.available(), "tshark is not installed (bin/test installs it)");
    }

    static List<Path> captures() {
        List<Path> all = new ArrayList<>();
        for (Path conv : Corpus.expected(".conv.txt")) {
            all.add(Corpus.captureFor(conv, ".conv.txt"));
        }
        all.addAll(Samples.captures());
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyStreamWithPayload_asTsharkFollowsIt() {
        return captures().stream().flatMap(c -> Stream.of(true, false).map(tcp -> DynamicTest.dynamicTest(
                c.getFileName() + (tcp ? " tcp" : " udp"), () -> compare(c, tcp))));
    }

    /** The streams that carry payload, as we follow them. */
    private static Map<Integer, FollowedStream> ours(Path capture, boolean tcp) throws IOException {
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        analyzer.countConversations(false);
        analyzer.connectionAnalysis(false);
        List<StreamFollow> follows = new ArrayList<>();
        for (int s = 0; s < 512; s++) {
            follows.add(new StreamFollow(tcp, s));
        }
        try (FrameSource source = CaptureFiles.open(capture)) {
            analyzer.run(source, v -> {
                for (StreamFollow f : follows) {
                    f.accept(v);
                }
                return true;
            });
        } catch (CaptureFileException e) {
            // what tshark read before the damage
        }
        Map<Integer, FollowedStream> out = new HashMap<>();
        for (StreamFollow f : follows) {
            FollowedStream s = f.result();
            if (!s.chunks().isEmpty()) {
                out.put(s.stream(), s);
            }
        }
        return out;
    }

    private static void compare(Path capture, boolean tcp) throws Exception {
        Map<Integer, FollowedStream> ours = ours(capture, tcp);
        assertTrue(ours.size() < 512, "more streams than the test follows");
        if (ours.isEmpty()) {
            return;
        }
        String proto = tcp ? "tcp" : "udp";
        for (FollowFormatter.Mode mode : new FollowFormatter.Mode[] {FollowFormatter.Mode.ascii, FollowFormatter.Mode.hex,
                FollowFormatter.Mode.raw}) {
            List<String> args = new ArrayList<>(List.of("-n", "-r", capture.toString(), "-q"));
            for (int s : new TreeSet<>(ours.keySet())) {
                args.add("-z");
                args.add("follow," + proto + "," + mode + "," + s);
            }
            Map<Integer, String> theirs = blocks(Tshark.run(args.toArray(new String[0])), proto);
            for (int s : new TreeSet<>(ours.keySet())) {
                ByteSink b = new ByteSink();
                FollowFormatter.write(ours.get(s), mode, b);
                assertEquals(theirs.get(s), b.toString(), capture.getFileName() + " " + proto + " stream " + s + " " + mode);
            }
        }
    }

    /** tshark's output cut into its follow blocks, by stream. */
    private static Map<Integer, String> blocks(String out, String proto) {
        Map<Integer, String> m = new HashMap<>();
        String rule = "\n===================================================================\nFollow: ";
        int at = out.indexOf(rule);
        while (at >= 0) {
            int next = out.indexOf(rule, at + 1);
            String block = next < 0 ? out.substring(at) : out.substring(at, next);
            String marker = "Filter: " + proto + ".stream eq ";
            int f = block.indexOf(marker);
            int end = block.indexOf('\n', f);
            m.put(Integer.parseInt(block.substring(f + marker.length(), end)), block);
            at = next;
        }
        return m;
    }
}
