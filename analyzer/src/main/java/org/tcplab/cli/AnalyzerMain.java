package org.tcplab.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.tcplab.command.Cancellation;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Io;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "analyzer", mixinStandardHelpOptions = true, version = "analyzer 0.1.0",
        description = "Annotate captured TCP/UDP/ICMP traffic packet by packet.")
public final class AnalyzerMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(Io.current().printer());
    }

    public static void main(String[] args) {
        if (args.length == 0 && System.console() != null) {
            args = new String[] {"shell"}; // on a terminal, no arguments opens the console
        }
        args = ReadFileOption.dropped(args);
        ConnsCommand conns = ConnsCommand.plainArguments(args);
        if (conns != null) {
            System.exit(run("analyzer", conns));
        }
        System.exit(execute("analyzer", commandLine(args.length > 0 ? args[0] : null), args));
    }

    /**
     * Runs a command whose arguments were already read, with the same one-line errors as
     * {@link #execute}: for {@code conns} with plain arguments, where building picocli's model of
     * the commands (by reflection, interpreted: run once per process) was a tenth of the run.
     */
    static int run(String name, java.util.concurrent.Callable<Integer> command) {
        try {
            return command.call();
        } catch (Exception e) {
            return failed(name, e);
        } catch (Error e) {
            return fatal(name, e);
        }
    }

    /** The subcommands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("read", ReadCommand::new);
        COMMANDS.put("info", InfoCommand::new);
        COMMANDS.put("conv", ConvCommand::new);
        COMMANDS.put("conns", ConnsCommand::new);
        COMMANDS.put("follow", FollowCommand::new);
        COMMANDS.put("explain", ExplainCommand::new);
        COMMANDS.put("ladder", LadderCommand::new);
        COMMANDS.put("report", ReportCommand::new);
        COMMANDS.put("check", CheckCommand::new);
        COMMANDS.put("annotate", AnnotateCommand::new);
        COMMANDS.put("capture", CaptureCommand::new);
        COMMANDS.put("interfaces", InterfacesCommand::new);
        COMMANDS.put("shell", ShellCommand::new);
    }

    /**
     * The command tree. Only the subcommand named on the command line is built when there is one:
     * picocli reads each command's annotations by reflection, and building all of them would cost
     * a tenth of a second of start-up on every run.
     */
    public static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new AnalyzerMain());
        Supplier<Object> only = first == null ? null : COMMANDS.get(first);
        if (only != null) {
            cl.addSubcommand(first, only.get());
        } else {
            COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
            // 'analyzer help read', as git and tshark users type it: the command's --help
            cl.addSubcommand("help", new CommandLine.HelpCommand());
        }
        return cl;
    }

    /** The one-line message for an Error that escapes a command (never a stack trace). */
    static int fatal(String name, Throwable t) {
        if (t instanceof OutOfMemoryError) {
            Io.current().err().println(name + ": out of memory (" + t.getMessage() + "); give the JVM more heap, e.g. TCPLAB_JAVA_OPTS=-Xmx2g");
        } else {
            Io.current().err().println(name + ": internal error: " + t + " (set TCPLAB_DEBUG=1 for the stack trace)");
            if (System.getenv("TCPLAB_DEBUG") != null) {
                t.printStackTrace(Io.current().err());
            }
        }
        return ExitCodes.INTERNAL;
    }

    /** Runs a picocli command with one-line errors: the shared base of both launchers. */
    public static int execute(String name, Object command, String... args) {
        return execute(name, new CommandLine(command), args);
    }

    /** The same for a command line built by the caller (with subcommands added at run time). */
    public static int execute(String name, CommandLine cl, String... args) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // --help and --version print to the command's Io too: the console's terminal, with its pager
        Io io = Io.current();
        cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(io.out(), java.nio.charset.StandardCharsets.UTF_8), true));
        cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(io.err(), java.nio.charset.StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((e, line, parsed) -> failed(name, e));
        cl.setParameterExceptionHandler((e, a) -> {
            // one line: what is wrong, and where the help is
            String sub = e.getCommandLine().getCommandName().equals(name) ? "" : e.getCommandLine().getCommandName() + " ";
            Io.current().err().println(name + ": " + e.getMessage().replace('\n', ' ').strip() + " (see '" + name + " " + sub + "--help')");
            return ExitCodes.USAGE;
        });
        try {
            return cl.execute(args);
        } catch (Error e) {
            return fatal(name, e);
        }
    }

    /** The exit code and one-line message for what a command threw. */
    private static int failed(String name, Throwable t) {
        if (t instanceof java.io.UncheckedIOException u) {
            t = u.getCause(); // writing failed inside a callback that may not throw IOException
        }
        if (t instanceof Failure f) {
            Io.current().err().println(name + ": " + f.getMessage());
            return f.exitCode();
        }
        if (t instanceof Cancellation.Cancelled) {
            return ExitCodes.CANCELLED;
        }
        if (isBrokenPipe(t)) {
            return ExitCodes.OK; // the reader of our output went away (| head)
        }
        if (t instanceof IOException) {
            Io.current().err().println(name + ": " + t.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        return fatal(name, t);
    }

    private static boolean isBrokenPipe(Throwable t) {
        return t instanceof IOException && t.getMessage() != null && t.getMessage().contains("Broken pipe");
    }
}
