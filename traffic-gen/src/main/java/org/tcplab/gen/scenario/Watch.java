package org.tcplab.gen.scenario;

import java.io.IOException;
import org.tcplab.live.CapturedPacket;
import org.tcplab.live.LiveCapture;

/** Waiting for the answers a scenario's injected packets get, on a capture it watches. */
final class Watch {
    private Watch() {
    }

    /**
     * The next packet the capture delivers, or null once the deadline (System.nanoTime) has
     * passed: take() blocks, so the capture is stopped at the deadline from a second thread, and
     * then stays stopped.
     */
    static CapturedPacket next(LiveCapture watch, long deadlineNanos) throws IOException, InterruptedException {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
                watch.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.setDaemon(true);
        stopper.start();
        try {
            return watch.take();
        } finally {
            stopper.interrupt();
        }
    }
}
