package org.tcplab.gen.wan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;

/**
 * The lab's small network: a client host and two peers on its segment, a router and a server host, each a network namespace of
 * its own, and between the router and the server a namespace that holds only the wire (the link
 * emulator's two ends). Joined by veth pairs:
 *
 * <pre>
 *   client eth0 198.18.1.2 ── eth0 ┐
 *   peer-1 eth0 198.18.1.3 ── eth2 ├ br0 198.18.1.1 router eth1 198.18.2.1 ── w0 [wire] w1 ── eth0 198.18.2.2 server
 *   peer-2 eth0 198.18.1.4 ── eth3 ┘
 *   MTU 1500 (the client's segment, a bridge)    MTU 1400 (the server's link, through the wire)
 * </pre>
 *
 * Addresses only from RFC 2544's benchmarking range 198.18.0.0/15 and fd00::/8, routes only
 * between these namespaces: nothing can leave. Each namespace lives as long as a small process
 * that holds it and waits on a pipe from this JVM, so when the lab exits, however it exits, the
 * pipe closes, the holders end, and the namespaces go with every veth in them.
 */
public final class WanTopology implements AutoCloseable {
    public static final String CLIENT = "client";
    public static final String ROUTER = "router";
    public static final String WIRE = "wire";
    public static final String SERVER = "server";
    /** Two more hosts on the client's segment (198.18.1.3 and .4), for what a segment shares: broadcast. */
    public static final List<String> PEERS = List.of("peer-1", "peer-2");
    public static final String CLIENT_BROADCAST = "198.18.1.255";
    public static final String CLIENT_ADDRESS = "198.18.1.2";
    public static final String SERVER_ADDRESS = "198.18.2.2";
    public static final String ROUTER_A_ADDRESS = "198.18.1.1";
    public static final String ROUTER_B_ADDRESS = "198.18.2.1";
    /** Written on each holder's command line, so a test can see that none is left. */
    public static final String HOLDER_MARK = "tcplab-wan-namespace";

    private final Map<String, Process> holders = new LinkedHashMap<>();
    private final int clientMtu;
    private final int serverMtu;

    private WanTopology(int clientMtu, int serverMtu) {
        this.clientMtu = clientMtu;
        this.serverMtu = serverMtu;
    }

    /** The process whose network namespace is host's. */
    public long pid(String host) {
        return holders.get(host).pid();
    }

    public int clientMtu() {
        return clientMtu;
    }

    public int serverMtu() {
        return serverMtu;
    }

    /** Makes the four namespaces and their links; on any failure removes what it made. */
    public static WanTopology up(int clientMtu, int serverMtu) throws IOException, InterruptedException {
        WanTopology t = new WanTopology(clientMtu, serverMtu);
        try {
            for (String h : List.of(CLIENT, ROUTER, WIRE, SERVER, PEERS.get(0), PEERS.get(1))) {
                t.holders.put(h, hold(h));
            }
            t.link();
            return t;
        } catch (IOException | RuntimeException | InterruptedException e) {
            t.close();
            throw e;
        }
    }

