package org.tcplab.gen;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.CaptureWriter;
import org.tcplab.capture.FrameSource;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.gen.scenario.Scenario;
import org.tcplab.gen.scenario.ScenarioContext;
import org.tcplab.gen.scenario.Scenarios;
import org.tcplab.live.CaptureFailure;
import org.tcplab.live.LiveCapture;
import org.tcplab.live.LiveCaptureOptions;
import org.tcplab.live.Privileges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lab", header = "Run scenarios in a private network namespace, capture and analyse each (needs root).", mixinStandardHelpOptions = true,
        description = {"Run scenarios in a private network namespace, capture each on its loopback and analyse it:",
                "DIR/SCENARIO.pcap, DIR/SCENARIO.txt (the coursework report: handshake, data, teardown, RST explained;",
                "the kernel's own socket states, ss -tan; every packet) and DIR/SCENARIO.html (the report with its ladder",
                "diagram and time-sequence graph). Needs root (for the namespace and the capture).",
                "With --net wan: a client host, a router and a server host, each a namespace, joined by veth pairs,",
                "the emulated wire (--delay --jitter --loss --burst --duplicate --reorder --rate --queue --outage --seed) on the",
                "server's link, and two more hosts on the client's segment; each scenario captured at five vantage points,",
                "DIR/SCENARIO-{client,router-a,router-b,server,peer-1}.pcap, and DIR/network-VANTAGE.pcap the network",
                "coming up (ARP, neighbour discovery)."})
public final class LabCommand implements Callable<Integer> {
    static final int FIRST_PORT = 6000;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write the captures and analyses")
    Path out;

    @Option(names = "--timestamps", description = "keep TCP timestamps on (segments then carry 1448 bytes, not 1460)")
    boolean timestamps;

    /** Which network the scenarios run over. */
    enum Net { loopback, wan }

    @Option(names = "--net", paramLabel = "NET", description = "loopback (default: one namespace's lo) or wan (a client host,"
            + " a router and a server host, each a namespace, joined by veth pairs, with the emulated wire on the server's link)")
    Net net = Net.loopback;

    @Option(names = "--delay", paramLabel = "TIME", converter = org.tcplab.gen.wan.LinkOptions.Duration.class,
            description = "--net wan: the round trip the wire adds, half each way (default 0; e.g. 20ms)")
    long delayNanos;

    @Option(names = "--jitter", paramLabel = "TIME", converter = org.tcplab.gen.wan.LinkOptions.Duration.class,
            description = "--net wan: each way's delay varies by up to this much either way (default 0)")
    long jitterNanos;

    @Option(names = "--loss", paramLabel = "PERCENT", converter = org.tcplab.gen.wan.LinkOptions.Percent.class,
            description = "--net wan: packets lost each way, e.g. 1%% (default 0)")
    double loss;

    @Option(names = "--burst", paramLabel = "PACKETS", converter = org.tcplab.gen.wan.LinkOptions.Burst.class,
            description = "--net wan: mean length of a loss burst (Gilbert-Elliott; default 1: independent losses)")
    double burst = 1;

    @Option(names = "--duplicate", paramLabel = "PERCENT", converter = org.tcplab.gen.wan.LinkOptions.Percent.class,
            description = "--net wan: packets sent twice (default 0)")
    double duplicate;

    @Option(names = "--reorder", paramLabel = "PERCENT", converter = org.tcplab.gen.wan.LinkOptions.Percent.class,
            description = "--net wan: packets sent at once, ahead of the delayed ones (default 0)")
    double reorder;

    @Option(names = "--rate", paramLabel = "RATE", converter = org.tcplab.gen.wan.LinkOptions.Rate.class,
            description = "--net wan: the wire's rate each way, e.g. 10mbit (default 0: no limit)")
    long rate;

    @Option(names = "--queue", paramLabel = "PACKETS", converter = org.tcplab.gen.wan.LinkOptions.Queue.class,
            description = "--net wan: packets that may wait for the rate before the tail drops (default 1000)")
    int queue = 1000;

    @Option(names = "--outage", paramLabel = "TIME", converter = org.tcplab.gen.wan.LinkOptions.Duration.class,
            description = "--net wan: the wire goes down both ways for this long in each scenario, e.g. 1s (default 0):"
                    + " a retransmission is lost too and the timer backs off")
    long outageNanos;

    @Option(names = "--outage-at", paramLabel = "TIME", converter = org.tcplab.gen.wan.LinkOptions.Duration.class,
            description = "--net wan: when the outage starts, from the start of each scenario (default 300ms)")
    long outageAtNanos = 300_000_000L;

    @Option(names = "--seed", paramLabel = "N", converter = org.tcplab.cli.Checked.Seed.class,
            description = "--net wan: seed of the wire's losses, duplicates and jitter, so that a run repeats (default 1)")
    long seed = 1;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--inside", hidden = true, description = "already inside the namespace (set by the lab itself)")
    boolean inside;

