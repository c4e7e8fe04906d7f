package org.tcplab.gen;

import java.net.BindException;
import java.util.concurrent.Callable;
import org.tcplab.cli.ExitCodes;
import org.tcplab.cli.Failure;
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

    @Option(names = "--port", description = "port the scenario uses (default ${DEFAULT-VALUE})")
    int port = 6000;

    @Option(names = "--host", description = "loopback address (default ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--allow-remote", description = "allow a non-loopback address (never used by the tests)")
    boolean allowRemote;

    public ScenarioCommand(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public Integer call() throws Exception {
        ScenarioContext ctx = new ScenarioContext(Loopback.resolve(host, allowRemote), port, System.out);
        System.out.println(scenario.name() + ": " + scenario.description());
        try {
            scenario.run(ctx);
        } catch (BindException e) {
            throw new Failure(ExitCodes.USAGE, "port " + port + " is in use on " + host + "; choose another with --port");
        } catch (ScenarioFailed e) {
            throw new Failure(ExitCodes.BAD_INPUT, scenario.name() + " did not go as expected: " + e.getMessage());
        } catch (org.tcplab.live.CaptureFailure e) {
            throw new Failure(ExitCodes.NO_PERMISSION, e.getMessage());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new Failure(ExitCodes.MISSING_LIBRARY, "libpcap is not installed: install it with apt-get install libpcap0.8");
        }
        System.out.println(scenario.name() + ": as expected");
        return ExitCodes.OK;
    }
}