    /** A process in a new network namespace that lives until its standard input closes. */
    private static Process hold(String host) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("unshare", "-n", "sh", "-c", "read " + HOLDER_MARK.replace('-', '_') + "_" + host
                + " || true", HOLDER_MARK + "-" + host).redirectErrorStream(true).start();
        String self = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try {
                String ns = Files.readSymbolicLink(Path.of("/proc/" + p.pid() + "/ns/net")).toString();
                if (!ns.equals(self)) {
                    return p; // unshare(2) has run: the process is in its own namespace
                }
            } catch (IOException e) {
                if (!p.isAlive()) {
                    break;
                }
            }
            Thread.sleep(2);
        }
        String out = p.isAlive() ? "" : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.destroyForcibly();
        throw new Failure(ExitCodes.NO_PERMISSION, "cannot make the " + host + "'s network namespace (unshare -n)"
                + (out.isEmpty() ? "" : ": " + out));
    }

    private void link() throws IOException, InterruptedException {
        // the veth pairs, each end made straight in its namespace
        veth(CLIENT, "eth0", ROUTER, "eth0", clientMtu);
        // the client's segment is a bridge in the router: its eth0 (to the client) and one port per
        // peer host; the router's own address on the segment is the bridge's
        veth(PEERS.get(0), "eth0", ROUTER, "eth2", clientMtu);
        veth(PEERS.get(1), "eth0", ROUTER, "eth3", clientMtu);
        in(ROUTER, "ip", "link", "add", "br0", "type", "bridge");
        in(ROUTER, "ip", "link", "set", "br0", "mtu", Integer.toString(clientMtu));
        for (String port : List.of("eth0", "eth2", "eth3")) {
            in(ROUTER, "ip", "link", "set", port, "master", "br0");
        }
        veth(ROUTER, "eth1", WIRE, "w0", serverMtu);
        veth(WIRE, "w1", SERVER, "eth0", serverMtu);
        for (String h : List.of(CLIENT, ROUTER, SERVER, PEERS.get(0), PEERS.get(1))) {
            in(h, "ip", "link", "set", "lo", "up");
            // whole segments on the wire as TCP cut them, and checksums computed by the stack, not
            // left to an offload that a veth never performs: the emulator forwards real packets
            in(h, "sysctl", "-q", "-w", "net.ipv4.tcp_timestamps=0");
        }
        // the wire carries frames and has no address of its own: no IPv6 link-local chatter from it
        in(WIRE, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        address(CLIENT, "eth0", CLIENT_ADDRESS + "/24", "fd00:1::2/64");
        address(ROUTER, "br0", ROUTER_A_ADDRESS + "/24", "fd00:1::1/64");
        for (int i = 0; i < PEERS.size(); i++) {
            address(PEERS.get(i), "eth0", "198.18.1." + (3 + i) + "/24", "fd00:1::" + (3 + i) + "/64");
        }
        address(ROUTER, "eth1", ROUTER_B_ADDRESS + "/24", "fd00:2::1/64");
        address(SERVER, "eth0", SERVER_ADDRESS + "/24", "fd00:2::2/64");
        for (String[] e : List.of(new String[] {CLIENT, "eth0"}, new String[] {ROUTER, "eth0"}, new String[] {ROUTER, "eth1"},
                new String[] {ROUTER, "eth2"}, new String[] {ROUTER, "eth3"}, new String[] {PEERS.get(0), "eth0"},
                new String[] {PEERS.get(1), "eth0"},
                new String[] {WIRE, "w0"}, new String[] {WIRE, "w1"}, new String[] {SERVER, "eth0"})) {
            offloadsOff(e[0], e[1]);
            in(e[0], "ip", "link", "set", e[1], "up");
        }
        try {
            in(ROUTER, "ethtool", "-K", "br0", "tso", "off", "gso", "off", "tx", "off");
        } catch (Failure f) {
            // a bridge has fewer knobs; its ports' are off, which is what the captures see
        }
        in(ROUTER, "ip", "link", "set", "br0", "up");
        in(WIRE, "ip", "link", "set", "w0", "promisc", "on");
        in(WIRE, "ip", "link", "set", "w1", "promisc", "on");
        in(ROUTER, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1",
                "net.ipv4.conf.all.send_redirects=0");
        in(CLIENT, "ip", "route", "add", "default", "via", ROUTER_A_ADDRESS);
        in(SERVER, "ip", "route", "add", "default", "via", ROUTER_B_ADDRESS);
        in(CLIENT, "ip", "-6", "route", "add", "default", "via", "fd00:1::1");
        in(SERVER, "ip", "-6", "route", "add", "default", "via", "fd00:2::1");
    }

    private void veth(String a, String aName, String b, String bName, int mtu) throws IOException, InterruptedException {
        run("ip", "link", "add", aName, "netns", Long.toString(pid(a)), "mtu", Integer.toString(mtu), "type", "veth", "peer",
                "name", bName, "netns", Long.toString(pid(b)), "mtu", Integer.toString(mtu));
    }

    private void address(String host, String dev, String v4, String v6) throws IOException, InterruptedException {
        in(host, "ip", "addr", "add", v4, "dev", dev);
        in(host, "ip", "-6", "addr", "add", v6, "dev", dev, "nodad");
    }

    private void offloadsOff(String host, String dev) throws IOException, InterruptedException {
        try {
            in(host, "ethtool", "-K", dev, "tso", "off", "gso", "off", "gro", "off", "tx", "off", "rx", "off");
        } catch (Failure f) {
            throw new Failure(ExitCodes.MISSING_LIBRARY, "cannot turn offloads off on the lab's links (" + f.getMessage()
                    + "); install ethtool (apt-get install ethtool)");
        }
    }

    /** Runs a command inside host's namespace (nsenter); its output, or a one-line failure. */
    public String in(String host, String... cmd) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("nsenter", "-t", Long.toString(pid(host)), "-n"));
        full.addAll(List.of(cmd));
        return run(full.toArray(new String[0]));
    }

    /** Runs body on this thread inside host's namespace. */
    public <T> T inside(String host, org.tcplab.gen.scenario.Hosts.Body<T> body) throws Exception {
        return Netns.in(pid(host), body);
    }

    /** Moves this thread into host's namespace for good (a thread that serves that host only). */
    public void enter(String host) {
        Netns.enter(pid(host));
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new Failure(ExitCodes.MISSING_LIBRARY, cmd[0] + " is not installed: " + String.join(" ", cmd));
        }
        String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new Failure(ExitCodes.BAD_INPUT, String.join(" ", cmd) + " failed: " + o.trim());
        }
        return o;
    }

    /** Ends the holders: their namespaces, and every veth in them, go. */
    @Override
    public void close() {
        for (Process p : holders.values()) {
            try {
                p.getOutputStream().close();
            } catch (IOException e) {
                // the holder is gone already
            }
            p.destroy();
        }
        for (Process p : holders.values()) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
