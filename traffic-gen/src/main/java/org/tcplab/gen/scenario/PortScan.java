package org.tcplab.gen.scenario;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A TCP connect scan of a port range: open (the handshake completes: SYN-ACK), closed (the kernel
 * answers RST), filtered (no answer within the timeout). In the lab a few listeners are opened
 * first, so the scan has something to find.
 */
public final class PortScan implements Scenario {
    public enum Verdict { OPEN, CLOSED, FILTERED }

    private final int span;
    private final int[] listeners;
    private final int concurrency;
    private final int timeoutMs;
    private final boolean everyPort;

    /** @param listeners offsets from the first port where the lab opens listeners */
    public PortScan(int span, int[] listeners, int concurrency, int timeoutMs) {
        this(span, listeners, concurrency, timeoutMs, false);
    }

    /** @param everyPort a line for every port scanned, not only the open ones */
    public PortScan(int span, int[] listeners, int concurrency, int timeoutMs, boolean everyPort) {
        this.span = span;
        this.listeners = listeners;
        this.concurrency = concurrency;
        this.timeoutMs = timeoutMs;
        this.everyPort = everyPort;
    }

    @Override
    public String name() {
        return "portscan";
    }

    @Override
    public String description() {
        return "TCP connect scan of " + span + " ports: open (SYN-ACK), closed (RST), filtered (nothing)";
    }

    @Override
    public String filter(int port) {
        return "tcp portrange " + port + "-" + (port + span - 1);
    }

    /** Scans {@code [first, first + count)} on {@code host}. */
    public static Map<Integer, Verdict> scan(java.net.InetAddress host, int first, int count, int concurrency, int timeoutMs)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            Map<Integer, Future<Verdict>> futures = new TreeMap<>();
            for (int p = first; p < first + count; p++) {
                int port = p;
                futures.put(port, pool.submit(() -> probe(host, port, timeoutMs)));
            }
            Map<Integer, Verdict> out = new TreeMap<>();
            for (Map.Entry<Integer, Future<Verdict>> e : futures.entrySet()) {
                out.put(e.getKey(), e.getValue().get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static Verdict probe(java.net.InetAddress host, int port, int timeoutMs) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMs);
            return Verdict.OPEN;
        } catch (ConnectException e) {
            return Verdict.CLOSED;
        } catch (SocketTimeoutException e) {
            return Verdict.FILTERED;
        }
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int offset : listeners) {
                open.add(ctx.listen(ctx.port() + offset, 50));
            }
            long started = System.nanoTime();
            // as the client host: the pool's threads start there, and so do the sockets they make
            Map<Integer, Verdict> result = ctx.hosts().client(() -> scan(ctx.address(), ctx.port(), span, concurrency, timeoutMs));
            double seconds = (System.nanoTime() - started) / 1e9;
            int[] counts = new int[Verdict.values().length];
            for (Map.Entry<Integer, Verdict> e : result.entrySet()) {
                counts[e.getValue().ordinal()]++;
                if (!everyPort && e.getValue() != Verdict.OPEN) {
                    continue;
                }
                String why = switch (e.getValue()) {
                    case OPEN -> "the handshake completed (SYN-ACK)";
                    case CLOSED -> "the kernel answered RST";
                    case FILTERED -> "no answer within " + timeoutMs + " ms";
                };
                ctx.say("port " + e.getKey() + ": " + e.getValue().name().toLowerCase() + " (" + why + ")");
            }
            ctx.say(String.format(java.util.Locale.ROOT, "%d ports scanned in %.1f s: %d open, %d closed, %d filtered",
                    result.size(), seconds, counts[Verdict.OPEN.ordinal()], counts[Verdict.CLOSED.ordinal()],
                    counts[Verdict.FILTERED.ordinal()]));
            for (int offset : listeners) {
                ScenarioContext.expect(result.get(ctx.port() + offset) == Verdict.OPEN, "listener " + (ctx.port() + offset) + " not found open");
            }
        } finally {
            for (ServerSocket s : open) {
                s.close();
            }
        }
        Thread.sleep(100);
    }
}
