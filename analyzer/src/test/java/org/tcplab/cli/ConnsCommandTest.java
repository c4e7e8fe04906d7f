package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.Corpus;
import org.tcplab.Samples;

class ConnsCommandTest {
    @TempDir
    Path dir;

    /**
     * A damaged file and the cap at once: the rows read before the damage, the count of what the
     * cap summarised early, then the damage, exit 1.
     */
    @Test
    void damagedFile_stillSaysWhatTheCapSummarisedEarly() throws Exception {
        byte[] whole = Files.readAllBytes(Samples.path("portscan.pcap"));
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 7));
        Cli.Result r = Cli.run("conns", cut.toString(), "--max-tracked", "2", "--format", "jsonl");
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals(14, r.stdout().lines().count(), r.stdout());
        assertTrue(r.stderr().contains("conns: 12 connections were summarised early: more than 2 open at once (--max-tracked)"),
                r.stderr());
        assertTrue(r.stderr().contains("file cut short in the middle of packet 31"), r.stderr());
    }

    /** The client only ACKs a zero window; the SYNs are not in the capture. */
    @Test
    void sideWithoutData_saysNone_andRolesAreMarkedInferred() throws Exception {
        String file = Corpus.root().resolve("tcp/sanders_tcp_zerowindowdead.pcapng").toString();
        Cli.Result r = Cli.run("conns", file);
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.lines().get(1).startsWith("0      172.31.136.85:38760 -> 195.81.202.68:80?"), r.lines().get(1));
        assertTrue(r.lines().get(1).contains(" OTH ") && r.lines().get(1).endsWith("dAWa"), r.lines().get(1));
        assertTrue(r.lines().get(2).contains("; segments c>s none, s>c 1344-1344"), r.lines().get(2));
        assertTrue(r.lines().get(3).startsWith("       retrans 0, dup ACKs 0, zero windows 4, out of order 0;"), r.lines().get(3));
        assertTrue(r.lines().get(4).startsWith("? no SYN captured"), r.lines().get(4));
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

    /**
     * The forged RST of rst-out-of-window moved tshark's next expected seq of the server far ahead
     * (an RST is not checked for a lost segment), so the server's FIN at seq 1 is a retransmission
     * to tshark (frame 9), and so to us: one, though nothing was sent twice.
     */
    @Test
    void forgedRst_makesTheFinARetransmission_countedInBothFormats() throws Exception {
        String file = Samples.path("rst-out-of-window.pcap").toString();
        Cli.Result text = Cli.run("conns", file);
        assertEquals(0, text.exitCode(), text.stderr());
        assertEquals("       retrans 1, dup ACKs 0, zero windows 0, out of order 0; ACK RTT 0.005-0.041 ms, mean 0.017 ms",
                text.lines().get(3));
        Cli.Result json = Cli.run("conns", file, "--format", "jsonl");
        assertEquals(0, json.exitCode(), json.stderr());
        assertTrue(json.stdout().endsWith(",\"zeek_orig\":\"client\",\"retransmissions\":1,\"dup_acks\":0,\"zero_windows\":0,"
                + "\"out_of_order\":0,\"rtt_min\":0.000005909,\"rtt_mean\":0.000017891,\"rtt_max\":0.000041341}\n"), json.stdout());
    }

    /** Five retransmissions that nothing acknowledges: no ACK RTT, "none" in the table and no rtt keys in JSONL. */
    @Test
    void noAckRtt_saysNone_andTheJsonHasNoRttKeys() throws Exception {
        String file = Corpus.root().resolve("tcp/sanders_tcp_retransmissions.pcapng").toString();
        Cli.Result text = Cli.run("conns", file);
        assertEquals(0, text.exitCode(), text.stderr());
        assertTrue(text.lines().get(3).startsWith("       retrans 5,") && text.lines().get(3).endsWith("; ACK RTT none"),
                text.lines().get(3));
        Cli.Result json = Cli.run("conns", file, "--format", "jsonl");
        assertTrue(json.stdout().contains("\"retransmissions\":5,") && !json.stdout().contains("rtt_"), json.stdout());
    }
}
