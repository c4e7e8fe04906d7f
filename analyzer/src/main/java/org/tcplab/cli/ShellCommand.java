package org.tcplab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Inputs;
import org.tcplab.command.Io;
import org.tcplab.console.CommandTree;
import org.tcplab.console.Shell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "shell", header = "An interactive console: open a capture and ask about it command by command, with Tab completion and history.",
        mixinStandardHelpOptions = true,
        description = {"Opens FILE (if given) and reads commands: info, conns, conv, packets [FILTER], goto N, show N, hex N,",
                "explain N, follow STREAM, ladder STREAM, report, check, filter EXPR, save FILE, capture start/stop, lab,",
                "help, quit. Tab completes commands, options, stream and frame numbers, filter fields, paths and interfaces.",
                "With -c or --script (or commands on standard input) it runs them and exits: the first failure's exit code."},
        footer = {"", "Examples:", "  analyzer shell samples/greeting.pcap", "  analyzer shell samples/greeting.pcap -c 'conns; explain 4'",
                "History is kept in ~/.tcplab_history (TCPLAB_HISTORY names another file); NO_COLOR turns colour off."})
public final class ShellCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "capture file to open (pcap or pcapng, optionally .gz)")
    String file;

    @Option(names = "-c", paramLabel = "COMMANDS", description = "run these commands (separated by ;) and exit")
    String commands;

    @Option(names = "--script", paramLabel = "SCRIPT", description = "run the commands in this file (one a line, # comments) and exit")
    Path script;

    @Override
    public Integer call() throws IOException {
        if (commands != null && script != null) {
            throw new Failure(ExitCodes.USAGE, "give the commands once: -c or --script, not both");
        }
        Io io = Io.current();
        CommandTree tree = new AnalyzerTree();
        if (file != null) {
            // a missing or unreadable file fails here, before any command is read from standard input
            Inputs.open(file).close();
        }
        if (commands != null) {
            return Shell.batch(tree, file, commands, io);
        }
        if (script != null) {
            String text;
            if (Files.isDirectory(script)) {
                throw new Failure(ExitCodes.USAGE, script + ": is a directory, not a script");
            }
            try {
                text = Files.readString(script, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new Failure(ExitCodes.NOT_FOUND, "no such file: " + script);
            }
            return Shell.batch(tree, file, text, io);
        }
        if (System.console() == null) {
            // not a terminal: the commands come on standard input, as a shell reads a script
            return Shell.batch(tree, file, new String(System.in.readAllBytes(), StandardCharsets.UTF_8), io);
        }
        Logger.getLogger("org.jline").setLevel(Level.OFF);
        try (Terminal terminal = systemTerminal()) {
            if (terminal instanceof org.jline.terminal.impl.DumbTerminal) {
                // JLine's dumb terminal (TERM=dumb, an Emacs shell) leaves SIGINT to the JVM, which
                // would end the console: hand it to the terminal, as a system terminal does
                sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> terminal.raise(Terminal.Signal.INT));
            }
            return Shell.interactive(tree, file, terminal, historyFile(), System.getenv(), io);
        }
    }

    /**
     * The terminal we run on, through JLine's JNI provider (its native library ships in the jar):
     * measured here it opens in 150 ms where the default search, which tries FFM and then runs
     * stty in a child process, takes 210. Any other provider when JNI cannot load.
     */
    private static Terminal systemTerminal() throws IOException {
        try {
            return TerminalBuilder.builder().system(true).name("tcplab").provider("jni").dumb(false).build();
        } catch (IOException | RuntimeException | LinkageError e) {
            return TerminalBuilder.builder().system(true).name("tcplab").build();
        }
    }

    /** ~/.tcplab_history, or the file TCPLAB_HISTORY names. */
    static Path historyFile() {
        String named = System.getenv("TCPLAB_HISTORY");
        if (named != null && !named.isEmpty()) {
            return Path.of(named);
        }
        return Path.of(System.getProperty("user.home"), ".tcplab_history");
    }
}
