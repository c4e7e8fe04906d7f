package org.tcplab.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.tcplab.analysis.ConnectionSummary;
import org.tcplab.wire.IpEndpoint;

/**
 * The {@code conns} table: three lines per connection (the row; its bytes, options, segments and
 * close; its problem counts and ACK RTTs), or one JSON object per connection with the keys the
 * README documents; printed row by row while the capture is read.
 */
public final class ConnectionTableFormatter {
    // the table's column widths, the same for the header and the rows
    private static final int STREAM = 6;
    private static final int ENDS = 44;
    private static final int START = 8;
    private static final int DURATION = 10;
    private static final int PACKETS = 9;
    private static final int HANDSHAKE = 9;
    private static final int STATE = 12;
    private static final int CONN_STATE = 7;

    private ConnectionTableFormatter() {
    }

    /** The table: its header now, then each row as it comes, and the note on inferred roles at the end. */
    public static Rows text(LineOutput out) throws IOException {
        ByteSink h = new ByteSink();
        h.put("stream").left(0, STREAM);
        int at = h.length();
        h.put("client -> server").left(at, ENDS);
        at = h.length();
        h.put("start").left(at, START);
        at = h.length();
        h.put("duration").right(at, DURATION);
        at = h.length();
        h.put("pkts c>s").right(at, PACKETS);
        at = h.length();
        h.put("pkts s>c").right(at, PACKETS);
        at = h.length();
        h.put("handshake").left(at, HANDSHAKE);
        at = h.length();
        h.put("client").left(at, STATE);
        at = h.length();
        h.put("server").left(at, STATE);
        at = h.length();
        h.put("state").left(at, CONN_STATE);
        h.put("history\n");
        out.write(h.bytes(), 0, h.length());
        return new Rows(out, true);
    }

    /** One JSON object per connection, as each comes. */
    public static Rows jsonl(LineOutput out) {
        return new Rows(out, false);
    }

    /**
     * The rows of a table being printed while the capture is read: formatted on a helper thread
     * ({@link RowWriter}), in the order they are added.
     */
    public static final class Rows implements Consumer<ConnectionSummary>, AutoCloseable {
        private final LineOutput out;
        private final boolean text;
        private final RowWriter<ConnectionSummary> writer;
        private boolean inferred;

        private Rows(LineOutput out, boolean text) {
            this.out = out;
            this.text = text;
            this.writer = new RowWriter<>(out, text ? ConnectionTableFormatter::appendText
                    : (sb, c) -> appendJson(sb, c).put('\n'));
        }

