package org.tcplab.gen;

import org.tcplab.cli.AnalyzerMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "traffic-gen", mixinStandardHelpOptions = true, version = "traffic-gen 0.1.0",
        description = "Generate TCP/UDP/ICMP traffic and captures.",
        subcommands = {SynthCommand.class, LabCommand.class, GreetingServerCommand.class,
                GreetingClientCommand.class, ChatServerCommand.class, ChatClientCommand.class})
public final class TrafficGenMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(AnalyzerMain.execute("traffic-gen", commandLine(), args));
    }

    /** The command tree: the commands above, and every lab scenario as a command of its own. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TrafficGenMain());
        // everything after the lab's first scenario word is scenarios and their own options
        cl.getSubcommands().get("lab").setStopAtPositional(true);
        for (var s : org.tcplab.gen.scenario.Scenarios.all().values()) {
            cl.addSubcommand(s.name(), ScenarioOptions.command(s));
        }
        return cl;
    }
}
