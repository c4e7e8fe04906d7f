package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tcplab.Corpus;
import org.tcplab.Samples;

class ConnsCommandTest {
    /** The client only ACKs a zero window; the SYNs are not in the capture. */
    @Test
    void sideWithoutData_saysNone_andRolesAreMarkedInferred() throws Exception {
        String file = Corpus.root().resolve("tcp/sanders_tcp_zerowindowdead.pcapng").toString();
        Cli.Result r = Cli.run("conns", file);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.lines().get(1).startsWith("0      172.31.136.85:38760 -> 195.81.202.68:80?"), r.lines().get(1));
        assertTrue(r.lines().get(1).contains(" OTH ") && r.lines().get(1).endsWith("dAWa"), r.lines().get(1));
        assertTrue(r.lines().get(2).contains("; segments c>s none, s>c 1344-1344"), r.lines().get(2));
        assertTrue(r.lines().get(3).startsWith("? no SYN captured"), r.lines().get(3));
    }

    /** A SYN answered by RST: only the client offered an MSS. */
    @Test
    void refusedSyn_mssOfTheSilentSideIsNone() throws Exception {
        String file = Corpus.root().resolve("tcp/sanders_tcp_refuseconnection.pcapng").toString();
        Cli.Result r = Cli.run("conns", file);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.lines().get(1).contains(" REJ "), r.lines().get(1));
        assertTrue(r.lines().get(2).contains("/none;") && r.lines().get(2).contains("RST by server: refused"), r.lines().get(2));
    }

    /**
     * The greeting sample was captured on loopback, where the kernel leaves checksums to a NIC
     * that is not there (tshark -o tcp.check_checksum:TRUE finds all 17 wrong): Zeek without -C
     * drops every segment after a 'C'/'c', which --zeek-checksums reproduces; by default, as with
     * zeek -C, the checksums are not judged.
     */
    @Test
    void zeekChecksums_onALoopbackCapture_givesZeeksDefaultVerdict() throws Exception {
        String file = Samples.path("greeting.pcap").toString();
        Cli.Result plain = Cli.run("conns", file, "--format", "jsonl");
        assertTrue(plain.stdout().contains("\"conn_state\":\"SF\",\"history\":\"ShAdDafF\""), plain.stdout());
        Cli.Result judged = Cli.run("conns", file, "--format", "jsonl", "--zeek-checksums");
        assertEquals(0, judged.exitCode(), judged.stderr());
        assertTrue(judged.stdout().contains("\"conn_state\":\"OTH\",\"history\":\"Cc\""), judged.stdout());
    }
}
