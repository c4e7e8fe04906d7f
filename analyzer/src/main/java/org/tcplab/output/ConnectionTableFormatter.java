package org.tcplab.output;

import java.io.IOException;
import java.util.List;
import org.tcplab.analysis.ConnectionSummary;

/**
 * The {@code conns} table: three lines per connection (the row; its bytes, options, segments and
 * close; its problem counts and ACK RTTs), or one JSON object per connection with the keys the
 * README documents.
 */
public final class ConnectionTableFormatter {
    private ConnectionTableFormatter() {
    }

    /** The header, every row (formatted on two threads for long tables), and the note on inferred roles. */
    public static void text(LineOutput out, List<ConnectionSummary> rows) throws IOException {
        StringBuilder sb = out.builder();
        header(sb, "stream", "client -> server", "start", "duration", "pkts c>s", "pkts s>c", "handshake", "client", "server",
                "state");
        sb.append("history");
        out.endLine();
        RowWriter.write(out, rows, ConnectionTableFormatter::appendText);
        boolean inferred = false;
        for (ConnectionSummary c : rows) {
            inferred |= c.rolesInferred();
        }
        if (inferred) {
            sb.append("? no SYN captured: client and server are inferred (the SYN+ACK's receiver, else the higher port)");
            out.endLine();
        }
    }

    public static void jsonl(LineOutput out, List<ConnectionSummary> rows) throws IOException {
        RowWriter.write(out, rows, (sb, c) -> appendJson(sb, c).append('\n'));
    }

    /**
     * A connection's three lines of the table: the row; its bytes, options, segments and close; its
     * retransmissions, duplicate ACKs, zero windows, out-of-order segments and ACK RTTs (in
     * milliseconds, as ss -i shows RTTs, so that a loopback's microseconds read at a glance).
     */
    public static void appendText(StringBuilder sb, ConnectionSummary c) {
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
        Columns.left(sb, c.clientState().label(), 12);
        Columns.left(sb, c.serverState().label(), 12);
        Columns.left(sb, c.connState(), 7);
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
            sb.append("; RST by ").append(c.rstBy().label()).append(": ").append(c.rstCause().code());
        }
        if (!c.zeekOriginatorIsClient()) {
            // the history's case follows Zeek's originator, here the other side
            sb.append("; Zeek's originator is the server (upper case in its history)");
        }
        sb.append('\n');
        sb.append("       retrans ").append(c.retransmissions()).append(", dup ACKs ").append(c.dupAcks())
                .append(", zero windows ").append(c.zeroWindows()).append(", out of order ").append(c.outOfOrder())
                .append("; ACK RTT ");
        if (c.ackRtts() == 0) {
            sb.append("none");
        } else {
            TimeFormat.appendMillis(sb, c.ackRttMinNanos(), 3);
            sb.append('-');
            TimeFormat.appendMillis(sb, c.ackRttMaxNanos(), 3);
            sb.append(" ms, mean ");
            TimeFormat.appendMillis(sb, c.ackRttMeanNanos(), 3);
            sb.append(" ms");
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

    /** One connection as a JSON object (the conns JSONL interface). */
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
            sb.append(",\"rst_by\":\"").append(c.rstBy().label()).append("\",\"rst_cause\":\"").append(c.rstCause().code()).append('"');
        }
        sb.append(",\"client_state\":\"").append(c.clientState().label()).append("\",\"server_state\":\"")
                .append(c.serverState().label()).append("\",\"conn_state\":\"").append(c.connState())
                .append("\",\"history\":\"").append(c.history()).append("\",\"zeek_orig\":\"")
                .append(c.zeekOriginatorIsClient() ? "client" : "server").append('"');
        sb.append(",\"retransmissions\":").append(c.retransmissions()).append(",\"dup_acks\":").append(c.dupAcks())
                .append(",\"zero_windows\":").append(c.zeroWindows()).append(",\"out_of_order\":").append(c.outOfOrder());
        // like irtt: no key when there is no value
        if (c.ackRtts() > 0) {
            sb.append(",\"rtt_min\":");
            TimeFormat.appendOffset(sb, c.ackRttMinNanos(), 9);
            sb.append(",\"rtt_mean\":");
            TimeFormat.appendOffset(sb, c.ackRttMeanNanos(), 9);
            sb.append(",\"rtt_max\":");
            TimeFormat.appendOffset(sb, c.ackRttMaxNanos(), 9);
        }
        return sb.append('}');
    }
}
