package org.tcplab.gen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.output.ByteSink;
import org.tcplab.output.TextFormatter;
import org.tcplab.pipeline.CaptureAnalyzer;
import org.tcplab.report.CaptureReport;
import org.tcplab.report.HtmlReport;
import org.tcplab.report.PlainReport;
import org.tcplab.report.ReportBuilder;
import org.tcplab.report.ReportInput;

/**
 * A scenario's report ({@code SCENARIO.txt}): a header, the analyzer's coursework report (each
 * connection's handshake, data, segmentation, teardown and RST explained), the kernel's own socket
 * states recorded during the run (when there are any), and every packet with its annotations.
 * All but the socket states can be rebuilt from the capture alone. {@code SCENARIO.html} is the
 * same report with its pictures.
 */
public final class Report {
    static final String REPORT = "\n## Report\n";
    static final String SOCKETS = "\n## The kernel's sockets\n";
    static final String PACKETS = "\n## Packets\n";
    /** The header line on loopback's TCP segment size, which says nothing of a UDP or ICMP scenario. */
    static final String LOOPBACK_TCP = "# loopback:";

    private Report() {
    }

    static CaptureReport build(Path pcap) throws IOException {
        try (FrameSource src = CaptureFiles.open(pcap)) {
            return ReportBuilder.build(ReportInput.read(pcap.getFileName().toString(), src, -1), Locale.ENGLISH);
        }
    }

    public static String render(Path pcap, String header, String sockets) throws IOException {
        CaptureReport report = build(pcap);
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        TextFormatter text = new TextFormatter(false);
        StringBuilder packets = new StringBuilder();
        ByteSink line = new ByteSink();
        try (FrameSource src = CaptureFiles.open(pcap)) {
            analyzer.run(src, v -> {
                line.clear();
                text.format(v, line);
                packets.append(line).append('\n');
                return true;
            });
        }
        boolean tcp = report.conversations().stream().anyMatch(c -> c.kind().equals("tcp"));
        StringBuilder sb = new StringBuilder();
        for (String l : header.split("\n")) {
            if (!l.isEmpty() && (tcp || !l.startsWith(LOOPBACK_TCP))) {
                sb.append(l).append('\n');
            }
        }
        sb.append(REPORT).append(PlainReport.text(report, Locale.ENGLISH));
        if (!sockets.isBlank()) {
            sb.append(SOCKETS).append(sockets);
        }
        sb.append(PACKETS).append(packets);
        return sb.toString();
    }

    /** The report with its ladder diagrams and time-sequence graphs, as one HTML file. */
    public static String html(Path pcap) throws IOException {
        return HtmlReport.render(build(pcap), Locale.ENGLISH);
    }

    /** The header of a committed report (everything before the report). */
    public static String header(String report) {
        int at = report.indexOf(REPORT);
        return report.substring(0, at >= 0 ? at : report.indexOf("\n## Connections\n"));
    }

    /** The socket states of a committed report, empty when it recorded none. */
    public static String sockets(String report) {
        int a = report.indexOf(SOCKETS);
        if (a < 0) {
            return "";
        }
        a += SOCKETS.length();
        return report.substring(a, report.indexOf(PACKETS));
    }
}
