package org.tcplab.gen.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What this network namespace's kernel is set to, as far as the scenarios depend on it: an
 * interface's MTU and segmentation offload, a sysctl, an IP counter, a connection's MSS. Each is
 * read where the kernel publishes it (/sys, /proc, ethtool, ss), so a scenario can say before it
 * runs what the student will see, and check afterwards what the kernel did.
 */
public final class KernelFacts {
    private final List<String> prefix;
    private final String iface;

    /** This JVM's own namespace, whose scenarios talk over lo. */
    public KernelFacts() {
        this(List.of(), "lo");
    }

    /**
     * A host's namespace: its commands run behind {@code prefix} (nsenter into it), and its
     * traffic leaves by {@code iface}.
     */
    public KernelFacts(List<String> prefix, String iface) {
        this.prefix = List.copyOf(prefix);
        this.iface = iface;
    }

    /** The interface the scenario's traffic leaves by: lo, or a lab host's eth0. */
    public String iface() {
        return iface;
    }

    /** The MTU of an interface in this namespace (ip link), or -1 when there is no such interface. */
    public int mtu(String name) {
        String out = run("ip", "-o", "link", "show", "dev", name);
        int at = out == null ? -1 : out.indexOf(" mtu ");
        if (at < 0) {
            return -1;
        }
        int end = at + 5;
        while (end < out.length() && Character.isDigit(out.charAt(end))) {
            end++;
        }
        return Integer.parseInt(out.substring(at + 5, end));
    }

    /**
     * Whether TCP or generic segmentation offload is on (then a capture on the sending host sees a
     * write as one super-segment, however the MSS would cut it), or null when ethtool cannot tell.
     */
    public Boolean segmentationOffload(String name) {
        String out = run("ethtool", "-k", name);
        if (out == null) {
            return null;
        }
        boolean seen = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("tcp-segmentation-offload:") || line.startsWith("generic-segmentation-offload:")) {
                seen = true;
                if (line.contains(": on")) {
                    return true;
                }
            }
        }
        return seen ? Boolean.FALSE : null;
    }

    /** A sysctl's value by its dotted name (net.ipv4.tcp_timestamps), or null when it does not exist. */
    public String sysctl(String name) {
        String out = run("sysctl", "-n", name);
        return out == null ? null : out.trim();
    }

    /** One of the kernel's IP counters (RFC 4293's names as /proc/net/snmp has them: FragCreates), or -1. */
    public long ipCounter(String name) {
        String s = run("cat", "/proc/net/snmp");
        if (s == null) {
            return -1;
        }
        List<String> ip = s.lines().filter(l -> l.startsWith("Ip: ")).toList();
        if (ip.size() < 2) {
            return -1;
        }
        List<String> names = List.of(ip.get(0).split(" "));
        String[] values = ip.get(1).split(" ");
        int i = names.indexOf(name);
        return i < 0 || i >= values.length ? -1 : Long.parseLong(values[i]);
    }

    /**
     * Why the kernel drops a packet injected on lo with libpcap (it answers one only with both
     * route_localnet and accept_local set on lo), or null when it does not, or the interface is not lo.
     */
    public String injectionOnLoDropped(String name) {
        if (!name.equals("lo")) {
            return null;
        }
        String a = sysctl("net.ipv4.conf.lo.route_localnet");
        String b = sysctl("net.ipv4.conf.lo.accept_local");
        return "1".equals(a) && "1".equals(b) ? null : "the kernel answers a packet injected on lo only with"
                + " net.ipv4.conf.lo.route_localnet=1 and net.ipv4.conf.lo.accept_local=1 (here " + a + " and " + b + ")";
    }

    /** An interface's own MAC address (ip link), or null. */
    public org.pcap4j.util.MacAddress macAddress(String name) {
        return mac(run("ip", "-o", "link", "show", "dev", name), "link/ether ");
    }

    /** The MAC address of the default route's gateway on an interface, from the neighbour table (ip neigh), or null. */
    public org.pcap4j.util.MacAddress gatewayMac(String name) {
        String route = run("ip", "-4", "route", "show", "default", "dev", name);
        if (route == null || !route.contains("via ")) {
            return null;
        }
        String via = route.substring(route.indexOf("via ") + 4).split("\\s+")[0];
        return mac(run("ip", "-4", "neigh", "show", via, "dev", name), "lladdr ");
    }

    private static org.pcap4j.util.MacAddress mac(String out, String key) {
        int at = out == null ? -1 : out.indexOf(key);
        if (at < 0) {
            return null;
        }
        return org.pcap4j.util.MacAddress.getByName(out.substring(at + key.length()).split("\\s+")[0]);
    }

    /** The kernel's TCP socket table (ss -tan), or "" without ss. */
    public String tcpSockets() {
        String out = run("ss", "-tan");
        return out == null ? "" : out;
    }

    /** The MSS the kernel uses to send on the connection to port {@code dport} (ss -ti's mss), or -1. */
    public int sendMss(int dport) {
        String out = run("ss", "-tinH", "( dport = :" + dport + " )");
        if (out == null) {
            return -1;
        }
        int at = out.indexOf(" mss:");
        if (at < 0) {
            return -1;
        }
        int end = at + 5;
        while (end < out.length() && Character.isDigit(out.charAt(end))) {
            end++;
        }
        return end == at + 5 ? -1 : Integer.parseInt(out.substring(at + 5, end));
    }

    /**
     * The kernel's TCP sockets of one connection, by the port of one end (ss -tan): each line's
     * state, local and peer address. Empty when there are none (both CLOSED, or no ss).
     */
    public List<String> connectionSockets(int port) {
        String out = run("ss", "-tanH", "( sport = :" + port + " or dport = :" + port + " )");
        return out == null ? List.of() : out.lines().map(l -> l.trim().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty())
                .toList();
    }

    /** A command's standard output, or null when it is missing or fails. */
    private String run(String... cmd) {
        List<String> full = new java.util.ArrayList<>(prefix);
        full.addAll(List.of(cmd));
        try {
            Process p = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
