package org.tcplab.analysis;

/** Why an RST was sent, as far as the capture shows. The code is what JSONL prints. */
public enum RstCause {
    /** Answers a SYN: nothing listens on that port (RFC 9293 §3.10.7.1). */
    REFUSED("refused"),
    /** Sent instead of a FIN by an endpoint in a synchronized state: an abortive close (SO_LINGER 0, RFC 9293 §3.10.4 ABORT). */
    ABORT("abort"),
    /** The application closed with data it had not read (RFC 1122 §4.2.2.13). */
    UNREAD_DATA("unread_data"),
    /** Data reached an endpoint that had already closed its side (sent FIN and closed the socket). */
    AFTER_CLOSE("after_close"),
    /** The sequence number is outside the receiver's window: the receiver must ignore it (RFC 5961 §3.2). */
    OUT_OF_WINDOW("out_of_window"),
    UNKNOWN("unknown");

    private final String code;

    RstCause(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
