package org.tcplab.gen;

import java.util.List;
import org.tcplab.cli.ExitCodes;
import org.tcplab.cli.Failure;
import org.tcplab.gen.scenario.Exchange;
import org.tcplab.gen.scenario.IcmpEcho;
import org.tcplab.gen.scenario.PortScan;
import org.tcplab.gen.scenario.Scenario;
import org.tcplab.gen.scenario.Segment;
import org.tcplab.gen.scenario.UdpLossy;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options some scenarios have of their own, added to their commands at start-up. */
final class ScenarioOptions {
    private ScenarioOptions() {
    }

    static CommandLine command(Scenario s) {
        CommandSpec spec;
        CommandLine cl;
        switch (s.name()) {
            case "exchange" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> new Exchange(c.option("--text")));
                cl = new CommandLine(cmd);
                add(cl, "--text", "\"20215120807 lyh\"", "what each side sends (an id and a name)");
            }
            case "segment" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> new Segment(Integer.parseInt(c.option("--bytes"))));
                cl = new CommandLine(cmd);
                add(cl, "--bytes", "2950", "bytes in the one write (more than twice the MSS)");
            }
            case "udp-lossy" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> new UdpLossy(Double.parseDouble(c.option("--drop")),
                        Long.parseLong(c.option("--seed")), Integer.parseInt(c.option("--requests"))));
                cl = new CommandLine(cmd);
                add(cl, "--drop", "0.5", "probability that the server drops a request");
                add(cl, "--seed", "7", "seed of the drops, so that a run repeats");
                add(cl, "--requests", "4", "requests to send");
            }
            case "portscan" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> {
                    String[] r = c.option("--ports").split("-");
                    int first = Integer.parseInt(r[0]);
                    int last = r.length > 1 ? Integer.parseInt(r[1]) : first;
                    if (first < 1 || last > 65535 || last < first) {
                        throw new Failure(ExitCodes.USAGE, "--ports takes FIRST-LAST within 1-65535");
                    }
                    c.port = first;
                    return new PortScan(last - first + 1, new int[0], Integer.parseInt(c.option("--concurrency")),
                            Integer.parseInt(c.option("--timeout-ms")));
                });
                cl = new CommandLine(cmd);
                add(cl, "--ports", "1-1024", "range to scan, FIRST-LAST");
                add(cl, "--concurrency", "64", "connections tried at once");
                add(cl, "--timeout-ms", "500", "no answer within this time: filtered");
            }
            case "icmp-echo" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> new IcmpEcho(Integer.parseInt(c.option("--count")), 0x4242,
                        c.option("--interface")));
                cl = new CommandLine(cmd);
                add(cl, "--count", "3", "echo requests to send");
                add(cl, "--interface", "lo", "interface to inject on and capture from");
            }
            default -> cl = new CommandLine(new ScenarioCommand(s));
        }
        spec = cl.getCommandSpec();
        spec.usageMessage().description(s.description());
        spec.mixinStandardHelpOptions(true);
        return cl;
    }

    private static void add(CommandLine cl, String name, String defaultValue, String description) {
        cl.getCommandSpec().addOption(OptionSpec.builder(name).paramLabel(name.substring(2).toUpperCase())
                .type(String.class).defaultValue(defaultValue.replace("\"", "")).description(description + " (default "
                        + defaultValue + ")").build());
    }

    static List<String> names() {
        return List.of("exchange", "segment", "udp-lossy", "portscan", "icmp-echo");
    }
}
