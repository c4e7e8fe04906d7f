package org.tcplab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tcplab.Corpus;
import org.tcplab.Tshark;

/**
 * The report's numbers are tshark's: on public captures of handshakes, teardowns, retransmissions,
 * dup ACKs and HTTP, every handshake and data row's seq, ack, raw numbers, length and next seq, and
 * the ack of the frame a data row names as its ACK, equal tshark's fields for those frames.
 */
class ReportTsharkTest {
    @ParameterizedTest
    @ValueSource(strings = {"tcp/sanders_tcp_handshake.pcapng", "tcp/pcapplusplus_one_tcp_stream.pcap",
            "tcp/sanders_tcp_retransmissions.pcapng", "tcp/sanders_tcp_dupack.pcapng", "tcp/sanders_http_post.pcapng",
            "tcp/sanders_tcp_refuseconnection.pcapng", "tcp/dpkt_http.pcap", "tcp/tcpdump_ssh.pcap",
            "tcp/zeek_ssh-dups.pcap", "tcp/sanders_tcp_zerowindowrecovery.pcapng"})
    void handshakeAndDataRows_equalTsharksFields(String name) throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "needs tshark");
        Path file = Corpus.root().resolve(name);
        Assumptions.assumeTrue(file.toFile().isFile(), "corpus capture " + name);
        Map<Long, String[]> t = new HashMap<>();
        String out = Tshark.run("-r", file.toString(), "-Y", "tcp", "-T", "fields", "-E", "occurrence=f", "-e", "frame.number",
                "-e", "tcp.seq", "-e", "tcp.ack", "-e", "tcp.seq_raw", "-e", "tcp.ack_raw", "-e", "tcp.len", "-e", "tcp.nxtseq");
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length >= 7 && !f[0].isBlank()) {
                t.put(Long.parseLong(f[0].trim()), f);
            }
        }
        CaptureReport report = Reports.of(file, Locale.ENGLISH);
        int checked = 0;
        for (Conversation c : report.conversations()) {
            for (Section s : c.sections()) {
                if (!s.kind().equals("handshake") && !s.kind().equals("data")) {
                    continue;
                }
                for (Table.Row row : s.table().rows()) {
                    String[] want = t.get(row.frame());
                    String where = name + " frame " + row.frame() + " (" + s.kind() + ")";
                    assertTrue(want != null, where + " is a TCP frame for tshark");
                    Map<String, String> cell = new HashMap<>();
                    for (int i = 0; i < s.table().columns().size(); i++) {
                        cell.put(s.table().columns().get(i), row.cells().get(i));
                    }
                    assertEquals(want[1], cell.get("seq"), where + " seq");
                    assertEquals(want[5], cell.get("len"), where + " len");
                    if (s.kind().equals("handshake")) {
                        assertEquals(want[3], cell.get("raw_seq"), where + " raw seq");
                        if (!cell.get("ack").isEmpty()) {
                            assertEquals(want[2], cell.get("ack"), where + " ack");
                            assertEquals(want[4], cell.get("raw_ack"), where + " raw ack");
                        }
                    } else {
                        assertEquals(want[6], cell.get("next_seq"), where + " next seq");
                        if (!cell.get("acked_by").isEmpty()) {
                            String[] ack = t.get(Long.parseLong(cell.get("acked_by")));
                            assertEquals(ack[2], cell.get("ack"), where + " the ack of frame " + cell.get("acked_by"));
                        }
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, name + ": some rows were checked");
    }
}
