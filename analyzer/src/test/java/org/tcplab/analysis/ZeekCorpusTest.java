package org.tcplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tcplab.Corpus;
import org.tcplab.cli.Cli;

/**
 * conns on the corpus captures that come from Zeek's own test suite, against the conn.log lines
 * Zeek's baselines hold for them (zeek/zeek a13de64, testing/btest/Baseline/): the one
 * connection of each capture, its conn_state (where the baseline logs it) and its history.
 */
class ZeekCorpusTest {
    private static final Pattern STATE = Pattern.compile("\"conn_state\":\"([^\"]*)\"");
    private static final Pattern HISTORY = Pattern.compile("\"history\":\"([^\"]*)\"");

    @ParameterizedTest(name = "{0}: {1} {2} ({3})")
    @CsvSource({
        // a SYN+ACK first, no likely port: flipped at the first ACK, with the history rewritten to ^h
        "tcp/zeek_ctu-64702-888.pcap, -, ^hAfdtFr, core.conn-size-flip/conn.log.ctu",
        // a SYN+ACK first from port 80: flipped, then a normal close from both sides
        "tcp/zeek_missing-syn.pcap, SF, ^hADdFaf, core.tcp.missing-syn/conn.log",
        // content gaps both ways ('G', 'g'), retransmitted payload, the originator's RST
        "tcp/zeek_retransmit-fast009.pcap, RSTO, ShADaGdgtR, core.tcp.rxmit-history/conn-1.log",
        // retransmissions counted 1, 10: T and t twice each
        "tcp/zeek_ssh-dups.pcap, -, ShADTadtTtFf, core.tcp.tcp-dups/out",
    })
    void conns_givesZeeksBaseline(String capture, String connState, String history, String baseline) throws Exception {
        Cli.Result r = Cli.run("conns", Corpus.root().resolve(capture).toString(), "--format", "jsonl");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(1, r.lines().size(), r.stdout());
        String line = r.lines().get(0);
        if (!connState.equals("-")) {
            assertEquals(connState, group(STATE, line), baseline);
        }
        assertEquals(history, group(HISTORY, line), baseline);
    }

    private static String group(Pattern p, String line) {
        Matcher m = p.matcher(line);
        return m.find() ? m.group(1) : null;
    }
}
