package org.tcplab.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.gen.scenario.Scenario;
import org.tcplab.gen.scenario.Scenarios;
import picocli.CommandLine;

/**
 * The lab's scenario words, {@code SCENARIO [ITS OPTIONS] [SCENARIO [ITS OPTIONS]] ...}, made into
 * the scenarios to run and their ports. A scenario's options are the ones its own command takes
 * ({@link ScenarioOptions}), parsed by that command, so the lab and the command never disagree.
 */
final class ScenarioSelection {
    /** One scenario as the lab runs it. */
    record Selected(Scenario scenario, int port) {
    }

    /** The lab's own options, which belong before the first scenario. */
    private static final Set<String> LAB_OPTIONS = Set.of("--out", "--timestamps", "--inside");
    /** Where a scenario runs is the lab's choice: its own namespace's loopback. */
    private static final Set<String> ADDRESS_OPTIONS = Set.of("--host", "--allow-remote");

    private ScenarioSelection() {
    }

    /** The scenarios named in words (all of them, with the lab's defaults, when there are none). */
    static List<Selected> parse(List<String> words) {
        Map<String, Scenario> all = Scenarios.all();
        List<String> order = new ArrayList<>(all.keySet());
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<String> current = null;
        for (String w : words) {
            if (all.containsKey(w)) {
                if (groups.containsKey(w)) {
                    throw new Failure(ExitCodes.USAGE, w + " is named twice; its files would overwrite each other (run the lab"
                            + " again with another --out for a second run)");
                }
                current = new ArrayList<>();
                groups.put(w, current);
            } else if (current == null) {
                throw new Failure(ExitCodes.USAGE, "unknown scenario " + w + "; there are: " + String.join(", ", order));
            } else {
                current.add(w);
            }
        }
        if (groups.isEmpty()) {
            order.forEach(n -> groups.put(n, List.of()));
        }
        List<Selected> out = new ArrayList<>();
        groups.forEach((name, args) -> out.add(configure(all.get(name), args, LabCommand.portOf(order, name))));
        return out;
    }

    /** The lab's default of a scenario when it has no options, else what its command makes of them. */
    private static Selected configure(Scenario defaults, List<String> args, int labPort) {
        if (args.isEmpty()) {
            return new Selected(defaults, labPort);
        }
        String name = defaults.name();
        for (String a : args) {
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (LAB_OPTIONS.contains(option)) {
                throw new Failure(ExitCodes.USAGE, option + " is the lab's option: put it before the scenarios (lab --out DIR"
                        + " [--timestamps] SCENARIO [ITS OPTIONS] ...)");
            }
            if (ADDRESS_OPTIONS.contains(option)) {
                throw new Failure(ExitCodes.USAGE, name + ": " + option + " has no place in the lab: each scenario runs on the"
                        + " loopback of the lab's own namespace");
            }
        }
        CommandLine cl = ScenarioOptions.command(defaults);
        try {
            cl.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.UnmatchedArgumentException e) {
            String word = e.getUnmatched().isEmpty() ? String.join(" ", args) : e.getUnmatched().get(0);
            throw new Failure(ExitCodes.USAGE, "unknown scenario or option " + word + " after " + name + "; the scenarios: "
                    + String.join(", ", Scenarios.all().keySet()) + "; " + name + "'s options: bin/traffic-gen " + name
                    + " --help");
        } catch (CommandLine.ParameterException e) {
            throw new Failure(ExitCodes.USAGE, name + ": " + e.getMessage());
        }
        if (cl.isUsageHelpRequested() || cl.isVersionHelpRequested()) {
            throw new Failure(ExitCodes.USAGE, name + "'s options: bin/traffic-gen " + name + " --help");
        }
        ScenarioCommand cmd = cl.getCommand();
        return new Selected(cmd.configured(), cmd.portChosen() ? cmd.port : labPort);
    }
}
