package org.tcplab.command;

/** Exit codes shared by the commands. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The input was bad (corrupt, truncated, unsupported); what could be read was printed. */
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int NO_PERMISSION = 4;
    /** A native library (libpcap) is missing. */
    public static final int MISSING_LIBRARY = 5;
    /** check: the answer sheet has wrong cells. */
    public static final int WRONG_ANSWERS = 6;
    public static final int INTERNAL = 70;
    /** Stopped by Ctrl-C before it finished (128 + SIGINT, as a shell reports it). */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
