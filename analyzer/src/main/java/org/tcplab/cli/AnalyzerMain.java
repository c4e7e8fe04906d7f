package org.tcplab.cli;

import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "analyzer", mixinStandardHelpOptions = true, version = "analyzer 0.1.0",
        description = "Annotate captured TCP/UDP/ICMP traffic packet by packet.",
        subcommands = {ReadCommand.class, ConvCommand.class, ConnsCommand.class, CaptureCommand.class, InterfacesCommand.class})
public final class AnalyzerMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute("analyzer", new AnalyzerMain(), args));
    }

    /** The one-line message for an Error that escapes a command (never a stack trace). */
    static int fatal(String name, Throwable t) {
        if (t instanceof OutOfMemoryError) {
            System.err.println(name + ": out of memory (" + t.getMessage() + "); give the JVM more heap, e.g. TCPLAB_JAVA_OPTS=-Xmx2g");
        } else {
            System.err.println(name + ": internal error: " + t + " (set TCPLAB_DEBUG=1 for the stack trace)");
            if (System.getenv("TCPLAB_DEBUG") != null) {
                t.printStackTrace();
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
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            Throwable t = e;
            if (t instanceof Failure f) {
                System.err.println(name + ": " + f.getMessage());
                return f.exitCode();
            }
            if (isBrokenPipe(t)) {
                return ExitCodes.OK; // the reader of our output went away (| head)
            }
            if (t instanceof IOException) {
                System.err.println(name + ": " + t.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            return fatal(name, t);
        });
        cl.setParameterExceptionHandler((e, a) -> {
            System.err.println(name + ": " + e.getMessage());
            System.err.println("Try '" + name + " " + (e.getCommandLine().getCommandName().equals(name) ? "" : e.getCommandLine().getCommandName() + " ") + "--help' for more information.");
            return ExitCodes.USAGE;
        });
        try {
            return cl.execute(args);
        } catch (Error e) {
            return fatal(name, e);
        }
    }

    private static boolean isBrokenPipe(Throwable t) {
        return t instanceof IOException && t.getMessage() != null && t.getMessage().contains("Broken pipe");
    }
}
