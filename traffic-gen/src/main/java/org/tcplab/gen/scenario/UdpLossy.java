package org.tcplab.gen.scenario;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * UDP has no retransmission: the application must do it. The server drops each request with
 * probability {@code drop} (seeded, so runs repeat); the client waits 0.1 s for a reply, doubling
 * the wait after each loss, and gives up once the wait would pass 2 s (the classic
 * exponential-backoff exercise). Requests carry an id, so a late reply is matched to its request.
 */
public final class UdpLossy implements Scenario {
    static final long FIRST_TIMEOUT_MS = 100;
    static final long GIVE_UP_MS = 2000;

    private final double drop;
    private final long seed;
    private final int requests;

    public UdpLossy(double drop, long seed, int requests) {
        this.drop = drop;
        this.seed = seed;
        this.requests = requests;
    }

    @Override
    public String name() {
        return "udp-lossy";
    }

    @Override
    public String description() {
        return requests + " UDP requests to a server that drops each with probability " + drop
                + ": retries after 0.1 s, doubling, giving up past 2 s";
    }

    @Override
    public String filter(int port) {
        return "udp port " + port;
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        try (DatagramSocket server = ctx.udpServer();
             DatagramSocket client = ctx.udpClient()) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[1500];
                try {
                    while (!server.isClosed()) {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        server.receive(p);
                        String req = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
                        if (random.nextDouble() < drop) {
                            ctx.say("server dropped " + req);
                            continue;
                        }
                        byte[] reply = ("reply to " + req + ": Your data was " + p.getLength() + " bytes long")
                                .getBytes(StandardCharsets.US_ASCII);
                        server.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                    }
                } catch (java.io.IOException e) {
                    // closed at the end
                }
            });
            t.setDaemon(true);
            t.start();
            byte[] buf = new byte[1500];
            int answered = 0;
            for (int id = 1; id <= requests; id++) {
                long timeout = FIRST_TIMEOUT_MS;
                int attempt = 1;
                boolean done = false;
                while (!done) {
                    byte[] req = ("id=" + id + " try=" + attempt).getBytes(StandardCharsets.US_ASCII);
                    client.send(new DatagramPacket(req, req.length, ctx.address(), ctx.port()));
                    long deadline = System.nanoTime() + timeout * 1_000_000L;
                    while (!done) {
                        long left = (deadline - System.nanoTime()) / 1_000_000L;
                        if (left <= 0) {
                            break;
                        }
                        client.setSoTimeout((int) left);
                        try {
                            DatagramPacket p = new DatagramPacket(buf, buf.length);
                            client.receive(p);
                            String reply = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
                            if (reply.startsWith("reply to id=" + id + " ")) {
                                ctx.say("id " + id + ": answered on try " + attempt + " (" + reply + ")");
                                done = true;
                                answered++;
                            } else {
                                ctx.say("late reply for an earlier request, ignored: " + reply);
                            }
                        } catch (SocketTimeoutException e) {
                            break;
                        }
                    }
                    if (!done) {
                        timeout *= 2;
                        if (timeout > GIVE_UP_MS) {
                            ctx.say("id " + id + ": no reply after " + attempt + " tries; giving up");
                            break;
                        }
                        ctx.say("id " + id + ": no reply within " + timeout / 2 + " ms; retrying, waiting " + timeout + " ms");
                        attempt++;
                    }
                }
            }
            ctx.say(answered + " of " + requests + " requests answered");
        }
    }
}
