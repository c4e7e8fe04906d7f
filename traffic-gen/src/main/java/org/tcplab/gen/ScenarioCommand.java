package org.tcplab.gen;

import java.net.BindException;
import java.util.concurrent.Callable;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.gen.scenario.Scenario;
import org.tcplab.gen.scenario.ScenarioContext;
import org.tcplab.gen.scenario.ScenarioFailed;
import picocli.CommandLine.Option;

/**
 * One scenario as its own command: it runs on loopback as it is (no namespace, no capture; the lab
 * adds both) and exits 0 only when the exchange went as expected.
 */
public final class ScenarioCommand implements Callable<Integer> {
    private final Scenario scenario;
    private final java.util.function.Function<ScenarioCommand, Scenario> configure;

    @Option(names = "--port", converter = org.tcplab.cli.Checked.Port.class, description = "port the scenario uses (default ${DEFAULT-VALUE})")
    int port = 6000;

    @Option(names = "--host", description = "loopback address (default ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--allow-remote", description = "allow a non-loopback address (never used by the tests)")
    boolean allowRemote;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The value of one of the scenario's own options, of its checked type. */
    <T> T option(String name) {
        return spec.findOption(name).getValue();
    }

    public ScenarioCommand(Scenario scenario) {
        this(scenario, c -> scenario);
    }

    /** @param configure builds the scenario from the parsed options (for scenarios with options of their own) */
    public ScenarioCommand(Scenario defaults, java.util.function.Function<ScenarioCommand, Scenario> configure) {
        this.scenario = defaults;
        this.configure = configure;
    }

    /** The scenario as its options configure it (the lab runs it in its own namespace). */
    Scenario configured() {
        return configure.apply(this);
    }

    /** Whether the options chose the port (--port, or portscan's range, which always does), so the lab keeps it. */
    boolean portChosen() {
        return spec.commandLine().getParseResult().hasMatchedOption("--port") || spec.findOption("--ports") != null;
    }

    /** The lab command that runs this scenario with the same options, in a namespace set up for it. */
    String labCommand() {
        StringBuilder sb = new StringBuilder("sudo bin/traffic-gen lab --out DIR ").append(scenario.name());
        java.util.List<String> all = spec.commandLine().getParseResult().originalArgs();
        // the parse result holds the whole command line: this command's own words follow its name
        java.util.List<String> args = all.subList(all.indexOf(spec.name()) + 1, all.size());
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (option.equals("--port") || option.equals("--host")) {
                i += a.contains("=") ? 0 : 1; // the lab chooses where it runs
            } else if (!option.equals("--allow-remote")) {
                sb.append(' ').append(a.contains(" ") ? "\"" + a + "\"" : a);
            }
        }
        return sb.toString();
    }

    @Override
    public Integer call() throws Exception {
        Scenario scenario = configured();
        ScenarioContext ctx = new ScenarioContext(Loopback.resolve(host, allowRemote), port, System.out);
        System.out.println(scenario.name() + ": " + scenario.description());
        // said before it runs: what this kernel will show instead, and where the real thing runs
        for (String caveat : scenario.caveats(ctx.kernel())) {
            System.out.println(scenario.name() + ": " + caveat + "; for the real thing run it in the lab: " + labCommand());
        }
        System.out.flush();
        try {
            scenario.run(ctx);
        } catch (BindException e) {
            throw new Failure(ExitCodes.USAGE, "port " + port + " is in use on " + host + "; choose another with --port");
        } catch (ScenarioFailed e) {
            throw new Failure(ExitCodes.BAD_INPUT, scenario.name() + " did not go as expected: " + e.getMessage());
        } catch (org.tcplab.live.CaptureFailure e) {
            throw org.tcplab.cli.CaptureCommand.failure(e);
        } catch (org.pcap4j.core.PcapNativeException e) {
            throw new Failure(ExitCodes.NO_PERMISSION, scenario.name() + ": libpcap: " + e.getMessage()
                    + " (injecting needs root or CAP_NET_RAW)");
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new Failure(ExitCodes.MISSING_LIBRARY, "libpcap is not installed: install it with apt-get install libpcap0.8");
        }
        System.out.println(scenario.name() + ": as expected");
        return ExitCodes.OK;
    }
}