        /** Adds a row; a failure to write earlier rows comes out as an {@link UncheckedIOException}. */
        @Override
        public void accept(ConnectionSummary c) {
            inferred |= c.rolesInferred();
            try {
                writer.add(c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            writer.close();
            if (text && inferred) {
                out.builder().append("? no SYN captured: client and server are inferred (the SYN+ACK's receiver, else the higher port)");
                out.endLine();
            }
        }
    }

    /**
     * A connection's three lines of the table: the row; its bytes, options, segments and close; its
     * retransmissions, duplicate ACKs, zero windows, out-of-order segments and ACK RTTs (in
     * milliseconds, as ss -i shows RTTs, so that a loopback's microseconds read at a glance).
     */
    public static void appendText(ByteSink sb, ConnectionSummary c) {
        int at = sb.length();
        sb.put(c.stream()).left(at, STREAM);
        at = sb.length();
        endpoint(sb, c.client()).putAscii(" -> ");
        endpoint(sb, c.server());
        if (c.rolesInferred()) {
            sb.put('?');
        }
        sb.left(at, ENDS);
        at = sb.length();
        sb.putDuration(c.startNanos(), 3).left(at, START);
        at = sb.length();
        sb.putDuration(c.durationNanos(), 6).right(at, DURATION);
        at = sb.length();
        sb.put(c.clientPackets()).right(at, PACKETS);
        at = sb.length();
        sb.put(c.serverPackets()).right(at, PACKETS);
        at = sb.length();
        sb.putAscii(c.handshakeComplete() ? "complete" : "partial").left(at, HANDSHAKE);
        at = sb.length();
        sb.putAscii(c.clientState().label()).left(at, STATE);
        at = sb.length();
        sb.putAscii(c.serverState().label()).left(at, STATE);
        at = sb.length();
        sb.putAscii(c.connState()).left(at, CONN_STATE);
        sb.putAscii(c.history()).put('\n');
        sb.putAscii("       bytes c>s ").put(c.clientBytes()).putAscii(" (payload ").put(c.clientPayload())
                .putAscii("), s>c ").put(c.serverBytes()).putAscii(" (payload ").put(c.serverPayload()).putAscii(")");
        if (c.clientMss() >= 0 || c.serverMss() >= 0) {
            sb.putAscii("; MSS ");
            orNone(sb, c.clientMss()).put('/');
            orNone(sb, c.serverMss());
        }
        if (c.clientWindowScale() >= 0) {
            sb.putAscii(", window scale ").put(c.clientWindowScale()).put('/').put(c.serverWindowScale());
        }
        if (c.sack()) {
            sb.putAscii(", SACK");
        }
        if (c.timestamps()) {
            sb.putAscii(", timestamps");
        }
        if (c.clientMaxSegment() > 0 || c.serverMaxSegment() > 0) {
            sb.putAscii("; segments c>s ");
            range(sb, c.clientMinSegment(), c.clientMaxSegment()).putAscii(", s>c ");
            range(sb, c.serverMinSegment(), c.serverMaxSegment());
        }
        if (c.closedFirst() != null) {
            sb.putAscii("; closed first by ");
            closing(sb, c.closedFirst());
        }
        if (c.rstCause() != null) {
            sb.putAscii("; RST by ").putAscii(c.rstBy().label()).putAscii(": ").putAscii(c.rstCause().code());
        }
        if (!c.zeekOriginatorIsClient()) {
            // the history's case follows Zeek's originator, here the other side
            sb.putAscii("; Zeek's originator is the server (upper case in its history)");
        }
        sb.put('\n');
        sb.putAscii("       retrans ").put(c.retransmissions()).putAscii(", dup ACKs ").put(c.dupAcks())
                .putAscii(", zero windows ").put(c.zeroWindows()).putAscii(", out of order ").put(c.outOfOrder())
                .putAscii("; ACK RTT ");
        if (c.ackRtts() == 0) {
            sb.putAscii("none");
        } else {
            sb.putMillis(c.ackRttMinNanos(), 3).put('-').putMillis(c.ackRttMaxNanos(), 3).putAscii(" ms, mean ")
                    .putMillis(c.ackRttMeanNanos(), 3).putAscii(" ms");
        }
        sb.put('\n');
    }

    private static ByteSink endpoint(ByteSink sb, IpEndpoint e) {
        return sb.putEndpoint(e.family(), e.hi(), e.lo(), e.port());
    }

    /** "client (FIN) in frame 15", as {@link ConnectionSummary.Closing#toString()} words it. */
    private static ByteSink closing(ByteSink sb, ConnectionSummary.Closing c) {
        return sb.putAscii(c.by().label()).putAscii(c.rst() ? " (RST)" : " (FIN)").putAscii(" in frame ").put(c.frame());
    }

    /** A value the summary holds as -1 when that side never sent it (an MSS without its SYN captured). */
    private static ByteSink orNone(ByteSink sb, int value) {
        return value < 0 ? sb.putAscii("none") : sb.put(value);
    }

    /** Smallest and largest payload of a side's data segments, "none" when it sent no data. */
    private static ByteSink range(ByteSink sb, int min, int max) {
        return max == 0 ? sb.putAscii("none") : sb.put(min).put('-').put(max);
    }

    /** One connection as a JSON object (the conns JSONL interface). */
    public static ByteSink appendJson(ByteSink sb, ConnectionSummary c) {
        sb.putAscii("{\"stream\":").put(c.stream()).putAscii(",\"client\":\"");
        endpoint(sb, c.client()).putAscii("\",\"server\":\"");
        endpoint(sb, c.server()).putAscii("\",\"roles_inferred\":").putAscii(c.rolesInferred() ? "true" : "false").putAscii(",\"start\":")
                .putDuration(c.startNanos(), 9).putAscii(",\"duration\":").putDuration(c.durationNanos(), 9)
                .putAscii(",\"client_packets\":").put(c.clientPackets()).putAscii(",\"client_bytes\":").put(c.clientBytes())
                .putAscii(",\"client_payload\":").put(c.clientPayload()).putAscii(",\"server_packets\":").put(c.serverPackets())
                .putAscii(",\"server_bytes\":").put(c.serverBytes()).putAscii(",\"server_payload\":").put(c.serverPayload())
                .putAscii(",\"handshake_complete\":").putAscii(c.handshakeComplete() ? "true" : "false")
                .putAscii(",\"client_mss\":").put(c.clientMss()).putAscii(",\"server_mss\":").put(c.serverMss())
                .putAscii(",\"client_wscale\":").put(c.clientWindowScale()).putAscii(",\"server_wscale\":").put(c.serverWindowScale())
                .putAscii(",\"sack\":").putAscii(c.sack() ? "true" : "false").putAscii(",\"timestamps\":").putAscii(c.timestamps() ? "true" : "false")
                .putAscii(",\"client_segment_min\":").put(c.clientMinSegment()).putAscii(",\"client_segment_max\":").put(c.clientMaxSegment())
                .putAscii(",\"server_segment_min\":").put(c.serverMinSegment()).putAscii(",\"server_segment_max\":").put(c.serverMaxSegment());
        if (c.irttNanos() > 0) {
            sb.putAscii(",\"irtt\":").putDuration(c.irttNanos(), 9);
        }
        if (c.closedFirst() != null) {
            sb.putAscii(",\"closed_first\":\"");
            closing(sb, c.closedFirst()).put('"');
        }
        if (c.rstCause() != null) {
            sb.putAscii(",\"rst_by\":\"").putAscii(c.rstBy().label()).putAscii("\",\"rst_cause\":\"").putAscii(c.rstCause().code()).put('"');
        }
        sb.putAscii(",\"client_state\":\"").putAscii(c.clientState().label()).putAscii("\",\"server_state\":\"")
                .putAscii(c.serverState().label()).putAscii("\",\"conn_state\":\"").putAscii(c.connState())
                .putAscii("\",\"history\":\"").putAscii(c.history()).putAscii("\",\"zeek_orig\":\"")
                .putAscii(c.zeekOriginatorIsClient() ? "client" : "server").put('"');
        sb.putAscii(",\"retransmissions\":").put(c.retransmissions()).putAscii(",\"dup_acks\":").put(c.dupAcks())
                .putAscii(",\"zero_windows\":").put(c.zeroWindows()).putAscii(",\"out_of_order\":").put(c.outOfOrder());
        // like irtt: no key when there is no value
        if (c.ackRtts() > 0) {
            sb.putAscii(",\"rtt_min\":").putDuration(c.ackRttMinNanos(), 9).putAscii(",\"rtt_mean\":")
                    .putDuration(c.ackRttMeanNanos(), 9).putAscii(",\"rtt_max\":").putDuration(c.ackRttMaxNanos(), 9);
        }
        return sb.put('}');
    }
}
