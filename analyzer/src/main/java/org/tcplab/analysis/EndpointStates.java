package org.tcplab.analysis;

import static org.tcplab.wire.TcpFlags.ACK;
import static org.tcplab.wire.TcpFlags.FIN;
import static org.tcplab.wire.TcpFlags.RST;
import static org.tcplab.wire.TcpFlags.SYN;

import java.util.List;

/**
 * The one place where a connection's two endpoint states change (RFC 9293 §3.3.2 and the segment
 * processing of §3.10.7). Each captured segment may change the sender (what sending it implies:
 * SYN, SYN+ACK, FIN, RST) and then the receiver (what processing it does).
 *
 * <p>Where the receiver's change is placed: a capture point sees a segment before the receiver
 * acts on it. We place the receiver's transition at the frame that carries the segment, as if it
 * arrived right after the capture (on loopback it does, within microseconds). A segment lost after
 * the capture point would be retransmitted; the retransmission then finds the receiver already
 * moved and changes nothing.
 *
 * <p>Where later evidence shows the placement was wrong, the state follows the evidence: a FIN
 * whose ack does not cover the peer's captured FIN proves that FIN had not arrived yet (the FINs
 * crossed), so its sender goes to CLOSING, not LAST-ACK, from whichever side it is captured.
 *
 * <p>The ACK of a segment is processed before its FIN, as RFC 9293 §3.10.7.4 orders the steps
 * (fifth: the ACK field; eighth: the FIN bit), so a FIN+ACK reaching FIN-WAIT-1 takes both arrows,
 * FIN-WAIT-1 to FIN-WAIT-2 to TIME-WAIT.
 */
final class EndpointStates {

    private EndpointStates() {
    }

    /** The first segment is a SYN: its sender starts CLOSED, the receiver LISTEN. */
    static void beginWithSyn(Endpoint client, Endpoint server) {
        client.state = TcpState.CLOSED;
        server.state = TcpState.LISTEN;
    }

    /**
     * The first segment is a SYN+ACK (the SYN was not captured): its receiver must have sent the
     * SYN it acknowledges and waits in SYN-SENT; the sender was listening.
     */
    static void beginAtSynAck(Endpoint client, Endpoint server, long ack) {
        client.state = TcpState.SYN_SENT;
        client.sentSyn = true;
        client.iss = (ack - 1) & 0xFFFFFFFFL;
        server.state = TcpState.LISTEN;
    }

    /** The capture starts mid-connection: both sides are taken as ESTABLISHED (RFC 9293 §3.5). */
    static void beginMidConnection(Endpoint a, Endpoint b) {
        a.state = TcpState.ESTABLISHED;
        b.state = TcpState.ESTABLISHED;
    }

