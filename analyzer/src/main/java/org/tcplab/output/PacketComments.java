package org.tcplab.output;

import java.util.ArrayList;
import java.util.List;
import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.analysis.Transition;
import org.tcplab.model.Packet;

/**
 * What a packet has to say, one line per item, for a pcapng packet comment each (annotate) and for
 * reports: the comment the capture already had, each endpoint's state change and why, tshark's
 * verdicts in its Info column's words, the RST's cause and evidence, the frame an ACK acknowledges
 * and the round-trip time.
 */
public final class PacketComments {
    private PacketComments() {
    }

    /**
     * A comment from the capture as Wireshark shows it: up to a NUL (some writers end the string
     * with one and leave bytes after it); null for none.
     */
    public static String original(String comment) {
        if (comment == null) {
            return null;
        }
        int nul = comment.indexOf('\0');
        return nul < 0 ? comment : comment.substring(0, nul);
    }

    /** The lines for {@code p}, in that order; empty when it has nothing to say. */
    public static List<String> of(Packet p) {
        List<String> lines = new ArrayList<>();
        String original = original(p.comment());
        if (original != null) {
            lines.add(original);
        }
        Packet.Analysis a = p.analysis();
        if (a == null) {
            return lines;
        }
        for (Transition t : a.transitions()) {
            lines.add(t.endpoint().label() + " " + t.from().label() + " -> " + t.to().label() + ": " + t.cause());
        }
        // as Wireshark's Info column: a fast or spurious retransmission is not also a plain one
        boolean retransmissionOfAKind = a.flags().contains(AnalysisFlag.FAST_RETRANSMISSION)
                || a.flags().contains(AnalysisFlag.SPURIOUS_RETRANSMISSION);
        for (AnalysisFlag f : AnalysisFlag.values()) {
            if (!a.flags().contains(f) || (f == AnalysisFlag.RETRANSMISSION && retransmissionOfAKind)) {
                continue;
            }
            if (f == AnalysisFlag.DUPLICATE_ACK && a.dupAckNumber() > 0) {
                lines.add(f.words() + " " + a.dupAckFrame() + "#" + a.dupAckNumber());
            } else {
                lines.add(f.words());
            }
        }
        if (a.rstCause() != null) {
            lines.add("RST " + a.rstCause().code() + (a.rstEvidence() == null || a.rstEvidence().isEmpty() ? ""
                    : ": " + a.rstEvidence()));
        }
        if (a.ackedFrame() >= 0) {
            StringBuilder sb = new StringBuilder("ACKs frame ").append(a.ackedFrame());
            if (a.ackRttNanos() >= 0) {
                sb.append(" (RTT ");
                // nine digits, as tshark's tcp.analysis.ack_rtt
                TimeFormat.appendOffset(sb, a.ackRttNanos(), 9);
                sb.append(" s)");
            }
            lines.add(sb.toString());
        }
        return lines;
    }
}
