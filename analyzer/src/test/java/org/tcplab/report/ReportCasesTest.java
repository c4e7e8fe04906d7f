package org.tcplab.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tcplab.Corpus;

/**
 * Public captures of the cases a report must say as such: a SYN sent again, a capture that starts
 * mid-connection or misses the SYN, zero windows, dup ACKs, an ICMP error and the datagram it
 * quotes, a half-close, a four-segment teardown, frames cut by the snap length, time going back.
 */
class ReportCasesTest {
    private static List<String> keys(CaptureReport r) {
        List<String> out = new ArrayList<>();
        r.health().forEach(s -> out.add(s.key()));
        for (Conversation c : r.conversations()) {
            for (Section s : c.sections()) {
                s.sentences().forEach(x -> out.add(x.key()));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} says {1}")
    @CsvSource({
        "tcp/sanders_http_espn_fail.pcapng, hs.syn.again",
        "tcp/sanders_tcp_dupack.pcapng, hs.midstream",
        "tcp/zeek_missing-syn.pcap, hs.nosyn",
        "tcp/sanders_tcp_zerowindowdead.pcapng, verdict.zero_window",
        "tcp/zeek_ssh-dups.pcap, verdict.duplicate_ack",
        "tcp/sanders_tcp_retransmissions.pcapng, verdict.retransmission",
        "tcp/zeek_reassembly.pcap, fin.halfclose",
        "tcp/sanders_tcp_teardown.pcapng, fin.four",
        "tcp/zeek_rdp-proprietary-encryption.pcap, seg.ack.one",
        "tcp/sanders_http_espn_fail.pcapng, seg.timestamps",
        "icmp/dpkt_nb6-http.pcap, icmp.error.quotes",
        "ipv6/tcpdump_icmpv6.pcap, icmp.message.says",
        "ipv6/tcpdump_icmpv6.pcap, icmp.message.means.v6.134",
        "truncated/zeek_trunc-hdr.pcap, health.snaplen",
        "tcp/tcpdump_timestamp_invalid_micro.pcap, health.backwards",
        "tcp/pcapplusplus_unidirectional_tcp_stream_with_missing_packet.pcap, health.oneway"})
    void capture_saysItsCase(String name, String key) throws Exception {
        var file = Corpus.captures().stream().filter(p -> p.toString().endsWith(name.substring(name.indexOf('/') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("corpus capture " + name));
        List<String> k = keys(Reports.of(file));
        assertTrue(k.contains(key), file + " should say " + key + ": " + k);
    }

    /** Router advertisements and MLD reports are informational: none is told as an error quoting a datagram. */
    @org.junit.jupiter.api.Test
    void neighbourDiscoveryAndMld_areMessages_notErrors() throws Exception {
        List<String> k = keys(Reports.of(Corpus.root().resolve("ipv6/tcpdump_icmpv6.pcap")));
        assertTrue(k.stream().noneMatch(x -> x.startsWith("icmp.error")), k.toString());
        assertTrue(k.stream().filter("icmp.message.says"::equals).count() == 5, k.toString());
    }

    /** Zeek's fast-retransmit trace: the graph marks the retransmissions and the receiver's SACK blocks. */
    @org.junit.jupiter.api.Test
    void timeSequenceGraph_marksRetransmissionsAndSackBlocks() throws Exception {
        var file = Corpus.root().resolve("tcp/zeek_retransmit-fast009.pcap");
        String html = HtmlReport.render(Reports.of(file), java.util.Locale.ENGLISH);
        String tsg = html.substring(html.indexOf("<svg class=\"tsg\""));
        tsg = tsg.substring(0, tsg.indexOf("</svg>"));
        assertTrue(tsg.split("<line class=\"sack\"", -1).length - 1 >= 5, "SACK blocks drawn");
        assertTrue(tsg.split("<g class=\"seg retransmission\"", -1).length - 1 >= 2, "retransmissions marked");
    }
}
