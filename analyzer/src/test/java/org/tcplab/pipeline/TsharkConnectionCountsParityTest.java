package org.tcplab.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.Corpus;
import org.tcplab.Tshark;
import org.tcplab.analysis.ConnectionSummary;
import org.tcplab.analysis.ConnectionTracker;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;

/**
 * The per-connection problem counts and ACK RTTs of {@code conns} against tshark's per-packet
 * fields summed by tcp.stream: retransmissions (a packet with any of retransmission,
 * fast_retransmission, spurious_retransmission counts once), duplicate_ack, zero_window,
 * out_of_order, and the number, min, mean and max of ack_rtt.
 *
 * <p>The captures are the corpus's with these verdicts: every kind of retransmission, duplicate
 * ACKs, zero windows, out-of-order segments, one to sixteen streams. On every packet of them the
 * flags {@link TsharkAnalysisParityTest} compares equal tshark's, but on zeek_reassembly.pcap, where tshark
 * 4.0 calls three FIN retransmissions fast without any duplicate ACK and we call them plain
 * retransmissions: each is one retransmission either way, so the counts agree there too. Run over
 * the whole corpus, the counts differ only on two malformed captures, for reasons other tests pin:
 * tcpdump_timestamp_invalid_micro.pcap (an out-of-range microsecond field, so another time and
 * ACK RTT: FieldsParityTest) and pcapplusplus_tcp-malformed.pcap (every segment's header is cut
 * short: tshark numbers the stream, and neither tool analyses it, so conns has no connection).
 */
class TsharkConnectionCountsParityTest {
    static final List<String> CAPTURES = List.of(
            "tcp/sanders_tcp_retransmissions.pcapng", // 5 retransmissions, no ACK RTT
            "tcp/sanders_tcp_dupack.pcapng", // a fast retransmission after 3 duplicate ACKs
            "tcp/sanders_tcp_zerowindowrecovery.pcapng",
            "tcp/sanders_tcp_zerowindowdead.pcapng", // 4 zero windows
            "tcp/sanders_http_espn_fail.pcapng", // 16 streams, 84 retransmissions
            "tcp/dpkt_http.pcap", // a spurious retransmission
            "tcp/tcpdump_ssh.pcap",
            "tcp/zeek_ctu-64702-888.pcap", // out of order
            "tcp/zeek_rdp-proprietary-encryption.pcap", // 9 out of order, 233 ACK RTTs
            "tcp/zeek_reassembly.pcap",
            "tcp/zeek_retransmit-fast009.pcap",
            "tcp/zeek_ssh-dups.pcap", // 166 retransmissions, 92 of them fast
            "vlan/zeek_pppoe-over-qinq.pcap"); // 12 spurious retransmissions

    /** One stream's counts, as both tools give them; RTTs in nanoseconds, -1 when none. */
    record Counts(long retransmissions, long dupAcks, long zeroWindows, long outOfOrder, long ackRtts, long rttMin,
                  long rttMean, long rttMax) {
    }

    @TestFactory
    Stream<DynamicTest> perStreamCounts_equalTsharks() {
        assumeTrue(Tshark.available(), "tshark is not installed (bin/test installs it)");
        return CAPTURES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path capture = Corpus.root().resolve(name);
            Map<Integer, Counts> theirs = tshark(capture);
            Map<Integer, Counts> ours = ours(capture);
            assertEquals(theirs, ours, name);
        }));
    }

    /** The chosen captures hold every kind the counts are about, so that a wrong count can show. */
    @TestFactory
    Stream<DynamicTest> theCaptures_holdEveryKind() {
        assumeTrue(Tshark.available(), "tshark is not installed (bin/test installs it)");
        return Stream.of(DynamicTest.dynamicTest("retransmissions, dup ACKs, zero windows, out of order, RTTs", () -> {
            long[] totals = new long[5];
            for (String name : CAPTURES) {
                for (Counts c : tshark(Corpus.root().resolve(name)).values()) {
                    totals[0] += c.retransmissions();
                    totals[1] += c.dupAcks();
                    totals[2] += c.zeroWindows();
                    totals[3] += c.outOfOrder();
                    totals[4] += c.ackRtts();
                }
            }
            for (long t : totals) {
                assertTrue(t > 0, java.util.Arrays.toString(totals));
            }
        }));
    }

    static Map<Integer, Counts> ours(Path capture) throws IOException {
        List<ConnectionSummary> rows = new ArrayList<>();
        try (FrameSource s = CaptureFiles.open(capture)) {
            new ConnectionPass(new ConnectionTracker()).summarise(s, rows);
        }
        Map<Integer, Counts> out = new TreeMap<>();
        for (ConnectionSummary c : rows) {
            // one summary per stream on these captures: none is freed and started again
            Counts old = out.put(c.stream(), new Counts(c.retransmissions(), c.dupAcks(), c.zeroWindows(),
                    c.outOfOrder(), c.ackRtts(), c.ackRttMinNanos(), c.ackRttMeanNanos(), c.ackRttMaxNanos()));
            assertEquals(null, old, "stream " + c.stream() + " summarised twice");
        }
        return out;
    }

    static Map<Integer, Counts> tshark(Path capture) throws IOException, InterruptedException {
        String out = Tshark.run("-r", capture.toString(), "-T", "fields", "-e", "tcp.stream",
                "-e", "tcp.analysis.retransmission", "-e", "tcp.analysis.duplicate_ack", "-e", "tcp.analysis.zero_window",
                "-e", "tcp.analysis.out_of_order", "-e", "tcp.analysis.ack_rtt", "-e", "tcp.analysis.fast_retransmission",
                "-e", "tcp.analysis.spurious_retransmission");
        Map<Integer, long[]> acc = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] c = line.split("\t", -1);
            if (c.length < 8 || c[0].isEmpty() || c[0].contains(",")) {
                continue; // not TCP, or an ICMP error quoting TCP: no analysis in either tool
            }
            // retransmissions, dup ACKs, zero windows, out of order, RTT count, sum, min, max
            long[] a = acc.computeIfAbsent(Integer.parseInt(c[0]), k -> new long[] {0, 0, 0, 0, 0, 0, -1, -1});
            a[0] += !c[1].isEmpty() || !c[6].isEmpty() || !c[7].isEmpty() ? 1 : 0;
            a[1] += c[2].isEmpty() ? 0 : 1;
            a[2] += c[3].isEmpty() ? 0 : 1;
            a[3] += c[4].isEmpty() ? 0 : 1;
            if (!c[5].isEmpty()) {
                long rtt = new BigDecimal(c[5]).movePointRight(9).longValueExact();
                a[6] = a[4] == 0 ? rtt : Math.min(a[6], rtt);
                a[7] = a[4] == 0 ? rtt : Math.max(a[7], rtt);
                a[4]++;
                a[5] += rtt;
            }
        }
        Map<Integer, Counts> result = new TreeMap<>();
        acc.forEach((stream, a) -> result.put(stream, new Counts(a[0], a[1], a[2], a[3], a[4], a[6],
                a[4] == 0 ? -1 : a[5] / a[4], a[7])));
        return result;
    }
}
