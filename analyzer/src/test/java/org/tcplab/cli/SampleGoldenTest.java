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

    @Test
    void conv_ofTheShippedSample() throws Exception {
        Cli.Result r = Cli.run("conv", Samples.path("synthetic-3-flows.pcap").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        Golden.assertMatches("synthetic-3-flows.conv.txt", r.stdout());
    }
}