    @Parameters(paramLabel = "SCENARIO [OPTIONS]", arity = "0..*", description = {"scenarios to run (default: all):"
            + " ${COMPLETION-CANDIDATES}; each may be followed by its own options, as its command takes them",
            "(lab --out DIR exchange --text \"2023 Zhang\" greeting --clients 3)"}, completionCandidates = ScenarioNames.class)
    List<String> names = new ArrayList<>();

    /** For the help text. */
    static final class ScenarioNames extends ArrayList<String> {
        ScenarioNames() {
            super(Scenarios.all().keySet());
        }
    }

    @Override
    public Integer call() throws Exception {
        // before the namespace: a bad scenario word or option is refused here, in one line
        List<ScenarioSelection.Selected> run = ScenarioSelection.parse(names);
        checkNet(run);
        org.tcplab.cli.OutputPaths.checkDirectory(out);
        if (!inside) {
            return reexecInNamespace();
        }
        Files.createDirectories(out);
        int failed = 0;
        if (net == Net.wan) {
            failed = new WanLab(out, profile(), seed, linkWords(), outageAtNanos, outageNanos).run(run);
        } else {
            setUpLoopback();
            for (ScenarioSelection.Selected s : run) {
                if (!runOne(s.scenario(), s.port())) {
                    failed++;
                }
            }
        }
        System.out.printf("%d of %d scenarios went as expected; results in %s%n", run.size() - failed, run.size(), out);
        return failed == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /** The wire's options need the wire; the scenarios that need a router stay off loopback. */
    private void checkNet(List<ScenarioSelection.Selected> run) {
        if (net == Net.loopback) {
            for (String o : List.of("--delay", "--jitter", "--loss", "--burst", "--duplicate", "--reorder", "--rate", "--queue",
                    "--outage", "--outage-at", "--seed")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                    throw new Failure(ExitCodes.USAGE, o + " is the emulated wire's: it needs --net wan (the loopback lab"
                            + " has no link to impair)");
                }
            }
        }
        if (net == Net.wan) {
            if (outageNanos == 0 && spec.commandLine().getParseResult().hasMatchedOption("--outage-at")) {
                throw new Failure(ExitCodes.USAGE, "--outage-at says when the wire goes down: it needs --outage, how long"
                        + " (e.g. --outage 1s)");
            }
            return; // every scenario runs over the network
        }
        // the scenarios that need the network: left out of "all" on loopback, refused when named
        if (names.isEmpty()) {
            run.removeIf(s -> WanLab.NETWORK_ONLY.contains(s.scenario().name()));
            return;
        }
        for (ScenarioSelection.Selected s : run) {
            if (WanLab.NETWORK_ONLY.contains(s.scenario().name())) {
                throw new Failure(ExitCodes.USAGE, s.scenario().name()
                        + " needs a router and a smaller link on the way: run it over the lab network (--net wan)");
            }
        }
    }

    /** Each direction of the wire: half the round trip's delay, the rest as given. */
    org.tcplab.gen.wan.LinkProfile profile() {
        return new org.tcplab.gen.wan.LinkProfile(delayNanos / 2, jitterNanos, loss, burst, duplicate, reorder, rate, queue);
    }

    private String linkWords() {
        StringBuilder sb = new StringBuilder("round trip +" + delayNanos / 1_000_000.0 + " ms");
        if (jitterNanos > 0) {
            sb.append(", jitter ").append(jitterNanos / 1_000_000.0).append(" ms");
        }
        if (loss > 0) {
            sb.append(", loss ").append(loss * 100).append("% each way").append(burst > 1 ? " in bursts of " + burst : "");
        }
        if (duplicate > 0) {
            sb.append(", duplicates ").append(duplicate * 100).append('%');
        }
        if (reorder > 0) {
            sb.append(", reordered ").append(reorder * 100).append('%');
        }
        if (rate > 0) {
            sb.append(", rate ").append(rate / 1e6).append(" Mbit/s, queue ").append(queue);
        }
        if (outageNanos > 0) {
            sb.append(", down ").append(outageNanos / 1_000_000.0).append(" ms from ").append(outageAtNanos / 1_000_000.0)
                    .append(" ms into each scenario");
        }
        return sb.append(", seed ").append(seed).toString();
    }

    /**
     * The first port of a scenario: FIRST_PORT + its place in the full list (so that ports do not
     * depend on the selection), or a block of ten after 6100 for port ranges.
     */
    static int portOf(List<String> order, String name) {
        int i = order.indexOf(name);
        return name.equals("portscan") ? FIRST_PORT + 100 : FIRST_PORT + i;
    }

