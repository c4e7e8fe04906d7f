package org.tcplab.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tcplab.analysis.ConnectionSummary;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.FrameSource;
import org.tcplab.output.Columns;
import org.tcplab.output.LineOutput;
import org.tcplab.output.RowWriter;
import org.tcplab.output.TimeFormat;
import org.tcplab.pipeline.CaptureAnalyzer;
import org.tcplab.pipeline.ConnectionPass;
import org.tcplab.tcp.TcpStreamTracker;
import org.tcplab.pipeline.PacketSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "conns", mixinStandardHelpOptions = true,
        description = {"Summarise every TCP connection: endpoints, duration, packets and bytes each way, handshake,",
                "negotiated options, who closed and how, final states of both sides, Zeek's conn_state and history."})
public final class ConnsCommand implements Callable<Integer> {
    enum Format { text, jsonl }

    @Parameters(paramLabel = "FILE", description = "capture file (pcap or pcapng), or - for standard input")
    String file;

    @Option(names = "--format", description = "text (a table, default) or jsonl (one object per connection)")
    Format format = Format.text;

    @Option(names = "--max-tracked", paramLabel = "N", description = "connections analysed at once; beyond, the oldest is summarised early (default ${DEFAULT-VALUE})")
    int maxTracked = 1 << 20;


