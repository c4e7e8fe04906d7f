package org.tcplab.pipeline;

import java.io.IOException;

/** What the two-thread passes share: handing the reading thread's failure on, and waiting for it. */
final class WorkerThreads {
    private WorkerThreads() {
    }

    /** Throws the reading thread's failure (an Error it met comes wrapped, and is unwrapped here). */
    static void rethrow(Exception e) throws IOException {
        if (e == null) {
            return;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException r && r.getCause() instanceof Error err) {
            throw err;
        }
        throw (RuntimeException) e;
    }

    /** Waits for {@code t} to end, at most {@code maxNanos}, keeping an interrupt for the caller. */
    static void join(Thread t, long maxNanos) {
        boolean interrupted = false;
        long start = System.nanoTime();
        while (t.isAlive()) {
            long left = maxNanos - (System.nanoTime() - start);
            if (left <= 0) {
                break;
            }
            try {
                t.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
