package org.tcplab.gen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.tcplab.analysis.TcpState;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.pipeline.CaptureAnalyzer;

/** What one capture makes of each TCP connection's ending: both endpoints' final states, by client port. */
public final class VantagePoints {
    private VantagePoints() {
    }

    /** Client port to {client's state, server's state} at the end of the capture. */
    public static Map<Integer, TcpState[]> states(Path pcap) throws IOException {
        Map<Integer, TcpState[]> out = new TreeMap<>();
        try (FrameSource s = CaptureFiles.open(pcap)) {
            new CaptureAnalyzer().run(s, v -> {
                var c = v.connection();
                if (c != null && c.clientState() != null && v.packet().isTcp()) {
                    int clientPort = c.fromClient() ? v.packet().sport() : v.packet().dport();
                    out.put(clientPort, new TcpState[] {c.clientState(), c.serverState()});
                }
                return true;
            });
        }
        return out;
    }

    /** The report's header line for one vantage point: its name, its file, what it makes of each connection's end. */
    static String headerLine(String vantage, Path pcap) throws IOException {
        return "# vantage " + vantage + " (" + pcap.getFileName() + "): " + finalStates(pcap);
    }

    /** "port 40312: client TIME-WAIT, server CLOSED; ..." (or "no TCP connection"). */
    static String finalStates(Path pcap) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (var e : states(pcap).entrySet()) {
            sb.append(sb.length() == 0 ? "" : "; ").append("port ").append(e.getKey()).append(": client ")
                    .append(e.getValue()[0].label()).append(", server ").append(e.getValue()[1].label());
        }
        return sb.length() == 0 ? "no TCP connection" : sb.toString();
    }
}
