package org.tcplab.analysis;

/**
 * Wireshark's TCP analysis verdicts (Wireshark User's Guide, "TCP Analysis"), with tshark's field
 * names ({@code tcp.analysis.NAME}). Each is one bit of an int so that a packet's set costs nothing.
 */
public enum AnalysisFlag {
    /** Data or SYN/FIN that does not advance the sequence (seq below the next expected), none of the below. */
    RETRANSMISSION("retransmission", "TCP Retransmission"),
    /** A retransmission within 20 ms of the second or later duplicate ACK asking for exactly this seq. */
    FAST_RETRANSMISSION("fast_retransmission", "TCP Fast Retransmission"),
    /** A retransmission of data the receiver had already acknowledged. */
    SPURIOUS_RETRANSMISSION("spurious_retransmission", "TCP Spurious Retransmission"),
    /** Below the next expected seq, within the initial RTT (3 ms when unknown) of the highest segment, not filling it. */
    OUT_OF_ORDER("out_of_order", "TCP Out-Of-Order"),
    /** No data, same seq, ack and window as the previous segment in this direction. */
    DUPLICATE_ACK("duplicate_ack", "TCP Dup ACK"),
    /** seq beyond the next expected one: a segment before it was not captured. */
    LOST_SEGMENT("lost_segment", "TCP Previous segment not captured"),
    /** Acknowledges data that was never captured in the other direction. */
    ACK_LOST_SEGMENT("ack_lost_segment", "TCP ACKed unseen segment"),
    /** Window 0 in a segment without SYN, FIN or RST. */
    ZERO_WINDOW("zero_window", "TCP ZeroWindow"),
    /** One byte at the next expected seq while the other side's window is 0. */
    ZERO_WINDOW_PROBE("zero_window_probe", "TCP ZeroWindowProbe"),
    /** Repeats the previous ACK and zero window after a zero window probe. */
    ZERO_WINDOW_PROBE_ACK("zero_window_probe_ack", "TCP ZeroWindowProbeAck"),
    /** Data up to the very edge of the other side's advertised window. */
    WINDOW_FULL("window_full", "TCP Window Full"),
    /** No data, same seq and ack as the previous segment, a new non-zero window. */
    WINDOW_UPDATE("window_update", "TCP Window Update"),
    /** 0 or 1 byte at one below the next expected seq, without SYN, FIN or RST. */
    KEEP_ALIVE("keep_alive", "TCP Keep-Alive"),
    /** Repeats the previous ACK after a keep-alive from the other side. */
    KEEP_ALIVE_ACK("keep_alive_ack", "TCP Keep-Alive ACK");

    private final String field;
    private final String words;

    AnalysisFlag(String field, String words) {
        this.field = field;
        this.words = words;
    }

    /** Wireshark's words for it in the Info column. */
    public String words() {
        return words;
    }

    /** The name after {@code tcp.analysis.} in tshark, and in our JSONL. */
    public String field() {
        return field;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int flags) {
        return (flags & bit()) != 0;
    }

    private static final AnalysisFlag[] ALL = values();

    /** Appends the names of the set flags, comma-separated, in declaration order. */
    public static void appendNames(StringBuilder sb, int flags, boolean quoted, String separator) {
        boolean first = true;
        for (AnalysisFlag f : ALL) {
            if ((flags & f.bit()) != 0) {
                if (!first) {
                    sb.append(separator);
                }
                if (quoted) {
                    sb.append('"').append(f.field).append('"');
                } else {
                    sb.append(f.field);
                }
                first = false;
            }
        }
    }
}
