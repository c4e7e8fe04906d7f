package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tcplab.Corpus;
import org.tcplab.Samples;

class ReadCommandTest {
    private static String corpus(String rel) {
        return Corpus.root().resolve(rel).toString();
    }

    @Test
    void textLines_showStreamFlagsAndRelativeNumbers() throws Exception {
        Cli.Result r = Cli.run("read", corpus("tcp/sanders_tcp_handshake.pcapng"));
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> lines = r.packetLines();
        assertEquals(3, lines.size());
        assertTrue(r.stdout().contains("\n           client CLOSED -> SYN-SENT: client sent SYN seq=0"), r.stdout());
        assertTrue(lines.get(0).contains("172.16.16.128:2826 > 212.58.226.142:80  TCP  stream 0  [SYN]  seq=0 win=8192 len=0"), lines.get(0));
        assertTrue(lines.get(1).contains("[SYN, ACK]  seq=0 ack=1"), lines.get(1));
        assertTrue(lines.get(2).contains("[ACK]  seq=1 ack=1"), lines.get(2));
        assertEquals("", r.stderr());
    }

    @Test
    void jsonl_hasTheDocumentedKeys() throws Exception {
        Cli.Result r = Cli.run("read", corpus("tcp/sanders_tcp_handshake.pcapng"), "--format", "jsonl");
        assertEquals(0, r.exitCode(), r.stderr());
        String second = r.lines().get(1);
        for (String key : List.of("frame", "time", "proto", "src", "dst", "sport", "dport", "stream", "flags", "seq", "ack",
                "seq_raw", "ack_raw", "payload_len", "win")) {
            assertTrue(second.contains("\"" + key + "\":"), key + " missing in " + second);
        }
        assertTrue(second.contains("\"frame\":2,"), second);
        assertTrue(second.contains("\"proto\":\"tcp\""), second);
        assertTrue(second.contains("\"flags\":18,"), "SYN+ACK is 0x012 as tshark's tcp.flags: " + second);
        assertTrue(second.contains("\"seq\":0,\"seq_raw\":233779340,\"ack\":1,\"ack_raw\":3691127925"), second);
        assertTrue(second.matches("\\{.*\"time\":1262893114\\.474342000,.*\\}"), second);
    }

    @Test
    void countStopsAfterNPrintedPackets_andFiltersCombine() throws Exception {
        Cli.Result r = Cli.run("read", corpus("tcp/dpkt_http.pcap"), "--proto", "tcp", "--host", "65.208.228.223", "--port", "80", "-c", "5");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(5, r.packetLines().size());
        r.packetLines().forEach(l -> assertTrue(l.contains("65.208.228.223:80"), l));
        Cli.Result udp = Cli.run("read", corpus("tcp/dpkt_http.pcap"), "--proto", "udp");
        assertEquals(2, udp.lines().size());
        udp.lines().forEach(l -> assertTrue(l.contains(" UDP "), l));
        Cli.Result stream = Cli.run("read", corpus("tcp/dpkt_http.pcap"), "--stream", "1", "--format", "jsonl");
        assertEquals(7, stream.lines().size());
        stream.lines().forEach(l -> assertTrue(l.contains("\"stream\":1,"), l));
    }

    @Test
    void basic_keepsTsharksFieldsAndDropsTheConnectionAnalysis() throws Exception {
        String file = corpus("tcp/dpkt_http.pcap");
        Cli.Result full = Cli.run("read", file);
        Cli.Result basic = Cli.run("read", file, "--basic");
        assertEquals(0, basic.exitCode(), basic.stderr());
        assertEquals(full.packetLines().size(), basic.lines().size(), "one line per packet, no transition lines");
        assertFalse(basic.stdout().contains(" -> "), "no transitions");
        for (int i = 0; i < basic.lines().size(); i++) {
            String b = basic.lines().get(i);
            assertTrue(full.packetLines().get(i).startsWith(b.length() > 60 ? b.substring(0, 60) : b), b);
        }
        Cli.Result jsonl = Cli.run("read", file, "--basic", "--format", "jsonl");
        assertFalse(jsonl.stdout().contains("\"analysis\""), "no analysis keys");
        assertTrue(jsonl.stdout().contains("\"seq\":1,\"seq_raw\""), "tshark's relative numbers stay");
    }

