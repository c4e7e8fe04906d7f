package org.tcplab.capture;

import java.io.IOException;

/** A capture file that cannot be read (further). The message is one line meant for the user. */
public final class CaptureFileException extends IOException {
    /** What went wrong, so callers can choose an exit code. */
    public enum Kind { NOT_A_CAPTURE, UNSUPPORTED, CORRUPT, TRUNCATED }

    private final Kind kind;

    public CaptureFileException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
