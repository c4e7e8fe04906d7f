package org.tcplab.analysis;

/**
 * Wireshark's TCP analysis verdicts (Wireshark User's Guide, "TCP Analysis"), with tshark's field
 * names ({@code tcp.analysis.NAME}). Each is one bit of an int so that a packet's set costs nothing.
 */
public enum AnalysisFlag {
    RETRANSMISSION("retransmission", "TCP Retransmission",
            "Data or SYN/FIN that does not advance the sequence (seq below the next expected), none of the below."),
    FAST_RETRANSMISSION("fast_retransmission", "TCP Fast Retransmission",
            "A retransmission within 20 ms of the second or later duplicate ACK asking for exactly this seq."),
    SPURIOUS_RETRANSMISSION("spurious_retransmission", "TCP Spurious Retransmission",
            "A retransmission of data the receiver had already acknowledged."),
    OUT_OF_ORDER("out_of_order", "TCP Out-Of-Order",
            "Below the next expected seq, within the initial RTT (3 ms when unknown) of the highest segment, not filling it."),
    DUPLICATE_ACK("duplicate_ack", "TCP Dup ACK",
            "No data, same seq, ack and window as the previous segment in this direction."),
    LOST_SEGMENT("lost_segment", "TCP Previous segment not captured",
            "seq beyond the next expected one: a segment before it was not captured."),
    ACK_LOST_SEGMENT("ack_lost_segment", "TCP ACKed unseen segment",
            "Acknowledges data that was never captured in the other direction."),
    ZERO_WINDOW("zero_window", "TCP ZeroWindow",
            "Window 0 in a segment without SYN, FIN or RST."),
    ZERO_WINDOW_PROBE("zero_window_probe", "TCP ZeroWindowProbe",
            "One byte at the next expected seq while the other side's window is 0."),
    ZERO_WINDOW_PROBE_ACK("zero_window_probe_ack", "TCP ZeroWindowProbeAck",
            "Repeats the previous ACK and zero window after a zero window probe."),
    WINDOW_FULL("window_full", "TCP Window Full",
            "Data up to the very edge of the other side's advertised window."),
    WINDOW_UPDATE("window_update", "TCP Window Update",
            "No data, same seq and ack as the previous segment, a new non-zero window."),
    KEEP_ALIVE("keep_alive", "TCP Keep-Alive",
            "0 or 1 byte at one below the next expected seq, without SYN, FIN or RST."),
    KEEP_ALIVE_ACK("keep_alive_ack", "TCP Keep-Alive ACK",
            "Repeats the previous ACK after a keep-alive from the other side.");

    private final String field;
    private final String words;
    private final String definition;

    AnalysisFlag(String field, String words, String definition) {
        this.field = field;
        this.words = words;
        this.definition = definition;
    }

    /** Wireshark's definition of the verdict, in one sentence. */
    public String definition() {
        return definition;
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
