package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lab sample in samples/ and samples/wan/ re-analysed and compared with the analysis
 * committed beside it (SCENARIO.txt, written by the lab). A loopback sample's capture is
 * SCENARIO.pcap; a sample of the lab network's is the client's, SCENARIO-client.pcap, and each
 * vantage point's line in its header is derived again from that vantage point's own capture, so
 * every capture point's account of how each connection ended is pinned too. The kernel's socket
 * states cannot be rebuilt from the capture and are kept as recorded. When the analyzer's output
 * changes on purpose, regenerate with {@code bin/test -Dtcplab.regenerate=true}, never by hand.
 */
class SamplesTest {
    /** {@code # vantage router-a (bulk-router-a.pcap): ...} */
    private static final Pattern VANTAGE = Pattern.compile("(?m)^# vantage (\\S+) \\(([^)]+)\\): .*$");

    static Path samples() {
        String root = System.getProperty("tcplab.root");
        return (root != null ? Path.of(root) : Path.of("..")).resolve("samples");
    }

    private static List<Path> reports(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachLabSample_analysesAsCommitted() throws Exception {
        List<Path> loopback = reports(samples());
        List<Path> wan = reports(samples().resolve("wan"));
        assertTrue(loopback.size() >= 10, "the loopback lab's samples are committed: " + loopback);
        assertTrue(wan.size() >= 9, "the lab network's samples are committed: " + wan);
        return Stream.concat(loopback.stream(), wan.stream()).map(txt -> DynamicTest.dynamicTest(
                samples().relativize(txt).toString(), () -> {
            String committed = Files.readString(txt, StandardCharsets.UTF_8);
            String name = txt.getFileName().toString().replace(".txt", "");
            boolean network = txt.getParent().getFileName().toString().equals("wan");
            Path pcap = txt.resolveSibling(name + (network ? "-client.pcap" : ".pcap"));
            String header = network ? vantagesAgain(Report.header(committed), txt.getParent()) : Report.header(committed);
            String now = Report.render(pcap, header, Report.sockets(committed));
            if (Boolean.getBoolean("tcplab.regenerate")) {
                Files.writeString(txt, now, StandardCharsets.UTF_8);
                return;
            }
            assertEquals(committed, now, txt + " differs from a fresh analysis of its captures;"
                    + " if intended, regenerate with bin/test -Dtcplab.regenerate=true");
        }));
    }

    @TestFactory
    Stream<DynamicTest> bulkOverTheNetwork_isCommittedFromEveryVantagePoint() throws Exception {
        String bulk = Files.readString(samples().resolve("wan/bulk.txt"), StandardCharsets.UTF_8);
        return Stream.of("client", "router-a", "router-b", "server", "peer-1").map(v -> DynamicTest.dynamicTest(v, () -> {
            assertTrue(bulk.contains("# vantage " + v + " (bulk-" + v + ".pcap): "), bulk.substring(0, 600));
            assertTrue(Files.size(samples().resolve("wan/bulk-" + v + ".pcap")) > 24, v + ": a capture with packets");
        }));
    }

    /** The header with each vantage point's line derived again from its capture beside the report. */
    private static String vantagesAgain(String header, Path dir) throws Exception {
        Matcher m = VANTAGE.matcher(header);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(VantagePoints.headerLine(m.group(1), dir.resolve(m.group(2)))));
        }
        return m.appendTail(sb).toString();
    }
}