    /** Runs this same command again under unshare -n, so that nothing leaves a private namespace. */
    private int reexecInNamespace() throws IOException, InterruptedException {
        if (!Privileges.isRoot()) {
            throw new Failure(ExitCodes.NO_PERMISSION, "the lab needs root for its private network namespace and the capture;"
                    + " run: sudo bin/traffic-gen lab --out " + out);
        }
        // lo is up before the JVM starts: the JDK decides once, at its first socket, whether this
        // namespace has IPv6, and without an interface up it would make IPv4-only sockets
        List<String> cmd = new ArrayList<>(List.of("unshare", "-n", "/bin/sh", "-c", "ip link set lo up && exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), TrafficGenMain.class.getName(), "lab", "--inside"));
        // the same words again, as they were given after "lab"
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        cmd.addAll(all.subList(all.indexOf(spec.name()) + 1, all.size()));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        return p.waitFor();
    }

    private void setUpLoopback() throws IOException, InterruptedException {
        run("ip", "link", "set", "lo", "up");
        run("ip", "link", "set", "lo", "mtu", "1500");
        // no segmentation offload: the capture shows the real 1460-byte segments. Without it the
        // kernel hands the capture one 2,950-byte "segment", and every scenario about segment sizes
        // would be a lie: refuse, and say what to install.
        offloadOff();
        run("sysctl", "-q", "-w", "net.ipv4.tcp_timestamps=" + (timestamps ? 1 : 0));
        // the kernel answers an echo request injected on lo only with both set (this namespace only)
        run("sysctl", "-q", "-w", "net.ipv4.conf.lo.route_localnet=1", "net.ipv4.conf.lo.accept_local=1");
    }

    private boolean runOne(Scenario s, int port) throws IOException, InterruptedException {
        System.out.println(s.name() + ": " + s.description());
        Path pcap = out.resolve(s.name() + ".pcap");
        LiveCapture capture;
        try {
            capture = LiveCapture.start(new LiveCaptureOptions("lo", s.filter(port), LiveCaptureOptions.DEFAULT_SNAPLEN,
                    LiveCaptureOptions.PRINTING_BUFFER, true), (lt, snap) -> CaptureWriter.open(pcap, lt, snap, "lo", s.filter(port)),
                    false, Long.MAX_VALUE);
        } catch (CaptureFailure f) {
            throw new Failure(ExitCodes.NO_PERMISSION, f.getMessage());
        }
        ScenarioContext ctx = new ScenarioContext(InetAddress.getByName("127.0.0.1"), port, System.out);
        for (String caveat : s.caveats(ctx.kernel())) {
            System.out.println("  note: " + caveat); // the lab set its namespace up to leave none
        }
        String error = null;
        try {
            Thread.sleep(100);
            s.run(ctx);
            Thread.sleep(200);
        } catch (Exception e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            capture.close();
        }
        String analysis = analyse(pcap, ctx, s, error);
        Files.writeString(out.resolve(s.name() + ".txt"), analysis, StandardCharsets.UTF_8);
        Files.writeString(out.resolve(s.name() + ".html"), Report.html(pcap), StandardCharsets.UTF_8);
        System.out.println(error == null ? "  ok: " + capture.stats().captured() + " packets in " + pcap
                : "  FAILED: " + error);
        return error == null;
    }

    /** The analyzer's account of the capture: the coursework report, the kernel's sockets, every packet. */
    String analyse(Path pcap, ScenarioContext ctx, Scenario s, String error) throws IOException {
        StringBuilder head = new StringBuilder("# " + s.name() + ": " + s.description() + "\n");
        head.append(timestamps
                ? "# loopback: MTU 1500, offloads off, TCP timestamps on: each segment carries a 12-byte timestamp option"
                        + " (10 bytes and 2 of padding, RFC 7323), so a full segment holds 1500 - 20 - 20 - 12 = 1448 bytes\n"
                : "# loopback: MTU 1500, offloads off, TCP timestamps off: a full segment holds 1500 - 20 (IP) - 20 (TCP)"
                        + " = 1460 bytes\n");
        if (error != null) {
            head.append("# FAILED: ").append(error).append('\n');
        }
        return Report.render(pcap, head.toString(), String.join("", ctx.socketSnapshots()));
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new Failure(ExitCodes.BAD_INPUT, String.join(" ", cmd) + " failed: " + o.trim());
        }
        return o;
    }

    private static void offloadOff() throws InterruptedException {
        String[] cmd = {"ethtool", "-K", "lo", "tso", "off", "gso", "off", "gro", "off"};
        String why;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
            why = "it failed" + (o.isEmpty() ? "" : ": " + o.lines().findFirst().orElse(""));
        } catch (IOException e) {
            why = "ethtool is not installed";
        }
        throw new Failure(ExitCodes.MISSING_LIBRARY, "cannot turn segmentation offload off on the namespace's loopback ("
                + String.join(" ", cmd) + ": " + why + "); install ethtool (apt-get install ethtool): with offload on,"
                + " the captures show the kernel's super-segments instead of 1460-byte segments");
    }

}
