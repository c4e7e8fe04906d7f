package org.tcplab.analysis;

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
 * <p>The ACK of a segment is processed before its FIN, as RFC 9293 §3.10.7.4 orders the steps
 * (fifth: the ACK field; eighth: the FIN bit), so a FIN+ACK reaching FIN-WAIT-1 takes both arrows,
 * FIN-WAIT-1 to FIN-WAIT-2 to TIME-WAIT.
 */
final class EndpointStates {
    static final int FIN = 0x001;
    static final int SYN = 0x002;
    static final int RST = 0x004;
    static final int ACK = 0x010;

    private EndpointStates() {
    }

    /** A segment from {@code x} (role {@code xName}) to {@code y}; relative numbers for the words. */
    static void apply(Endpoint x, String xName, Endpoint y, String yName, int flags, long seq, long ack, int seglen,
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
                move(x, xName, TcpState.CLOSED, xName + " answered the SYN with RST: nothing listened on that port,"
                        + " so this side was in fact CLOSED, not LISTEN (RFC 9293 §3.10.7.1)", out);
            } else if (x.state != TcpState.CLOSED) {
                move(x, xName, TcpState.CLOSED, xName + " sent RST seq=" + relSeq
                        + ": the connection is dropped at once, without the FIN handshake (RFC 9293 §3.10.7)", out);
            }
        } else if (syn && !ackSet) {
            if (x.state == TcpState.CLOSED || x.state == TcpState.LISTEN) {
                x.sentSyn = true;
                x.iss = seq;
                x.synFrame = frame;
                move(x, xName, TcpState.SYN_SENT, xName + " sent SYN seq=" + relSeq
                        + " (ISN " + seq + "): active open, asking the peer to synchronise sequence numbers", out);
                if (y.sentSyn && y.state == TcpState.SYN_SENT) {
                    // both sides opened actively and the SYNs crossed (RFC 9293 §3.5, figure 7)
                    move(x, xName, TcpState.SYN_RECEIVED, xName + " had the " + yName + "'s SYN (frame " + y.synFrame
                            + ") when it sent its own: simultaneous open", out);
                }
            }
        } else if (syn) {
            x.iss = seq;
            x.sentSyn = true;
            x.synFrame = frame;
            if (x.state == TcpState.LISTEN || x.state == TcpState.CLOSED) {
                x.passive = true;
                move(x, xName, TcpState.SYN_RECEIVED, xName + " received SYN seq=0; sent SYN+ACK seq=" + relSeq
                        + " ack=" + relAck + ": ack is the " + yName
                        + "'s ISN + 1 because a SYN consumes one sequence number", out);
            } else if (x.state == TcpState.SYN_SENT) {
                move(x, xName, TcpState.SYN_RECEIVED, xName + " received the peer's SYN while in SYN-SENT"
                        + " (simultaneous open); sent SYN+ACK seq=" + relSeq + " ack=" + relAck, out);
            }
        }
        if (fin && !rst && !x.sentFin) {
            x.sentFin = true;
            x.finSeq = (seq + seglen + (syn ? 1 : 0)) & 0xFFFFFFFFL;
            x.finFrame = frame;
            long relFin = relSeq + seglen;
            if (x.state == TcpState.ESTABLISHED || x.state == TcpState.SYN_RECEIVED) {
                move(x, xName, TcpState.FIN_WAIT_1, xName + " sent FIN seq=" + relFin
                        + ": active close, it has no more data to send", out);
            } else if (x.state == TcpState.CLOSE_WAIT) {
                move(x, xName, TcpState.LAST_ACK, xName + " sent FIN seq=" + relFin
                        + " after the peer's FIN: passive close, waiting for the last ACK", out);
            }
        }
        // --- the receiver ---
        if (rst) {
            if (y.state == TcpState.SYN_RECEIVED && y.passive) {
                move(y, yName, TcpState.LISTEN, yName + " received RST in SYN-RECEIVED: back to LISTEN,"
                        + " as a passive open does (RFC 9293 §3.10.7.4)", out);
            } else if (y.state == TcpState.SYN_SENT) {
                if (ackSet && ack == ((y.iss + 1) & 0xFFFFFFFFL)) {
                    move(y, yName, TcpState.CLOSED, yName + " received RST+ACK ack=" + relAck
                            + " for its SYN: connection refused (RFC 9293 §3.10.7.3)", out);
                }
            } else if (y.state != TcpState.CLOSED && y.state != TcpState.LISTEN && y.state != TcpState.TIME_WAIT) {
                move(y, yName, TcpState.CLOSED, yName + " received RST seq=" + relSeq + ": connection reset", out);
            }
            return;
        }
        if (syn && !ackSet) {
            if (y.state == TcpState.SYN_SENT) {
                move(y, yName, TcpState.SYN_RECEIVED, yName + " received SYN seq=" + relSeq
                        + " while in SYN-SENT: simultaneous open (RFC 9293 §3.5, figure 7)", out);
            }
            return;
        }
        boolean acksSyn = ackSet && y.sentSyn && ack == ((y.iss + 1) & 0xFFFFFFFFL);
        boolean acksSynOrMore = ackSet && y.sentSyn && SequenceAnalysis.gt(ack, y.iss);
        if (syn && y.state == TcpState.SYN_SENT && acksSyn) {
            move(y, yName, TcpState.ESTABLISHED, yName + " received SYN+ACK seq=" + relSeq + " ack=" + relAck
                    + " acknowledging its SYN; it answers ACK: connection established", out);
        } else if (syn && y.state == TcpState.SYN_RECEIVED && acksSyn) {
            move(y, yName, TcpState.ESTABLISHED, yName + " received SYN+ACK ack=" + relAck
                    + " acknowledging its SYN: simultaneous open complete", out);
        } else if (y.state == TcpState.SYN_RECEIVED && acksSynOrMore) {
            move(y, yName, TcpState.ESTABLISHED, yName + " received ACK ack=" + relAck
                    + " of its SYN: the three-way handshake is complete", out);
        }
        boolean acksFin = ackSet && y.sentFin && SequenceAnalysis.gt(ack, y.finSeq);
        if (acksFin && !y.finAcked) {
            y.finAcked = true;
            if (y.state == TcpState.FIN_WAIT_1) {
                move(y, yName, TcpState.FIN_WAIT_2, yName + " received ACK ack=" + relAck
                        + " of its FIN: its side is closed, the peer may still send", out);
            } else if (y.state == TcpState.CLOSING) {
                move(y, yName, TcpState.TIME_WAIT, yName + " received ACK ack=" + relAck
                        + " of its FIN after both sides closed at once", out);
            } else if (y.state == TcpState.LAST_ACK) {
                move(y, yName, TcpState.CLOSED, yName + " received ACK ack=" + relAck
                        + " of its FIN: the connection is closed", out);
            }
        }
        if (fin) {
            long relFin = relSeq + seglen;
            switch (y.state) {
                case ESTABLISHED, SYN_RECEIVED -> move(y, yName, TcpState.CLOSE_WAIT, yName + " received FIN seq="
                        + relFin + ": the " + xName + " has no more data; the " + yName
                        + " may still send (half-close)", out);
                case FIN_WAIT_1 -> move(y, yName, TcpState.CLOSING, yName + " received FIN seq=" + relFin
                        + " before the ACK of its own FIN: simultaneous close", out);
                case FIN_WAIT_2 -> move(y, yName, TcpState.TIME_WAIT, yName + " received FIN seq=" + relFin
                        + ": both sides closed; it waits 2 MSL before CLOSED (RFC 9293 §3.10.7.4)", out);
                default -> { }
            }
        }
    }

    private static void move(Endpoint e, String name, TcpState to, String cause, List<Transition> out) {
        out.add(new Transition(name, e.state, to, cause));
        e.state = to;
    }
}
