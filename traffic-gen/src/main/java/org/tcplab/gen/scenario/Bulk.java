package org.tcplab.gen.scenario;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A bulk transfer: the client writes as fast as TCP lets it, the server reads to the end. Over the
 * lab network with a round trip and loss it shows what a course studies after the handshake:
 * slow start, duplicate ACKs carrying SACK blocks (RFC 2018), fast retransmit after the third
 * (RFC 5681 §3.2), and a retransmission timeout with backoff when a retransmission is lost too
 * (RFC 6298 §5.5). On loopback it is the load of the capture benchmark.
 */
public final class Bulk implements Scenario {
    private final long bytes;

    public Bulk(long bytes) {
        this.bytes = bytes;
    }

    @Override
    public String name() {
        return "bulk";
    }

    @Override
    public String description() {
        return bytes + " bytes in one direction as fast as TCP sends them: slow start; over a lossy link duplicate"
                + " ACKs, fast retransmit, SACK; over a link that goes down, timeouts that back off";
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        long[] received = {0};
        Exception[] failed = new Exception[1];
        try (ServerSocket server = ctx.listen(5)) {
            Thread receiver = new Thread(() -> {
                byte[] buf = new byte[1 << 16];
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        received[0] += n;
                    }
                } catch (Exception e) {
                    failed[0] = e;
                }
            }, "bulk-receiver");
            receiver.start();
            long start = System.nanoTime();
            try (Socket c = ctx.connect(); OutputStream out = c.getOutputStream()) {
                byte[] buf = new byte[1 << 16];
                for (int i = 0; i < buf.length; i++) {
                    buf[i] = (byte) ('a' + i % 26);
                }
                long left = bytes;
                while (left > 0) {
                    int n = (int) Math.min(buf.length, left);
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
            receiver.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            ScenarioContext.expect(failed[0] == null, "the receiver failed: " + failed[0]);
            ScenarioContext.expect(received[0] == bytes, "the receiver got " + received[0] + " of " + bytes + " bytes");
            ctx.say(String.format("sent %d bytes in %.2f s (%.1f MB/s); the receiver got them all", bytes, seconds,
                    bytes / seconds / 1e6));
            Thread.sleep(100);
            ctx.snapshotSockets("after both closed");
        }
    }
}
