package org.tcplab.cli;

import org.tcplab.command.Cancellation;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM as a request to stop, for a one-shot command that runs until stopped
 * (capture): the signal cancels the command, which finishes its work and returns its exit code
 * as usual. The JVM's own handlers would run the shutdown hooks and exit with 130 or 143 while
 * the capture still had packets to write; a hook that waited and then halted the JVM was the old
 * way, and a console cannot live with it. A third signal gives up and exits at once (130).
 */
final class StopSignals {
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private StopSignals(SignalHandler previousInt, SignalHandler previousTerm) {
        this.previousInt = previousInt;
        this.previousTerm = previousTerm;
    }

    static StopSignals install(Cancellation cancel) {
        int[] count = {0};
        SignalHandler stop = s -> {
            if (++count[0] >= 3) {
                Runtime.getRuntime().exit(130);
            }
            cancel.cancel();
        };
        SignalHandler i = handle("INT", stop);
        SignalHandler t = handle("TERM", stop);
        return new StopSignals(i, t);
    }

    private static SignalHandler handle(String name, SignalHandler h) {
        try {
            return Signal.handle(new Signal(name), h);
        } catch (IllegalArgumentException e) {
            return null; // the JVM was started with -Xrs, or the platform has no such signal
        }
    }

    void restore() {
        if (previousInt != null) {
            Signal.handle(new Signal("INT"), previousInt);
        }
        if (previousTerm != null) {
            Signal.handle(new Signal("TERM"), previousTerm);
        }
    }
}
