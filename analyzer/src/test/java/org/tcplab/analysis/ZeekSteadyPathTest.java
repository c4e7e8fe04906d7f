package org.tcplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcplab.Corpus;
import org.tcplab.Samples;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.pipeline.ConnectionPass;

/**
 * ZeekConnection's steady path (the commonest packet written out) must give exactly what the
 * whole procedure gives: every corpus capture and every sample, conn_state and history of every
 * connection, with the path on and off.
 */
class ZeekSteadyPathTest {

    private static List<String> verdicts(Path capture) {
        List<ConnectionSummary> rows = new ArrayList<>();
        try (FrameSource source = CaptureFiles.open(capture)) {
            new ConnectionPass(new ConnectionTracker()).summarise(source, rows);
        } catch (Exception e) {
            // a damaged capture: the connections read before the damage are compared
        }
        List<String> out = new ArrayList<>();
        for (ConnectionSummary c : rows) {
            out.add(c.stream() + " " + c.connState() + " " + c.history() + " " + c.zeekOriginatorIsClient());
        }
        return out;
    }

    @Test
    void steadyPath_givesWhatTheWholeProcedureGives_onEveryCapture() {
        List<Path> captures = new ArrayList<>(Corpus.captures());
        captures.addAll(Samples.captures());
        int connections = 0;
        for (Path capture : captures) {
            List<String> fast;
            List<String> whole;
            try {
                ZeekConnection.FAST_PATH = true;
                fast = verdicts(capture);
                ZeekConnection.FAST_PATH = false;
                whole = verdicts(capture);
            } finally {
                ZeekConnection.FAST_PATH = true;
            }
            assertEquals(whole, fast, capture.toString());
            connections += whole.size();
        }
        assertTrue(connections > 100, "connections compared: " + connections);
    }
}
