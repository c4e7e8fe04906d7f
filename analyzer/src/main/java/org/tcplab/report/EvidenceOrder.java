package org.tcplab.report;

import java.util.ArrayList;
import java.util.List;
import org.tcplab.analysis.Role;
import org.tcplab.analysis.TcpState;
import org.tcplab.analysis.Transition;
import org.tcplab.analysis.TransitionCause;

/**
 * A connection's segments as the evidence orders them, for a report that sees the whole
 * connection at once. The packet-by-packet analysis places a receiver's move at the frame that
 * carries the segment, and can only correct it later: when FINs cross, the first FIN is placed as
 * arrived (the peer to CLOSE-WAIT), and the peer's own FIN, whose ack does not cover it, then
 * proves it had not arrived ({@link TransitionCause#FINS_CROSSED}). Here the peer never was in
 * CLOSE-WAIT: it stays where it was until its own FIN, an active close (FIN-WAIT-1), which the
 * first FIN then finds, CLOSING (RFC 9293 §3.6, figure 13). Tables, sentences, the ladder and the
 * state paths all read these segments, so they tell one story.
 */
final class EvidenceOrder {
    private EvidenceOrder() {
    }

    static List<Segment> apply(List<Segment> segs) {
        List<Segment> out = null;
        for (int k = 0; k < segs.size(); k++) {
            for (Transition t : segs.get(k).transitions()) {
                if (t.why() != TransitionCause.FINS_CROSSED) {
                    continue;
                }
                if (out == null) {
                    out = new ArrayList<>(segs);
                }
                uncross(out, k, t);
            }
        }
        return out == null ? segs : List.copyOf(out);
    }

    /** Moves {@code t.endpoint()}'s CLOSE-WAIT, placed at the peer's FIN, to an active close at segment k. */
    private static void uncross(List<Segment> segs, int k, Transition crossed) {
        Role r = crossed.endpoint();
        int j = k - 1;
        Transition placed = null;
        for (; j >= 0 && placed == null; j--) {
            for (Transition t : segs.get(j).transitions()) {
                if (t.endpoint() == r && t.to() == TcpState.CLOSE_WAIT) {
                    placed = t;
                }
            }
        }
        if (placed == null) {
            return;
        }
        j++;
        TcpState was = placed.from();
        for (int i = j; i <= k; i++) {
            Segment s = segs.get(i);
            List<Transition> ts = new ArrayList<>();
            for (Transition t : s.transitions()) {
                if (t == placed) {
                    continue; // the peer's FIN had not arrived: no move here
                }
                if (t == crossed) {
                    ts.add(new Transition(r, was, TcpState.FIN_WAIT_1, TransitionCause.SENT_FIN_ACTIVE, t.peer(), t.seq(),
                            t.ack(), 0));
                    ts.add(new Transition(r, TcpState.FIN_WAIT_1, t.to(), t.why(), t.peer(), t.seq(), t.ack(), t.number()));
                    continue;
                }
                ts.add(t);
            }
            boolean client = r == Role.CLIENT;
            TcpState before = i == j ? s.before(r) : was;
            TcpState after = i == k ? s.after(r) : was;
            segs.set(i, s.withStates(client ? before : s.clientBefore(), client ? s.serverBefore() : before,
                    client ? after : s.clientAfter(), client ? s.serverAfter() : after, ts));
        }
    }
}