    @Test
    void readsStandardInput_asItReadsTheFile() throws Exception {
        java.nio.file.Path file = org.tcplab.Samples.path("greeting.pcap");
        Cli.Result viaStdin = Cli.runWithInput(60, file, "read", "-", "--format", "jsonl");
        Cli.Result direct = Cli.run("read", file.toString(), "--format", "jsonl");
        assertEquals(0, viaStdin.exitCode(), viaStdin.stderr());
        assertEquals(17, viaStdin.lines().size());
        assertEquals(direct.stdout(), viaStdin.stdout());
    }

    @Test
    void emptyStandardInput_isOneLineExit1() throws Exception {
        Cli.Result r = Cli.run("read", "-", "--format", "jsonl");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("empty"), r.stderr());
    }

    @Test
    void gzipCompressedCaptures_readAsTheirContent_fromAFileAndFromStandardInput() throws Exception {
        java.nio.file.Path file = org.tcplab.Samples.path("greeting.pcap");
        java.nio.file.Path gz = java.nio.file.Files.createTempFile("greeting", ".pcap.gz");
        try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
            out.write(java.nio.file.Files.readAllBytes(file));
        }
        try {
            Cli.Result plain = Cli.run("read", file.toString());
            assertEquals(plain.stdout(), Cli.run("read", gz.toString()).stdout());
            assertEquals(plain.stdout(), Cli.runWithInput(60, gz, "read", "-").stdout());
            // cut the compressed file: what could be decompressed, then one line
            byte[] all = java.nio.file.Files.readAllBytes(gz);
            java.nio.file.Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
            Cli.Result cut = Cli.run("read", gz.toString());
            assertEquals(1, cut.exitCode());
            assertEquals(1, cut.stderr().lines().count(), cut.stderr());
            assertTrue(cut.stderr().contains("gzip"), cut.stderr());
        } finally {
            java.nio.file.Files.deleteIfExists(gz);
        }
    }

    @Test
    void help_listsTheOptions_andMinusVStaysTsharksDetails() throws Exception {
        for (String flag : List.of("--help", "-h")) {
            Cli.Result r = Cli.run("read", flag);
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(r.stdout().contains("--display-filter=FILTER"), r.stdout());
            assertTrue(r.stdout().contains("  -V  ") && r.stdout().contains("tshark -V)"), r.stdout());
        }
        assertTrue(Cli.run("read", "--version").stdout().startsWith("analyzer "));
    }

    @Test
    void helpRead_printsWhatReadHelpPrints_andAnUnknownCommandIsOneLine() throws Exception {
        Cli.Result help = Cli.run("help", "read");
        assertEquals(0, help.exitCode(), help.stderr());
        assertEquals(Cli.run("read", "--help").stdout(), help.stdout());
        Cli.Result unknown = Cli.run("help", "reed");
        assertEquals(2, unknown.exitCode());
        assertEquals(1, unknown.stderr().lines().count(), unknown.stderr());
        assertTrue(unknown.stderr().contains("'reed'"), unknown.stderr());
    }

    @Test
    void payloadText_showsTheGreeting() throws Exception {
        Cli.Result r = Cli.run("read", org.tcplab.Samples.path("greeting.pcap").toString(), "-A");
        assertEquals(0, r.exitCode(), r.stderr());
        for (String text : List.of("Welcome!", "What's your name?", "Hello Alice!", "Hello Bob!", "Good bye!")) {
            assertTrue(r.lines().contains("           " + text), text + " in\n" + r.stdout());
        }
    }

    @Test
    void displayFilter_selectsAsTsharkWould_andCountsWithC() throws Exception {
        Cli.Result r = Cli.run("read", org.tcplab.Samples.path("greeting.pcap").toString(), "-Y",
                "tcp.flags.syn == 1 || tcp.flags.fin == 1");
        assertEquals(List.of(1L, 2L, 15L, 16L), r.packetLines().stream().map(l -> Long.parseLong(l.trim().split(" ")[0])).toList());
        Cli.Result two = Cli.run("read", org.tcplab.Samples.path("greeting.pcap").toString(), "-Y", "tcp.len > 0", "-c", "2");
        assertEquals(2, two.packetLines().size());
    }

    /** --format none with -Y says how many packets passed, as many as tshark -Y selects. */
    @Test
    void formatNone_withADisplayFilter_countsWhatPassed() throws Exception {
        Cli.Result r = Cli.run("read", org.tcplab.Samples.path("greeting.pcap").toString(), "--format", "none", "-Y", "tcp.len > 0");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("17 packets (8 passed the display filter), 1 TCP streams in "), r.stderr());
    }

    @Test
    void displayFilterErrors_oneLineWithTheColumn_exit2() throws Exception {
        String sample = org.tcplab.Samples.path("greeting.pcap").toString();
        String[][] cases = {
            {"tcp.flgs.syn == 1", "unknown field 'tcp.flgs.syn' at column 1; did you mean tcp.flags.syn?"},
            {"tcp.port == 80 and", "'and' needs a test after it at column 19"},
            {"tcp.port == \"abc\"", "cannot compare tcp.port (an unsigned integer) with \"abc\": not a number at column 13"},
            {"(tcp.port == 80", "'(' is not closed"},
            {"ip.addr == 10.0.0.0/40", "a /40 prefix is longer than the address"},
            {"tcp.analysis.retransmission == 1", "is a marker with no value"},
            {"tcp.payload matches \"[\"", "bad regular expression"},
            {"tcp.port == 70000", "'70000' is too big for tcp.port (at most 65535) at column 13"},
            {"tcp.flags.syn == -1", "cannot compare tcp.flags.syn (a boolean) with '-1': a boolean is not negative at column 18"},
            // functions: what tshark 4.0 refuses, refused in one line
            {"len(tcp.payload)", "len() has a value, not a presence: compare it (e.g. len(tcp.payload) > 0) at column 1"},
            {"upper(tcp.flags.str)", "upper() has a value, not a presence: compare it (e.g. upper(tcp.flags.str) contains \"x\") at column 1"},
            {"len(tcp.len, tcp.seq) > 1", "len() takes one field at column 12"},
            {"upper(tcp.payload) contains \"GET\"", "upper() takes a string field, and tcp.payload is a byte string at column 1"},
            {"string(tcp.flags.syn) == \"1\"", "string() takes an integer, an address or a string, and tcp.flags.syn is a boolean at column 1"},
            {"tcp and lenght(tcp.payload) > 1", "unknown function 'lenght' (the functions are len, count, upper, lower, string, abs) at column 9"},
            {"len(tcp.paylod) > 1", "unknown field 'tcp.paylod' at column 5; did you mean tcp.payload?"},
            {"len(tcp.payload > 1", "'(' is not closed: expected ')' but found '>' at column 4"},
            {"string(len(tcp.payload)) == \"9\"", "string() takes a field, not another function at column 8"},
            {"tcp.port in {len(tcp.payload)}", "len() cannot stand for a value here: compare it with a field or a value at column 14"},
            {"tcp.flags & len(tcp.payload)", "len() cannot stand for a value here: compare it with a field or a value at column 13"},
            {"count(ip.addr) == \"two\"", "cannot compare count(ip.addr) (an unsigned integer) with \"two\": not a number at column 19"},
        };
        for (String[] c : cases) {
            Cli.Result r = Cli.run("read", sample, "-Y", c[0]);
            assertEquals(2, r.exitCode(), c[0] + ": " + r.stderr());
            assertEquals(1, r.stderr().lines().count(), r.stderr());
            assertTrue(r.stderr().startsWith("analyzer: display filter: ") && r.stderr().contains(c[1]), c[0] + " -> " + r.stderr());
            assertTrue(r.stdout().isEmpty(), r.stdout());
        }
    }

    @Test
    void fieldsOptions_areChecked() throws Exception {
        String sample = org.tcplab.Samples.path("greeting.pcap").toString();
        assertEquals(2, Cli.run("read", sample, "-T", "fields").exitCode(), "-T fields needs -e");
        Cli.Result unknown = Cli.run("read", sample, "-T", "fields", "-e", "tcp.sqe");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("did you mean tcp.seq?"), unknown.stderr());
        assertEquals(2, Cli.run("read", sample, "-T", "fields", "-e", "tcp.seq", "-E", "quote=x").exitCode());
        Cli.Result both = Cli.run("read", sample, "-T", "fields", "-e", "tcp.seq", "--format", "jsonl");
        assertEquals(2, both.exitCode(), "-T fields with --format jsonl is refused, not half-obeyed");
        assertEquals("analyzer: -T fields and --format jsonl both choose the output: give one", both.stderr().strip());
        Cli.Result csv = Cli.run("read", sample, "--format", "csv", "-c", "2");
        assertEquals(0, csv.exitCode(), csv.stderr());
        assertEquals("frame.number,frame.time_relative,tcplab.src,tcplab.sport,tcplab.dst,tcplab.dport,tcplab.proto,frame.len,"
                + "tcp.stream,tcplab.flags,tcp.seq,tcp.ack,tcplab.payload_len,tcp.window_size,tcplab.analysis,tcplab.state.client,"
                + "tcplab.state.server", csv.lines().get(0));
        assertTrue(csv.lines().get(2).contains("\"SYN, ACK\""), csv.lines().get(2));
    }

    /** A hex dump between CSV rows, field lines or JSON lines would break them: -x goes with text only. */
    @Test
    void hexDump_withAStructuredFormat_isRefusedInOneLine() throws Exception {
        String sample = org.tcplab.Samples.path("greeting.pcap").toString();
        for (List<String> format : List.of(List.of("--format", "csv"), List.of("--format", "jsonl"),
                List.of("-T", "fields", "-e", "frame.number"))) {
            List<String> args = new java.util.ArrayList<>(List.of("read", sample, "-x"));
            args.addAll(format);
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), format + ": " + r.stderr());
            assertEquals("", r.stdout(), format.toString());
            assertEquals(1, r.stderr().lines().count(), r.stderr());
            assertTrue(r.stderr().contains("-x"), r.stderr());
        }
        Cli.Result text = Cli.run("read", sample, "-x", "-c", "1");
        assertEquals(0, text.exitCode(), text.stderr());
        assertTrue(text.stdout().contains("0000  "), text.stdout());
    }

    @Test
    void malformedPackets_areMarkedAndReadingGoesOn() throws Exception {
        Cli.Result r = Cli.run("read", corpus("malformed/pcapplusplus_tcp-malformed.pcap"), "--format", "jsonl");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(2, r.lines().size());
        r.lines().forEach(l -> assertTrue(l.contains("\"malformed\":\"TCP segment of"), l));
    }

    @Test
    void missingFile_isOneLineAndExitCode3() throws Exception {
        Cli.Result r = Cli.run("read", "/no/such/file.pcap");
        assertEquals(3, r.exitCode());
        assertEquals("analyzer: no such file: /no/such/file.pcap\n", r.stderr());
    }

    @Test
    void notACaptureFile_isOneLine() throws Exception {
        Cli.Result r = Cli.run("read", Path.of("pom.xml").toAbsolutePath().toString());
        assertEquals(1, r.exitCode());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().contains("is not a pcap or pcapng capture file"), r.stderr());
    }

    @Test
    void truncatedFile_printsWhatWasReadThenOneLine() throws Exception {
        Cli.Result r = Cli.run("read", corpus("truncated/dpkt_truncated_dns_2.pcap"));
        assertEquals(1, r.exitCode());
        assertEquals(1, r.lines().size(), "the packet before the damage is printed");
        assertTrue(r.stderr().contains("cut short"), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
    }

    @Test
    void unsupportedLinkType_isNamed() throws Exception {
        Path file = java.nio.file.Files.createTempFile("usb", ".pcap");
        try {
            java.nio.file.Files.write(file, org.tcplab.capture.Captures.pcap(false, false, 189, new long[][] {{1, 0}}, new byte[48]));
            Cli.Result r = Cli.run("read", file.toString());
            assertEquals(1, r.exitCode());
            assertTrue(r.stderr().contains("unsupported link type 189 (USB_LINUX)"), r.stderr());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void badOption_isUsageErrorWithoutStackTrace() throws Exception {
        Cli.Result r = Cli.run("read", "--format", "xml", "x.pcap");
        assertEquals(2, r.exitCode());
        assertFalse(r.stderr().contains("at org."), r.stderr());
    }

    @Test
    void sample_readsAsShipped() throws Exception {
        Cli.Result r = Cli.run("read", Samples.path("synthetic-3-flows.pcap").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(36, r.packetLines().size());
        Matcher m = Pattern.compile("stream (\\d+)").matcher(r.stdout());
        int max = 0;
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        assertEquals(2, max);
    }
}
