package org.tcplab.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.Corpus;
import org.tcplab.Tshark;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.pipeline.CaptureAnalyzer;

/**
 * The IPv6 header in {@code -V} is tshark's, line for line, on the corpus's IPv6 captures: the
 * version and traffic class drawn bit by bit, the DSCP and ECN under it, the flow label at its
 * mask's width, lengths, next header, hop limit, addresses. Left out, and said so: tshark's
 * bracketed lines it works out (the SLAAC MAC an address embeds) and the extension headers' own
 * subtrees (hop-by-hop options), which tcplab's details do not show.
 */
class DetailIpv6ParityTest {
    private static final int FRAMES_PER_CAPTURE = 4;

    @TestFactory
    Stream<DynamicTest> ipv6Header_asTsharkShowsIt() {
        assumeTrue(Tshark.available(), "tshark is not installed (bin/test installs it)");
        List<Path> captures = Corpus.captures().stream().filter(p -> p.getParent().getFileName().toString().equals("ipv6")).toList();
        assertFalse(captures.isEmpty(), "the corpus has IPv6 captures");
        return captures.stream().map(f -> DynamicTest.dynamicTest(Corpus.root().relativize(f).toString(), () -> {
            String numbers = Tshark.run("-n", "-r", f.toString(), "-Y", "ipv6", "-T", "fields", "-e", "frame.number");
            List<Long> frames = numbers.lines().filter(l -> !l.isBlank()).limit(FRAMES_PER_CAPTURE).map(Long::parseLong).toList();
            Map<Long, String> ours = ours(f, frames);
            for (long n : frames) {
                String theirs = Tshark.run("-n", "-r", f.toString(), "-V", "-Y", "frame.number == " + n);
                assertEquals(ipv6Block(theirs), ipv6Block(ours.get(n)), f.getFileName() + " frame " + n);
            }
        }));
    }

    private static Map<Long, String> ours(Path f, List<Long> frames) throws IOException {
        Map<Long, String> out = new HashMap<>();
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        DetailFormatter details = new DetailFormatter(false);
        try (FrameSource s = CaptureFiles.open(f)) {
            analyzer.run(s, v -> {
                if (frames.contains(v.frame().number())) {
                    ByteSink b = new ByteSink();
                    details.format(v, b);
                    out.put(v.frame().number(), b.toString());
                }
                return true;
            });
        }
        return out;
    }

    /** The first IPv6 header's lines, up to the next layer or extension header, without bracketed lines. */
    static List<String> ipv6Block(String details) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String l : details.split("\n")) {
            if (l.startsWith("Internet Protocol Version 6")) {
                if (in) {
                    break;
                }
                in = true;
            } else if (in && (!l.startsWith(" ") || l.startsWith("    IPv6 "))) {
                break;
            }
            if (in && !l.strip().startsWith("[")) {
                lines.add(l);
            }
        }
        return lines;
    }
}
