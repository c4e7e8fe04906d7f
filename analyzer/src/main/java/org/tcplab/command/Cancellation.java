package org.tcplab.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Stops a running command: Ctrl-C in the console, {@code capture stop}, or a signal to the
 * one-shot CLI. Commands poll {@link #isCancelled()} where they loop, and long waits register a
 * listener (a capture stops libpcap's read). Cancelling is sticky and may come from any thread.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private final List<Runnable> listeners = new ArrayList<>();

    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        List<Runnable> run;
        synchronized (listeners) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            run = new ArrayList<>(listeners);
        }
        for (Runnable r : run) {
            r.run();
        }
    }

    /** Runs {@code r} when cancelled (at once if already cancelled). */
    public void onCancel(Runnable r) {
        synchronized (listeners) {
            if (!cancelled) {
                listeners.add(r);
                return;
            }
        }
        r.run();
    }

    /** Throws {@link Cancelled} when cancelled: for loops that print nothing for a while. */
    public void check() {
        if (cancelled) {
            throw new Cancelled();
        }
    }

    /** What a cancelled command throws to unwind; the console says "cancelled" and goes on. */
    public static final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
