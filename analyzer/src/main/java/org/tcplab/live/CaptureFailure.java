package org.tcplab.live;

/** A capture that cannot start or go on; the message is one line and says how to fix it. */
public final class CaptureFailure extends Exception {
    /** What kind of failure, for exit codes. */
    public enum Kind { NO_LIBPCAP, NO_PERMISSION, NO_SUCH_INTERFACE, BAD_FILTER, OTHER }

    private final Kind kind;

    public CaptureFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