    /**
     * A segment from {@code x} (role {@code xName}) to {@code y}; relative numbers for the causes.
     * Each state change is added to {@code out}, unless it is null.
     */
    static void apply(Endpoint x, Role xName, Endpoint y, Role yName, int flags, long seq, long ack, int seglen,
                      long relSeq, long relAck, boolean rstInWindow, long frame, List<Transition> out) {
        boolean syn = (flags & SYN) != 0;
        boolean ackSet = (flags & ACK) != 0;
        boolean fin = (flags & FIN) != 0;
        boolean rst = (flags & RST) != 0;
        if (rst && !rstInWindow) {
            // RFC 5961 §3.2: the receiver ignores it; and an endpoint's own RST would carry its next
            // sequence number, so this one is stale or forged: neither side changes
            return;
        }
        // --- the sender ---
        if (rst) {
            if (x.state == TcpState.LISTEN && !x.sentSyn) {
                // nothing listened on that port: this side was in fact CLOSED (RFC 9293 §3.10.7.1)
                move(x, xName, yName, TcpState.CLOSED, TransitionCause.RST_INSTEAD_OF_LISTEN, relSeq, relAck, 0, out);
            } else if (x.state != TcpState.CLOSED) {
                move(x, xName, yName, TcpState.CLOSED, TransitionCause.SENT_RST, relSeq, relAck, 0, out);
            }
        } else if (syn && !ackSet) {
            if (x.state == TcpState.CLOSED || x.state == TcpState.LISTEN) {
                x.sentSyn = true;
                x.iss = seq;
                x.synFrame = frame;
                move(x, xName, yName, TcpState.SYN_SENT, TransitionCause.SENT_SYN, relSeq, relAck, seq, out);
                if (y.sentSyn && y.state == TcpState.SYN_SENT) {
                    // both sides opened actively and the SYNs crossed (RFC 9293 §3.5, figure 7)
                    move(x, xName, yName, TcpState.SYN_RECEIVED, TransitionCause.SYN_CROSSED, relSeq, relAck, y.synFrame, out);
                }
            }
        } else if (syn) {
            x.iss = seq;
            x.sentSyn = true;
            x.synFrame = frame;
            if (x.state == TcpState.LISTEN || x.state == TcpState.CLOSED) {
                x.passive = true;
                move(x, xName, yName, TcpState.SYN_RECEIVED, TransitionCause.SENT_SYN_ACK, relSeq, relAck, 0, out);
            } else if (x.state == TcpState.SYN_SENT) {
                move(x, xName, yName, TcpState.SYN_RECEIVED, TransitionCause.SENT_SYN_ACK_IN_SYN_SENT, relSeq, relAck, 0, out);
            }
        }
        long relFin = relSeq + seglen;
        if (fin && !rst && !x.sentFin) {
            x.sentFin = true;
            x.finSeq = (seq + seglen + (syn ? 1 : 0)) & 0xFFFFFFFFL;
            x.finFrame = frame;
            if (x.state == TcpState.ESTABLISHED || x.state == TcpState.SYN_RECEIVED) {
                move(x, xName, yName, TcpState.FIN_WAIT_1, TransitionCause.SENT_FIN_ACTIVE, relFin, relAck, 0, out);
            } else if (x.state == TcpState.CLOSE_WAIT && ackSet && y.sentFin && !SequenceAnalysis.gt(ack, y.finSeq)) {
                // Evidence over capture order: a FIN whose ack does not cover the peer's FIN was
                // sent before that FIN arrived (a receiver acknowledges everything it has, RFC 9293
                // §3.10.7.4). The peer's FIN was placed as arrived when it was captured; it was in
                // fact still on its way, so the FINs crossed: this side closed actively
                // (FIN-WAIT-1) and the peer's FIN then found it there, CLOSING (§3.6, figure 13).
                // Whichever FIN a capture point sees first, both sides end the same way.
                move(x, xName, yName, TcpState.CLOSING, TransitionCause.FINS_CROSSED, relFin, relAck, y.finFrame, out);
            } else if (x.state == TcpState.CLOSE_WAIT) {
                move(x, xName, yName, TcpState.LAST_ACK, TransitionCause.SENT_FIN_PASSIVE, relFin, relAck, 0, out);
            }
        }
        // --- the receiver ---
        if (rst) {
            if (y.state == TcpState.SYN_RECEIVED && y.passive) {
                // a passive open goes back to LISTEN (RFC 9293 §3.10.7.4)
                move(y, yName, xName, TcpState.LISTEN, TransitionCause.RST_IN_SYN_RECEIVED, relSeq, relAck, 0, out);
            } else if (y.state == TcpState.SYN_SENT) {
                if (ackSet && ack == ((y.iss + 1) & 0xFFFFFFFFL)) {
                    // RFC 9293 §3.10.7.3: acceptable only when it acknowledges the SYN
                    move(y, yName, xName, TcpState.CLOSED, TransitionCause.REFUSED, relSeq, relAck, 0, out);
                }
            } else if (y.state != TcpState.CLOSED && y.state != TcpState.LISTEN && y.state != TcpState.TIME_WAIT) {
                move(y, yName, xName, TcpState.CLOSED, TransitionCause.RESET, relSeq, relAck, 0, out);
            }
            return;
        }
        if (syn && !ackSet) {
            if (y.state == TcpState.SYN_SENT) {
                move(y, yName, xName, TcpState.SYN_RECEIVED, TransitionCause.SYN_IN_SYN_SENT, relSeq, relAck, 0, out);
            }
            return;
        }
        boolean acksSyn = ackSet && y.sentSyn && ack == ((y.iss + 1) & 0xFFFFFFFFL);
        boolean acksSynOrMore = ackSet && y.sentSyn && SequenceAnalysis.gt(ack, y.iss);
        if (syn && y.state == TcpState.SYN_SENT && acksSyn) {
            move(y, yName, xName, TcpState.ESTABLISHED, TransitionCause.SYN_ACK_ESTABLISHES, relSeq, relAck, 0, out);
        } else if (syn && y.state == TcpState.SYN_RECEIVED && acksSyn) {
            move(y, yName, xName, TcpState.ESTABLISHED, TransitionCause.SYN_ACK_COMPLETES_SIMULTANEOUS, relSeq, relAck, 0, out);
        } else if (y.state == TcpState.SYN_RECEIVED && acksSynOrMore) {
            move(y, yName, xName, TcpState.ESTABLISHED, TransitionCause.ACK_COMPLETES_HANDSHAKE, relSeq, relAck, 0, out);
        }
        boolean acksFin = ackSet && y.sentFin && SequenceAnalysis.gt(ack, y.finSeq);
        if (acksFin && !y.finAcked) {
            y.finAcked = true;
            if (y.state == TcpState.FIN_WAIT_1) {
                move(y, yName, xName, TcpState.FIN_WAIT_2, TransitionCause.FIN_ACKED_IN_FIN_WAIT_1, relSeq, relAck, 0, out);
            } else if (y.state == TcpState.CLOSING) {
                move(y, yName, xName, TcpState.TIME_WAIT, TransitionCause.FIN_ACKED_IN_CLOSING, relSeq, relAck, 0, out);
            } else if (y.state == TcpState.LAST_ACK) {
                move(y, yName, xName, TcpState.CLOSED, TransitionCause.FIN_ACKED_IN_LAST_ACK, relSeq, relAck, 0, out);
            }
        }
        if (fin) {
            switch (y.state) {
                case ESTABLISHED, SYN_RECEIVED ->
                        move(y, yName, xName, TcpState.CLOSE_WAIT, TransitionCause.FIN_IN_ESTABLISHED, relFin, relAck, 0, out);
                case FIN_WAIT_1 ->
                        move(y, yName, xName, TcpState.CLOSING, TransitionCause.FIN_IN_FIN_WAIT_1, relFin, relAck, 0, out);
                // RFC 9293 §3.10.7.4: TIME-WAIT lasts 2 MSL before CLOSED
                case FIN_WAIT_2 ->
                        move(y, yName, xName, TcpState.TIME_WAIT, TransitionCause.FIN_IN_FIN_WAIT_2, relFin, relAck, 0, out);
                default -> { }
            }
        }
    }

    private static void move(Endpoint e, Role name, Role peer, TcpState to, TransitionCause why, long relSeq, long relAck,
                             long number, List<Transition> out) {
        if (out != null) {
            out.add(new Transition(name, e.state, to, why, peer, relSeq, relAck, number));
        }
        e.state = to;
    }
}
