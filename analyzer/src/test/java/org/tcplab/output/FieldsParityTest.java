package org.tcplab.output;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.Corpus;
import org.tcplab.Tshark;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.model.Field;
import org.tcplab.model.Fields;
import org.tcplab.pipeline.CaptureAnalyzer;

/**
 * {@code read -T fields} prints what {@code tshark -T fields} prints, byte for byte, for these
 * fields over every corpus capture tshark reads: every occurrence, in tshark's formats (hex with
 * the field's width, times with nine digits, addresses, plain hex bytes). The differences we know
 * are listed below, each with its reason; anything else fails.
 */
class FieldsParityTest {
    static final List<String> FIELDS = List.of("frame.number", "frame.len", "frame.cap_len", "frame.time_epoch",
            "frame.time_relative", "frame.time_delta", "frame.interface_id", "eth.src", "eth.dst", "eth.type", "vlan.id",
            "ip.src", "ip.dst", "ip.addr", "ip.id", "ip.ttl", "ip.proto", "ip.len", "ip.hdr_len", "ip.dsfield", "ip.flags",
            "ip.flags.df", "ip.flags.mf", "ip.frag_offset", "ip.checksum", "ipv6.src", "ipv6.dst", "ipv6.hlim", "ipv6.nxt",
            "ipv6.version", "ipv6.tclass", "ipv6.tclass.dscp", "ipv6.tclass.ecn", "ipv6.flow",
            "icmp.resp_to", "icmp.resptime", "icmpv6.resp_to", "icmpv6.resptime",
            "ipv6.plen", "tcp.srcport", "tcp.dstport", "tcp.port", "tcp.stream", "tcp.seq", "tcp.seq_raw", "tcp.nxtseq",
            "tcp.ack", "tcp.ack_raw", "tcp.len", "tcp.hdr_len", "tcp.flags", "tcp.flags.syn", "tcp.flags.ack", "tcp.flags.fin",
            "tcp.flags.reset", "tcp.flags.push", "tcp.flags.str", "tcp.window_size_value", "tcp.window_size",
            "tcp.window_size_scalefactor", "tcp.checksum", "tcp.urgent_pointer", "tcp.options.mss_val",
            "tcp.options.wscale.shift", "tcp.options.sack_perm", "tcp.options.sack_le", "tcp.options.sack_re",
            "tcp.options.timestamp.tsval", "tcp.options.timestamp.tsecr", "tcp.payload", "tcp.time_relative", "tcp.time_delta",
            "tcp.analysis", "tcp.analysis.flags", "tcp.analysis.acks_frame", "tcp.analysis.ack_rtt",
            "tcp.analysis.bytes_in_flight", "tcp.analysis.initial_rtt", "tcp.analysis.duplicate_ack_num",
            "tcp.analysis.retransmission", "udp.srcport", "udp.dstport", "udp.length", "udp.checksum", "udp.stream",
            "udp.payload", "icmp.type", "icmp.code", "icmp.checksum", "icmp.ident", "icmp.seq", "icmpv6.type",
            "icmpv6.code", "arp.opcode");

    /**
     * Differences we know, by capture, field and frame (0: every frame), with the reason. Each is a
     * place where tshark's dissection of odd input differs from ours on purpose, or where tshark's
     * own analysis differs and the reason is named.
     */
    record Known(String capture, String field, long frame, String reason) {
    }

