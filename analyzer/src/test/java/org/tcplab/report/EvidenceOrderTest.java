package org.tcplab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tcplab.Samples;

/**
 * The report of a simultaneous close (the lab's sample: both FINs crossed on the wire) tells the
 * evidence's story everywhere: neither side was ever in CLOSE-WAIT, both went FIN-WAIT-1, CLOSING,
 * TIME-WAIT, in the tables, the ladder and the paths alike.
 */
class EvidenceOrderTest {
    @Test
    void finsCrossed_neitherSideWasInCloseWait_bothPassThroughClosing() throws Exception {
        CaptureReport r = Reports.of(Samples.path("simultaneous-close.pcap"), Locale.ENGLISH);
        String text = PlainReport.text(r, Locale.ENGLISH);
        assertTrue(text.contains("client: CLOSED → SYN-SENT → ESTABLISHED → FIN-WAIT-1 → CLOSING → TIME-WAIT"), text);
        assertTrue(text.contains("server: LISTEN → SYN-RECEIVED → ESTABLISHED → FIN-WAIT-1 → CLOSING → TIME-WAIT"), text);
        assertTrue(text.contains("The FINs crossed: the server's FIN (frame 5) has ack = 1, not 2"), text);
        // CLOSE-WAIT is named only where the cause says it was not that
        assertFalse(text.replace("(not CLOSE-WAIT)", "").contains("CLOSE-WAIT"), text);
        Ladder ladder = r.conversations().get(0).ladder();
        List<String> server = ladder.marks().stream().filter(m -> m.endpoint() == 1).map(Ladder.Mark::state).toList();
        assertEquals(List.of("LISTEN", "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1", "CLOSING", "TIME-WAIT"), server);
    }
}
