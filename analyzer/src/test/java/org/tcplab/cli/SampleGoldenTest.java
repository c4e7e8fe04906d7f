package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tcplab.Golden;
import org.tcplab.Samples;

/** The shipped sample, read as the README tells a new user to: its output is pinned. */
class SampleGoldenTest {
    @Test
    void readText_ofTheShippedSample() throws Exception {
        Cli.Result r = Cli.run("read", Samples.path("synthetic-3-flows.pcap").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        Golden.assertMatches("synthetic-3-flows.read.txt", r.stdout());
    }

    @Test
    void readJsonl_ofTheShippedSample() throws Exception {
        Cli.Result r = Cli.run("read", Samples.path("synthetic-3-flows.pcap").toString(), "--format", "jsonl", "--checksums");
        assertEquals(0, r.exitCode(), r.stderr());
        Golden.assertMatches("synthetic-3-flows.read.jsonl", r.stdout());
    }

    /** Packet details (-V) with the hex dump (-x), on samples of each kind: TCP, an RST, ICMP, UDP and IP fragments. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"greeting", "rst-refused", "icmp-echo", "udp-echo", "udp-big"})
    void details_andHexDump_ofTheSamples(String sample) throws Exception {
        Cli.Result r = Cli.run("read", Samples.path(sample + ".pcap").toString(), "-V", "-x");
        assertEquals(0, r.exitCode(), r.stderr());
        Golden.assertMatches(sample + ".details.txt", r.stdout());
    }

    @Test
    void payloadText_andFollow_ofTheGreeting() throws Exception {
        Cli.Result a = Cli.run("read", Samples.path("greeting.pcap").toString(), "-A");
        assertEquals(0, a.exitCode(), a.stderr());
        Golden.assertMatches("greeting.read-A.txt", a.stdout());
        Cli.Result json = Cli.run("follow", Samples.path("greeting.pcap").toString(), "--stream", "0", "--format", "json");
        assertEquals(0, json.exitCode(), json.stderr());
        Golden.assertMatches("greeting.follow.json", json.stdout());
    }

    @Test
    void conv_ofTheShippedSample() throws Exception {
        Cli.Result r = Cli.run("conv", Samples.path("synthetic-3-flows.pcap").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        Golden.assertMatches("synthetic-3-flows.conv.txt", r.stdout());
    }
}
