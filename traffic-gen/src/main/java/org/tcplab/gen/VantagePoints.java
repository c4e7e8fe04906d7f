package org.tcplab.gen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.tcplab.analysis.TcpState;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.pipeline.CaptureAnalyzer;

/** What one capture makes of each TCP connection's ending: both endpoints' final states, by their ports. */
public final class VantagePoints {
    private VantagePoints() {
    }

    /**
     * A connection by its two ports. The client's port alone is not enough: a scan's kernel may
     * give two of its connections (to different server ports) the same ephemeral port, since
     * their 4-tuples still differ, and one would hide the other.
     */
    public record Ports(int client, int server) implements Comparable<Ports> {
        @Override
        public int compareTo(Ports o) {
            return client != o.client ? Integer.compare(client, o.client) : Integer.compare(server, o.server);
        }
    }

    /** Each connection's ports to {client's state, server's state} at the end of the capture. */
    public static Map<Ports, TcpState[]> states(Path pcap) throws IOException {
        Map<Ports, TcpState[]> out = new TreeMap<>();
        try (FrameSource s = CaptureFiles.open(pcap)) {
            new CaptureAnalyzer().run(s, v -> {
                var c = v.connection();
                if (c != null && c.clientState() != null && v.packet().isTcp()) {
                    boolean fromClient = c.fromClient();
                    Ports ports = new Ports(fromClient ? v.packet().sport() : v.packet().dport(),
                            fromClient ? v.packet().dport() : v.packet().sport());
                    out.put(ports, new TcpState[] {c.clientState(), c.serverState()});
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
            sb.append(sb.length() == 0 ? "" : "; ").append("port ").append(e.getKey().client()).append(": client ")
                    .append(e.getValue()[0].label()).append(", server ").append(e.getValue()[1].label());
        }
        return sb.length() == 0 ? "no TCP connection" : sb.toString();
    }
}
