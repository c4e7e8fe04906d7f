package org.tcplab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tcplab.Corpus;
import org.tcplab.Samples;
import org.tcplab.Tshark;

/**
 * A traceroute in a capture is told as the route it traced: each TTL's router, as tshark sees the
 * time exceeded messages (their source, and the TTL of the probe they quote), and the destination
 * at the end; the probes a router answered are not "unanswered".
 */
class RouteExplainerTest {
    /** Asked for where it is needed, so that the tests on samples alone run without the corpus. */
    private static Path echoTraceroute() {
        return Corpus.root().resolve("icmp/sanders_icmp_traceroute.pcapng");
    }

    private static List<Conversation> routes(CaptureReport r) {
        return r.conversations().stream().filter(c -> c.kind().equals("route")).toList();
    }

    private static List<String> keys(CaptureReport r) {
        List<String> out = new ArrayList<>();
        for (Conversation c : r.conversations()) {
            for (Section s : c.sections()) {
                s.sentences().forEach(x -> out.add(x.key()));
            }
        }
        return out;
    }

    @Test
    void echoTraceroute_eachTtlIsTheRouterTsharkShows_andEndsAtTheDestination() throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "needs tshark");
        // each request's TTL as sent, by its sequence number (a router quotes the TTL as it ran out, not as
        // sent); a time exceeded quotes its request, so icmp.type == 8 matches it too
        Map<String, Integer> sentTtl = new java.util.HashMap<>();
        for (String line : Tshark.run("-r", echoTraceroute().toString(), "-Y", "icmp.type == 8 and not icmp.type == 11", "-T", "fields",
                "-e", "icmp.seq", "-e", "ip.ttl").split("\n")) {
            String[] f = line.split("\t");
            sentTtl.put(f[0], Integer.parseInt(f[1]));
        }
        // each time exceeded: its frame, its source, the quoted request's sequence number; each echo reply's
        Map<Integer, List<String>> expected = new TreeMap<>();
        Map<Integer, List<String>> frames = new TreeMap<>();
        int lastTtl = 0;
        for (String line : Tshark.run("-r", echoTraceroute().toString(), "-Y", "icmp.type == 11 or icmp.type == 0",
                "-T", "fields", "-e", "frame.number", "-e", "ip.src", "-e", "icmp.seq", "-E", "occurrence=f").split("\n")) {
            String[] f = line.split("\t");
            int ttl = sentTtl.get(f[2]);
            lastTtl = Math.max(lastTtl, ttl);
            List<String> rs = expected.computeIfAbsent(ttl, k -> new ArrayList<>());
            if (!rs.contains(f[1])) {
                rs.add(f[1]);
            }
            frames.computeIfAbsent(ttl, k -> new ArrayList<>()).add(f[0]);
        }
        CaptureReport r = Reports.of(echoTraceroute());
        List<Conversation> routes = routes(r);
        assertEquals(1, routes.size(), "one route traced");
        Table hops = routes.get(0).sections().get(0).table();
        Map<Integer, List<String>> ours = new TreeMap<>();
        Map<Integer, List<String>> ourFrames = new TreeMap<>();
        for (Table.Row row : hops.rows()) {
            int ttl = Integer.parseInt(row.cells().get(0));
            ours.put(ttl, List.of(row.cells().get(1).split(", ")));
            List<String> answers = new ArrayList<>();
            for (String pair : row.cells().get(2).split(", ")) {
                answers.add(pair.substring(pair.indexOf("→ ") + 2));
            }
            ourFrames.put(ttl, answers);
        }
        assertEquals(expected, ours, "each TTL's router");
        assertEquals(frames, ourFrames, "the frames that answered each TTL");
        assertEquals("4.2.2.1", ours.get(lastTtl).get(0));
        assertTrue(keys(r).contains("route.reached"));
    }

    @Test
    void echoRequestAnsweredByTimeExceeded_isNotUnanswered_andTheErrorNamesIt() throws Exception {
        List<String> k = keys(Reports.of(echoTraceroute()));
        assertEquals(24, k.stream().filter("icmp.echo.error.router"::equals).count(), k.toString());
        assertFalse(k.contains("icmp.noreply"), "no request is left unanswered");
        assertFalse(k.contains("icmp.error.unmatched"), "every time exceeded quotes a request the capture holds");
        assertEquals(24, k.stream().filter("icmp.error.quotes"::equals).count());
        assertTrue(k.contains("icmp.count.error"));
    }

    @Test
    void udpTraceroute_endsAtTheDestinationsPortUnreachable() throws Exception {
        CaptureReport r = Reports.of(Samples.path("wan/traceroute-client.pcap"));
        List<Conversation> routes = routes(r);
        assertEquals(1, routes.size());
        List<Table.Row> rows = routes.get(0).sections().get(0).table().rows();
        assertEquals("198.18.1.1", rows.get(0).cells().get(1), "the router at TTL 1");
        assertEquals("198.18.2.2", rows.get(rows.size() - 1).cells().get(1), "the destination at the end");
        assertTrue(rows.get(rows.size() - 1).cells().get(4).contains("port unreachable"));
    }

    @Test
    void pingWithoutTimeExceeded_tracesNoRoute() throws Exception {
        assertTrue(routes(Reports.of(Samples.path("icmp-echo.pcap"))).isEmpty());
    }

    @Test
    void oneDatagramsTimeExceeded_tracesNoRoute_itsTtlNeverGrew() throws Exception {
        // the lab's traceroute cut to its first probe (TTL 1) and the router's time exceeded: a datagram
        // that ran out of TTL once (as in a routing loop) is no traceroute
        Path cut = java.nio.file.Files.createTempFile("tcplab-one-probe-", ".pcap");
        try {
            try (org.tcplab.capture.FrameSource in = org.tcplab.capture.CaptureFiles.open(Samples.path("wan/traceroute-client.pcap"));
                 org.tcplab.capture.CaptureWriter out = org.tcplab.capture.CaptureWriter.open(cut, in.fileLinkType(), 65535, null, null)) {
                org.tcplab.capture.Frame f = new org.tcplab.capture.Frame();
                while (in.next(f) && f.number() <= 3) {
                    out.write(f.epochSeconds(), f.nanos(), f.data(), f.offset(), f.capturedLength(), f.originalLength());
                }
            }
            CaptureReport r = Reports.of(cut);
            assertTrue(routes(r).isEmpty(), "routes: " + routes(r));
            assertTrue(keys(r).contains("udp.icmp.router"), "the datagram is still told as answered by the router: " + keys(r));
        } finally {
            java.nio.file.Files.deleteIfExists(cut);
        }
    }

    @Test
    void eachHopTellsEveryProbeOfItsTtl_andEachAnswer() throws Exception {
        // sanders_icmp_traceroute: 54 frames, three echo requests per TTL 1 to 9, each answered
        CaptureReport r = Reports.of(echoTraceroute());
        java.util.Set<Long> told = new java.util.TreeSet<>();
        for (Table.Row row : routes(r).get(0).sections().get(0).table().rows()) {
            assertTrue(row.tells(row.frame()), "a row tells its own frame");
            told.add(row.frame());
            told.addAll(row.also());
        }
        java.util.Set<Long> all = new java.util.TreeSet<>();
        for (long f = 1; f <= 54; f++) {
            all.add(f);
        }
        assertEquals(all, told);
        // frame 27, the second probe with TTL 5, finds its hop, though the row is frame 25's
        assertEquals(1, FrameStory.all(r, 27, java.util.Locale.ENGLISH).stream()
                .filter(st -> st.conversation().kind().equals("route"))
                .flatMap(st -> st.lines().stream()).filter(l -> l.sentence().text().startsWith("frame 27 in the Route table: TTL 5, "))
                .count());
    }
}
