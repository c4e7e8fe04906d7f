package org.tcplab.gen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tcplab.analysis.ConnectionSummary;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.output.ByteSink;
import org.tcplab.output.ConnectionTableFormatter;
import org.tcplab.output.TextFormatter;
import org.tcplab.pipeline.CaptureAnalyzer;

/**
 * A scenario's report ({@code SCENARIO.txt}): a header, the connections (one JSON object each), the
 * kernel's own socket states recorded during the run, and every packet with its annotations,
 * states and transitions. All but the socket states can be rebuilt from the capture alone.
 */
public final class Report {
    static final String CONNECTIONS = "\n## Connections\n";
    static final String SOCKETS = "\n## The kernel's sockets\n";
    static final String PACKETS = "\n## Packets\n";

    private Report() {
    }

    public static String render(Path pcap, String header, String sockets) throws IOException {
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        TextFormatter text = new TextFormatter(false);
        StringBuilder packets = new StringBuilder();
        ByteSink line = new ByteSink();
        List<ConnectionSummary> summaries = new ArrayList<>();
        try (FrameSource src = CaptureFiles.open(pcap)) {
            analyzer.summarise(src, v -> {
                line.clear();
                text.format(v, line);
                packets.append(line).append('\n');
                return true;
            }, summaries);
        }
        StringBuilder sb = new StringBuilder(header).append(CONNECTIONS);
        for (ConnectionSummary c : summaries) {
            ConnectionTableFormatter.appendJson(sb, c);
            sb.append('\n');
        }
        sb.append(SOCKETS).append(sockets).append(PACKETS).append(packets);
        return sb.toString();
    }

    /** The header of a committed report (everything before the connections). */
    public static String header(String report) {
        return report.substring(0, report.indexOf(CONNECTIONS));
    }

    /** The socket states of a committed report. */
    public static String sockets(String report) {
        int a = report.indexOf(SOCKETS) + SOCKETS.length();
        return report.substring(a, report.indexOf(PACKETS));
    }
}
