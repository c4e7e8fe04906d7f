package org.tcplab.cli;

import java.util.List;
import org.tcplab.console.CommandTree;
import picocli.CommandLine;

/** The analyzer's command tree handed to the console: each command line run as the one-shot CLI runs it. */
public final class AnalyzerTree implements CommandTree {
    @Override
    public int execute(List<String> argv) {
        return AnalyzerMain.execute("analyzer", AnalyzerMain.commandLine(argv.get(0)), argv.toArray(new String[0]));
    }

    @Override
    public CommandLine command(String name) {
        return AnalyzerMain.commandLine(name).getSubcommands().get(name);
    }
}
