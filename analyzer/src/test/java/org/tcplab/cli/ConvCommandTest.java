package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.tcplab.Corpus;

class ConvCommandTest {
    @Test
    void textTable_isTsharksLayout() throws Exception {
        String file = Corpus.root().resolve("tcp/dpkt_http.pcap").toString();
        Cli.Result r = Cli.run("conv", file);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(Files.readString(Corpus.root().resolve("expected/tcp/dpkt_http.pcap.conv.txt")), r.stdout());
    }

    @Test
    void jsonl_oneObjectPerConversation() throws Exception {
        String file = Corpus.root().resolve("tcp/dpkt_http.pcap").toString();
        Cli.Result r = Cli.run("conv", file, "--format", "jsonl");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(3, r.lines().size());
        assertTrue(r.lines().get(0).startsWith("{\"proto\":\"udp\",\"a\":\"145.254.160.237\",\"a_port\":3009"), r.lines().get(0));
        assertTrue(r.lines().get(1).contains("\"frames_a_to_b\":16,\"bytes_a_to_b\":1351,\"frames_b_to_a\":18,\"bytes_b_to_a\":19344"),
                r.lines().get(1));
    }

    @Test
    void damagedFile_printsTablesOfWhatWasReadThenOneLine() throws Exception {
        String file = Corpus.root().resolve("malformed/gopacket_le_test901.pcapng").toString();
        Cli.Result r = Cli.run("conv", file);
        assertEquals(1, r.exitCode());
        assertTrue(r.stdout().contains("UDP Conversations"));
        assertEquals(1, r.stderr().lines().count(), r.stderr());
    }
}
