package org.tcplab.command;

/** A failure the user can act on: one line, an exit code, no stack trace. */
public final class Failure extends RuntimeException {
    private final int exitCode;

    public Failure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
