package org.tcplab.analysis;

/**
 * Why an endpoint changed state. The words are made only when asked for ({@link Transition#cause()}):
 * the analysis itself keeps the kind and the numbers, so that a pass that prints no transitions
 * (conns) builds no strings per segment.
 */
public enum TransitionCause {
    RST_INSTEAD_OF_LISTEN, SENT_RST, SENT_SYN, SYN_CROSSED, SENT_SYN_ACK, SENT_SYN_ACK_IN_SYN_SENT, SENT_FIN_ACTIVE,
    SENT_FIN_PASSIVE, RST_IN_SYN_RECEIVED, REFUSED, RESET, SYN_IN_SYN_SENT, SYN_ACK_ESTABLISHES, SYN_ACK_COMPLETES_SIMULTANEOUS,
    ACK_COMPLETES_HANDSHAKE, FIN_ACKED_IN_FIN_WAIT_1, FIN_ACKED_IN_CLOSING, FIN_ACKED_IN_LAST_ACK, FIN_IN_ESTABLISHED,
    FIN_IN_FIN_WAIT_1, FIN_IN_FIN_WAIT_2;

    /** The cause in plain words with the numbers, relative sequence numbers. */
    String describe(Transition t) {
        String who = t.endpoint().label();
        String peer = t.peer().label();
        long seq = t.seq();
        long ack = t.ack();
        long n = t.number();
        return switch (this) {
            case RST_INSTEAD_OF_LISTEN -> who + " answered the SYN with RST: nothing listened on that port,"
                    + " so this side was in fact CLOSED, not LISTEN (RFC 9293 §3.10.7.1)";
            case SENT_RST -> who + " sent RST seq=" + seq
                    + ": the connection is dropped at once, without the FIN handshake (RFC 9293 §3.10.7)";
            case SENT_SYN -> who + " sent SYN seq=" + seq + " (ISN " + n
                    + "): active open, asking the peer to synchronise sequence numbers";
            case SYN_CROSSED -> who + " had the " + peer + "'s SYN (frame " + n + ") when it sent its own: simultaneous open";
            case SENT_SYN_ACK -> who + " received SYN seq=0; sent SYN+ACK seq=" + seq + " ack=" + ack + ": ack is the " + peer
                    + "'s ISN + 1 because a SYN consumes one sequence number";
            case SENT_SYN_ACK_IN_SYN_SENT -> who + " received the peer's SYN while in SYN-SENT"
                    + " (simultaneous open); sent SYN+ACK seq=" + seq + " ack=" + ack;
            case SENT_FIN_ACTIVE -> who + " sent FIN seq=" + seq + ": active close, it has no more data to send";
            case SENT_FIN_PASSIVE -> who + " sent FIN seq=" + seq + " after the peer's FIN: passive close, waiting for the last ACK";
            case RST_IN_SYN_RECEIVED -> who + " received RST in SYN-RECEIVED: back to LISTEN,"
                    + " as a passive open does (RFC 9293 §3.10.7.4)";
            case REFUSED -> who + " received RST+ACK ack=" + ack + " for its SYN: connection refused (RFC 9293 §3.10.7.3)";
            case RESET -> who + " received RST seq=" + seq + ": connection reset";
            case SYN_IN_SYN_SENT -> who + " received SYN seq=" + seq
                    + " while in SYN-SENT: simultaneous open (RFC 9293 §3.5, figure 7)";
            case SYN_ACK_ESTABLISHES -> who + " received SYN+ACK seq=" + seq + " ack=" + ack
                    + " acknowledging its SYN; it answers ACK: connection established";
            case SYN_ACK_COMPLETES_SIMULTANEOUS -> who + " received SYN+ACK ack=" + ack
                    + " acknowledging its SYN: simultaneous open complete";
            case ACK_COMPLETES_HANDSHAKE -> who + " received ACK ack=" + ack + " of its SYN: the three-way handshake is complete";
            case FIN_ACKED_IN_FIN_WAIT_1 -> who + " received ACK ack=" + ack
                    + " of its FIN: its side is closed, the peer may still send";
            case FIN_ACKED_IN_CLOSING -> who + " received ACK ack=" + ack + " of its FIN after both sides closed at once";
            case FIN_ACKED_IN_LAST_ACK -> who + " received ACK ack=" + ack + " of its FIN: the connection is closed";
            case FIN_IN_ESTABLISHED -> who + " received FIN seq=" + seq + ": the " + peer + " has no more data; the " + who
                    + " may still send (half-close)";
            case FIN_IN_FIN_WAIT_1 -> who + " received FIN seq=" + seq + " before the ACK of its own FIN: simultaneous close";
            case FIN_IN_FIN_WAIT_2 -> who + " received FIN seq=" + seq
                    + ": both sides closed; it waits 2 MSL before CLOSED (RFC 9293 §3.10.7.4)";
        };
    }
}
