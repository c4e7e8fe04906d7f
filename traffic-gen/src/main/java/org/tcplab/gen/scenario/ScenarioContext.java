package org.tcplab.gen.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a scenario runs with: the address and port, a log, and the kernel's view of its sockets. */
public final class ScenarioContext {
    private final InetAddress address;
    private final int port;
    private final PrintStream log;
    private final List<String> socketSnapshots = new ArrayList<>();
    private final KernelFacts kernel = new KernelFacts();

    public ScenarioContext(InetAddress address, int port, PrintStream log) {
        this.address = address;
        this.port = port;
        this.log = log;
    }

    public InetAddress address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** The kernel the scenario runs on, to check what it did. */
    public KernelFacts kernel() {
        return kernel;
    }

    public void say(String step) {
        log.println("  " + step);
        log.flush();
    }

    /**
     * Records the kernel's TCP sockets on this scenario's port ({@code ss -tan}), labelled, so that
     * the analysis's states can be checked against the kernel's own.
     */
    public void snapshotSockets(String label) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ss", "-tan").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        StringBuilder sb = new StringBuilder("# ss -tan, " + label + "\n");
        for (String line : out.split("\n")) {
            if (line.contains(":" + port + " ") || line.endsWith(":" + port)) {
                sb.append(line.trim().replaceAll("\\s+", " ")).append('\n');
            }
        }
        socketSnapshots.add(sb.toString());
    }

    public List<String> socketSnapshots() {
        return socketSnapshots;
    }

    static void expect(boolean ok, String what) throws ScenarioFailed {
        if (!ok) {
            throw new ScenarioFailed(what);
        }
    }
}
