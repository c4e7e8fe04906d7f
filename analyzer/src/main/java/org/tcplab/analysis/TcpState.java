package org.tcplab.analysis;

/** RFC 9293 §3.3.2 connection states, printed upper case with hyphens as the RFC writes them. */
public enum TcpState {
    CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK,
    TIME_WAIT;

    private final String label = name().replace('_', '-');

    public String label() {
        return label;
    }

    /** Nothing but a stray retransmission can follow: CLOSED, or TIME-WAIT (which only waits out 2 MSL). */
    public boolean done() {
        return this == CLOSED || this == TIME_WAIT;
    }

    /** The states in which both sides' sequence numbers are known (RFC 9293 §3.5). */
    public boolean synchronized_() {
        return ordinal() >= ESTABLISHED.ordinal();
    }
}