    static final List<Known> KNOWN = List.of(
            new Known("tcpdump_tcp_header_heapoverflow.pcap", "tcp.seq", 1,
                    "12 of the 20 header bytes were captured: tshark stops at the first field it cannot read whole"
                            + " (the data offset, byte 12) and shows only the ports; we show every field the bytes hold"),
            new Known("tcpdump_tcp_header_heapoverflow.pcap", "tcp.seq_raw", 1, "the same"),
            new Known("tcpdump_timestamp_invalid_micro.pcap", "frame.time_epoch", 2,
                    "the record's microseconds are 1,000,000: tshark prints \"1418145370.1000000000\", ten digits;"
                            + " we carry the excess into the seconds (1418145371.000000000)"),
            new Known("tcpdump_timestamp_invalid_micro.pcap", "frame.time_relative", 0, "the same time, after it"),
            new Known("tcpdump_timestamp_invalid_micro.pcap", "frame.time_delta", 0, "the same time, after it"),
            new Known("tcpdump_timestamp_invalid_micro.pcap", "tcp.time_delta", 0, "the same time, after it"),
            new Known("tcpdump_timestamp_invalid_micro.pcap", "tcp.analysis.ack_rtt", 0, "the same time, after it"),
            new Known("pcapplusplus_pcapng-example.pcapng", "frame.time_epoch", 0,
                    "interface 1's if_tsoffset is negative; tshark 4.0 adds it as unsigned (see TsharkParityTest)"),
            new Known("pcapplusplus_pcapng-example.pcapng", "frame.time_relative", 0, "the same offset"),
            new Known("pcapplusplus_pcapng-example.pcapng", "frame.time_delta", 0, "the same offset"),
            new Known("pcapplusplus_pcapng-example.pcapng", "tcp.time_relative", 0, "the same offset"),
            new Known("pcapplusplus_pcapng-example.pcapng", "tcp.time_delta", 0, "the same offset"),
            new Known("pcapplusplus_pcapng-example.pcapng", "tcp.analysis.ack_rtt", 0, "the same offset"),
            new Known("pcapplusplus_pcapng-example.pcapng", "tcp.analysis.initial_rtt", 0, "the same offset"));

    @BeforeAll
    static void needsTshark() {
        assumeTrue(Tshark.available(), "tshark is not installed (bin/test installs it)");
    }

    @TestFactory
    Stream<DynamicTest> everyFieldAsTsharkPrintsIt() {
        return Corpus.expected(".conv.txt").stream().map(c -> Corpus.captureFor(c, ".conv.txt"))
                .map(f -> DynamicTest.dynamicTest(Corpus.root().relativize(f).toString(), () -> compare(f)));
    }

    private static void compare(Path capture) throws Exception {
        List<String> args = new ArrayList<>(List.of("-n", "-r", capture.toString(), "-T", "fields"));
        for (String f : FIELDS) {
            args.add("-e");
            args.add(f);
        }
        String[] theirs = Tshark.run(args.toArray(new String[0])).split("\n", -1);
        List<String> ours = ours(capture);
        String name = capture.getFileName().toString();
        List<String> diffs = new ArrayList<>();
        int n = Math.min(ours.size(), theirs.length);
        for (int i = 0; i < n; i++) {
            String[] a = theirs[i].split("\t", -1);
            String[] b = ours.get(i).split("\t", -1);
            for (int j = 0; j < FIELDS.size(); j++) {
                String t = j < a.length ? a[j] : "";
                String o = j < b.length ? b[j] : "";
                if (!t.equals(o) && !known(name, FIELDS.get(j), i + 1)) {
                    diffs.add("frame " + (i + 1) + " " + FIELDS.get(j) + ": tshark [" + t + "] ours [" + o + "]");
                }
            }
        }
        int tsharkLines = theirs.length > 0 && theirs[theirs.length - 1].isEmpty() ? theirs.length - 1 : theirs.length;
        if (ours.size() != tsharkLines) {
            diffs.add("tshark printed " + tsharkLines + " lines, we " + ours.size());
        }
        assertTrue(diffs.isEmpty(), name + ": " + diffs.size() + " differences:\n"
                + String.join("\n", diffs.subList(0, Math.min(30, diffs.size()))));
    }

    private static boolean known(String capture, String field, long frame) {
        for (Known k : KNOWN) {
            if (k.capture().equals(capture) && k.field().equals(field) && (k.frame() == 0 || k.frame() == frame)) {
                return true;
            }
        }
        return false;
    }

    static List<String> ours(Path capture) throws IOException {
        List<Field> fields = new ArrayList<>();
        for (String f : FIELDS) {
            fields.add(java.util.Objects.requireNonNull(Fields.byName(f), f));
        }
        FieldsFormatter formatter = new FieldsFormatter(fields, FieldsFormatter.Options.DEFAULT);
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        analyzer.countConversations(false);
        ByteSink out = new ByteSink();
        List<String> lines = new ArrayList<>();
        try (FrameSource s = CaptureFiles.open(capture)) {
            analyzer.run(s, v -> {
                out.clear();
                formatter.format(v, out);
                lines.add(out.toString());
                return true;
            });
        } catch (CaptureFileException e) {
            // tshark prints what it read before the damage; so do we
        }
        return lines;
    }

    static Map<String, String> unused() {
        return Map.of();
    }
}
