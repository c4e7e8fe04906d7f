package org.tcplab.gen.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario runs with: the server's address and port, the hosts its two ends run on, a log,
 * and the kernel's view of its sockets.
 */
public final class ScenarioContext {
    private final InetAddress address;
    private final int port;
    private final PrintStream log;
    private final List<String> socketSnapshots = new ArrayList<>();
    private final Hosts hosts;

    /** Both ends on this namespace's loopback (or wherever address is). */
    public ScenarioContext(InetAddress address, int port, PrintStream log) {
        this(address, port, log, Hosts.loopback(address));
    }

    public ScenarioContext(InetAddress address, int port, PrintStream log, Hosts hosts) {
        this.address = address;
        this.port = port;
        this.log = log;
        this.hosts = hosts;
    }

    public Hosts hosts() {
        return hosts;
    }

    /** The server's listening socket on the scenario's port. */
    public ServerSocket listen(int backlog) throws Exception {
        return listen(port, backlog);
    }

    public ServerSocket listen(int onPort, int backlog) throws Exception {
        return hosts.server(() -> new ServerSocket(onPort, backlog, address));
    }

    /** The client's connection to the server's port. */
    public Socket connect() throws Exception {
        return hosts.client(() -> new Socket(address, port));
    }

    /** An unconnected client socket (to connect with a timeout). */
    public Socket clientSocket() throws Exception {
        return hosts.client(Socket::new);
    }

    /** The server's UDP socket on the scenario's port. */
    public DatagramSocket udpServer() throws Exception {
        return hosts.server(() -> new DatagramSocket(new InetSocketAddress(address, port)));
    }

    /** A client UDP socket on a port the kernel picks. */
    public DatagramSocket udpClient() throws Exception {
        return hosts.client(() -> new DatagramSocket(new InetSocketAddress(hosts.clientAddress(), 0)));
    }

    public InetAddress address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** The client's kernel (the sender's in every scenario that checks one), to check what it did. */
    public KernelFacts kernel() {
        return hosts.clientKernel();
    }

    /** The server's kernel. */
    public KernelFacts serverKernel() {
        return hosts.serverKernel();
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
        if (hosts.clientKernel() == hosts.serverKernel()) {
            snapshot(hosts.clientKernel(), label);
        } else {
            // two hosts, two socket tables: each end as its own kernel has it
            snapshot(hosts.clientKernel(), "on the client, " + label);
            snapshot(hosts.serverKernel(), "on the server, " + label);
        }
    }

    private void snapshot(KernelFacts k, String label) {
        StringBuilder sb = new StringBuilder("# ss -tan, " + label + "\n");
        for (String line : k.tcpSockets().split("\n")) {
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
