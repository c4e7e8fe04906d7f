package org.tcplab.analysis;

/**
 * One endpoint's state change caused by a captured segment.
 *
 * @param endpoint the side that moved: the client (sent the first SYN, or inferred) or the server
 * @param why      the kind of cause
 * @param peer     the other side's role
 * @param seq      the segment's relative sequence number (of its FIN, for FIN causes)
 * @param ack      the segment's relative acknowledgement number
 * @param number   a further number the cause names: the ISN of a SYN, or the frame of a crossing SYN
 */
public record Transition(Role endpoint, TcpState from, TcpState to, TransitionCause why, Role peer, long seq, long ack,
                         long number) {

    /** The cause in plain words with the numbers ("server received SYN seq=0; sent SYN+ACK seq=0 ack=1: ..."). */
    public String cause() {
        return why.describe(this);
    }

    /** The cause in words in {@code locale}. */
    public String cause(java.util.Locale locale) {
        return why.describe(this, locale);
    }
}