    /**
     * The command for {@code conns} arguments that need no parser: one file (or -) and, in any
     * order, {@code --format F} and {@code --max-tracked N}, with a space or '='. Null for anything
     * else (help, a bad value, an unknown option), which picocli then reads and reports. The
     * launcher takes this path to skip building picocli's model; ConnsArgumentsTest pins that it
     * reads every such command line as picocli does.
     */
    static ConnsCommand plainArguments(String[] args) {
        if (args.length < 2 || args.length > 6 || !"conns".equals(args[0])) {
            return null;
        }
        ConnsCommand c = new ConnsCommand();
        boolean format = false;
        boolean max = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            boolean inline = a.startsWith("--") && eq > 0; // --name=value
            String name = inline ? a.substring(0, eq) : a;
            if (name.equals("--format") || name.equals("--max-tracked")) {
                String value;
                if (inline) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return null;
                }
                if (name.equals("--format") && !format) {
                    format = true;
                    if (value.equalsIgnoreCase("text")) {
                        c.format = Format.text;
                    } else if (value.equalsIgnoreCase("jsonl")) {
                        c.format = Format.jsonl;
                    } else {
                        return null;
                    }
                } else if (name.equals("--max-tracked") && !max && isCount(value)) {
                    max = true;
                    c.maxTracked = Integer.parseInt(value);
                } else {
                    return null;
                }
            } else if (c.file == null && (a.equals("-") || !a.startsWith("-"))) {
                c.file = a;
            } else {
                return null;
            }
        }
        return c.file == null ? null : c;
    }

    /** One to nine decimal digits: an int without sign or overflow. */
    private static boolean isCount(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public Integer call() throws IOException {
        TcpStreamTracker streams = new TcpStreamTracker();
        streams.maxTracked(maxTracked);
        Failure failure = null;
        List<ConnectionSummary> rows = new ArrayList<>();
        try (FrameSource source = Inputs.open(file)) {
            analyse(source, streams, rows);
        } catch (CaptureFileException e) {
            failure = new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, e.getMessage()));
        }
        if (streams.evictedEarly() > 0) {
            System.err.printf("conns: %d connections were summarised early: more than %d open at once (--max-tracked)%n",
                    streams.evictedEarly(), maxTracked);
        }
        try (LineOutput out = new LineOutput(new FileOutputStream(FileDescriptor.out), false)) {
            if (format == Format.text) {
                text(out, rows);
            } else {
                RowWriter.write(out, rows, (sb, c) -> appendJson(sb, c).append('\n'));
            }
        }
        if (failure != null) {
            throw failure;
        }
        return ExitCodes.OK;
    }

    /**
     * The same with nothing per packet: decoding runs in a second thread ({@link ConnectionPass}).
     */
    public static void analyse(FrameSource source, TcpStreamTracker streams, List<ConnectionSummary> rows)
            throws IOException {
        new ConnectionPass(streams).summarise(source, rows);
    }

    /**
     * Runs the analysis and returns one summary per connection, in stream order. Connections are
     * summarised as they finish (or idle out, or are evicted by the cap) and their state freed.
     */
    public static void analyse(FrameSource source, CaptureAnalyzer analyzer, PacketSink sink, List<ConnectionSummary> rows)
            throws IOException {
        analyzer.streams().onRetired(rows::add);
        try {
            analyzer.run(source, sink);
        } finally {
            // also after a damaged file: summarise what was read
            analyzer.streams().retireAll(analyzer.firstSeconds() * 1_000_000_000L + analyzer.firstNanos());
            rows.sort(java.util.Comparator.comparingInt(ConnectionSummary::stream));
        }
    }

    private static void text(LineOutput out, List<ConnectionSummary> rows) throws IOException {
        StringBuilder sb = out.builder();
        header(sb, "stream", "client -> server", "start", "duration", "pkts c>s", "pkts s>c", "handshake", "client", "server",
                "state");
        sb.append("history");
        out.endLine();
        RowWriter.write(out, rows, ConnsCommand::appendText);
        boolean inferred = false;
        for (ConnectionSummary c : rows) {
            inferred |= c.rolesInferred();
        }
        if (inferred) {
            sb.append("? no SYN captured: client and server are inferred (the SYN+ACK's receiver, else the higher port)");
            out.endLine();
        }
    }

    /** A connection's two lines of the table: the row, then its bytes, options, segments and close. */
    private static void appendText(StringBuilder sb, ConnectionSummary c) {
        Columns.left(sb, Integer.toString(c.stream()), 6);
        StringBuilder t = new StringBuilder(48);
        t.append(c.client()).append(" -> ").append(c.server()).append(c.rolesInferred() ? "?" : "");
        Columns.left(sb, t, 44);
        t.setLength(0);
        TimeFormat.appendOffset(t, c.startNanos(), 3);
        Columns.left(sb, t, 8);
        t.setLength(0);
        TimeFormat.appendOffset(t, c.durationNanos(), 6);
        Columns.right(sb, t, 10);
        Columns.right(sb, c.clientPackets(), 9);
        Columns.right(sb, c.serverPackets(), 9);
        Columns.left(sb, c.handshakeComplete() ? "complete" : "partial", 9);
        Columns.left(sb, c.clientState(), 12);
        Columns.left(sb, c.serverState(), 12);
        Columns.left(sb, c.conn_state(), 7);
        sb.append(c.history()).append('\n');
        sb.append("       bytes c>s ").append(c.clientBytes()).append(" (payload ").append(c.clientPayload())
                .append("), s>c ").append(c.serverBytes()).append(" (payload ").append(c.serverPayload()).append(")");
        if (c.clientMss() >= 0 || c.serverMss() >= 0) {
            sb.append("; MSS ");
            orNone(sb, c.clientMss()).append('/');
            orNone(sb, c.serverMss());
        }
        if (c.clientWindowScale() >= 0) {
            sb.append(", window scale ").append(c.clientWindowScale()).append('/').append(c.serverWindowScale());
        }
        sb.append(c.sack() ? ", SACK" : "").append(c.timestamps() ? ", timestamps" : "");
        if (c.clientMaxSegment() > 0 || c.serverMaxSegment() > 0) {
            sb.append("; segments c>s ");
            range(sb, c.clientMinSegment(), c.clientMaxSegment()).append(", s>c ");
            range(sb, c.serverMinSegment(), c.serverMaxSegment());
        }
        if (c.closedFirst() != null) {
            sb.append("; closed first by ").append(c.closedFirst());
        }
        if (c.rstCause() != null) {
            sb.append("; RST by ").append(c.rstBy()).append(": ").append(c.rstCause());
        }
        sb.append('\n');
    }

    /** A value the summary holds as -1 when that side never sent it (an MSS without its SYN captured). */
    private static StringBuilder orNone(StringBuilder sb, int value) {
        return value < 0 ? sb.append("none") : sb.append(value);
    }

    /** Smallest and largest payload of a side's data segments, "none" when it sent no data. */
    private static StringBuilder range(StringBuilder sb, int min, int max) {
        return max == 0 ? sb.append("none") : sb.append(min).append('-').append(max);
    }

    /** The header row: the same columns and widths as the rows. */
    private static void header(StringBuilder sb, String stream, String ends, String start, String duration, String toServer,
                               String toClient, String handshake, String client, String server, String state) {
        Columns.left(sb, stream, 6);
        Columns.left(sb, ends, 44);
        Columns.left(sb, start, 8);
        Columns.right(sb, duration, 10);
        Columns.right(sb, toServer, 9);
        Columns.right(sb, toClient, 9);
        Columns.left(sb, handshake, 9);
        Columns.left(sb, client, 12);
        Columns.left(sb, server, 12);
        Columns.left(sb, state, 7);
    }

    public static StringBuilder appendJson(StringBuilder sb, ConnectionSummary c) {
        sb.append("{\"stream\":").append(c.stream()).append(",\"client\":\"").append(c.client()).append("\",\"server\":\"")
                .append(c.server()).append("\",\"roles_inferred\":").append(c.rolesInferred()).append(",\"start\":");
        TimeFormat.appendOffset(sb, c.startNanos(), 9);
        sb.append(",\"duration\":");
        TimeFormat.appendOffset(sb, c.durationNanos(), 9);
        sb.append(",\"client_packets\":").append(c.clientPackets()).append(",\"client_bytes\":").append(c.clientBytes())
                .append(",\"client_payload\":").append(c.clientPayload()).append(",\"server_packets\":").append(c.serverPackets())
                .append(",\"server_bytes\":").append(c.serverBytes()).append(",\"server_payload\":").append(c.serverPayload())
                .append(",\"handshake_complete\":").append(c.handshakeComplete())
                .append(",\"client_mss\":").append(c.clientMss()).append(",\"server_mss\":").append(c.serverMss())
                .append(",\"client_wscale\":").append(c.clientWindowScale()).append(",\"server_wscale\":").append(c.serverWindowScale())
                .append(",\"sack\":").append(c.sack()).append(",\"timestamps\":").append(c.timestamps())
                .append(",\"client_segment_min\":").append(c.clientMinSegment()).append(",\"client_segment_max\":").append(c.clientMaxSegment())
                .append(",\"server_segment_min\":").append(c.serverMinSegment()).append(",\"server_segment_max\":").append(c.serverMaxSegment());
        if (c.irttNanos() > 0) {
            sb.append(",\"irtt\":");
            TimeFormat.appendOffset(sb, c.irttNanos(), 9);
        }
        if (c.closedFirst() != null) {
            sb.append(",\"closed_first\":\"").append(c.closedFirst()).append('"');
        }
        if (c.rstCause() != null) {
            sb.append(",\"rst_by\":\"").append(c.rstBy()).append("\",\"rst_cause\":\"").append(c.rstCause()).append('"');
        }
        sb.append(",\"client_state\":\"").append(c.clientState()).append("\",\"server_state\":\"").append(c.serverState())
                .append("\",\"conn_state\":\"").append(c.conn_state()).append("\",\"history\":\"").append(c.history()).append("\"}");
        return sb;
    }
}
