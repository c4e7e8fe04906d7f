package org.tcplab.console;

import java.io.IOError;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlockingReader;
import org.tcplab.command.Cancellation;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Io;
import org.tcplab.words.Wording;

/**
 * The interactive console on a JLine terminal: line editing, history kept in a file across runs,
 * Tab completion, colour, a prompt naming the open file. Each command gets the terminal as its
 * output (paged a screen at a time) and a {@link Cancellation} that Ctrl-C triggers; Ctrl-C at
 * the prompt drops the line, Ctrl-D leaves. A background capture prints above the prompt.
 */
public final class Console {
    /** How many commands the history file keeps. */
    static final int HISTORY = 1000;

    private final Terminal terminal;
    private final Session session;
    private final Commands commands;
    private final LineReader reader;
    private final boolean colour;
    private final Wording words = Commands.words();

    Console(Terminal terminal, Session session, Path history, Map<String, String> env, CommandTree tree) {
        this.terminal = terminal;
        this.session = session;
        this.commands = new Commands(session, tree);
        this.colour = colourFor(terminal, env);
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("tcplab")
                .completer(new ConsoleCompleter(session, tree))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, HISTORY)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY)
                // '!' negates a display filter: it must not be taken for a history event
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .build();
        commands.backgroundIo(this::aboveThePrompt);
    }

    /** Colour when the terminal has colours and NO_COLOR is not set to a non-empty value (no-color.org). */
    static boolean colourFor(Terminal t, Map<String, String> env) {
        String no = env.get("NO_COLOR");
        if (no != null && !no.isEmpty()) {
            return false;
        }
        if (Terminal.TYPE_DUMB.equals(t.getType()) || Terminal.TYPE_DUMB_COLOR.equals(t.getType())) {
            return Terminal.TYPE_DUMB_COLOR.equals(t.getType());
        }
        Integer colours = t.getNumericCapability(InfoCmp.Capability.max_colors);
        return colours != null && colours >= 8;
    }

    /** Reads and runs commands until quit or Ctrl-D; the exit code is 0. */
    int loop() {
        PrintWriter w = terminal.writer();
        w.println(words.say("welcome"));
        if (session.file() != null) {
            w.println(words.say("opened", session.file(), session.packets(), session.tcpStreams(), session.udpStreams()));
        }
        w.flush();
        while (!commands.quitAsked()) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                if (session.capture() != null && e.getPartialLine().isEmpty()) {
                    w.println(words.say("capture.busy", session.capture().interfaceName()));
                    w.flush();
                }
                continue; // Ctrl-C drops the line, never the console
            } catch (EndOfFileException e) {
                break;
            } catch (IOError e) {
                break; // the terminal went away
            }
            for (Statement s : Statement.split(line)) {
                // Ctrl-C stops the line, not only its current command
                if (!runOne(s) || commands.quitAsked()) {
                    break;
                }
            }
        }
        if (session.capture() != null) {
            Cancellation none = new Cancellation();
            commands.run(Statement.of("capture stop"), foreground(none, null, none));
        }
        try {
            reader.getHistory().save();
        } catch (java.io.IOException e) {
            // history is a convenience: leaving the console must not fail over it
        }
        w.flush();
        return ExitCodes.OK;
    }

    /** Runs one command; false when Ctrl-C cancelled it. */
    private boolean runOne(Statement s) {
        Cancellation cancel = new Cancellation();
        ScreenOutput[] outs = new ScreenOutput[2];
        Io io = foreground(cancel, outs, Commands.runsUntilStopped(s) ? new Cancellation() : cancel);
        Terminal.SignalHandler before = terminal.handle(Terminal.Signal.INT, sig -> cancel.cancel());
        // A terminal whose line discipline is JLine's own (over ssh, a socket, a test's pipes)
        // sees Ctrl-C only while it reads keys: keep it reading while the command runs. A
        // system terminal gets SIGINT from the kernel and cannot pause.
        if (terminal.canPauseResume()) {
            terminal.resume();
        }
        int code;
        try {
            code = commands.run(s, io);
        } finally {
            terminal.handle(Terminal.Signal.INT, before);
        }
        try {
            outs[0].finish();
        } catch (Cancellation.Cancelled e) {
            // stopped at the pager
        }
        io.err().flush();
        outs[1].finish();
        boolean interrupted = (code == ExitCodes.CANCELLED || cancel.isCancelled()) && !Commands.runsUntilStopped(s);
        if (interrupted && !outs[0].quitAtPager()) {
            // the terminal has echoed ^C where the output stopped: say it on a line of its own
            terminal.writer().println();
            terminal.writer().println(words.say("cancelled"));
        }
        terminal.writer().flush();
        return !interrupted || outs[0].quitAtPager();
    }

    /**
     * The terminal as a command's output (paged when the terminal has a height; no pager for a
     * command that runs until stopped) and its error output. {@code outputCancel} ends the output
     * at its next line: the command's own cancel, or for a capture one that never comes.
     */
    private Io foreground(Cancellation cancel, ScreenOutput[] outs, Cancellation outputCancel) {
        PrintWriter w = terminal.writer();
        ScreenOutput.Pager pager = terminal.getHeight() > 2 && outputCancel == cancel ? new Pager() : null;
        ScreenOutput out = new ScreenOutput(line -> {
            w.println(line);
            w.flush();
        }, colour, pager, outputCancel);
        ScreenOutput err = new ScreenOutput(line -> {
            // errors in red; what else a command says on stderr (counts, a capture's banner) as it is
            w.println(colour && line.startsWith("analyzer: ") ? "\u001b[31m" + line + "\u001b[0m" : line);
            w.flush();
        }, false, null, new Cancellation());
        if (outs != null) {
            outs[0] = out;
            outs[1] = err;
        }
        return Io.of(out, new PrintStream(err, true, StandardCharsets.UTF_8), cancel);
    }

    /** A background command's output: each line printed above the prompt, which is redrawn under it. */
    private Io aboveThePrompt(Cancellation cancel) {
        ScreenOutput out = new ScreenOutput(reader::printAbove, colour, null, new Cancellation());
        ScreenOutput err = new ScreenOutput(reader::printAbove, false, null, new Cancellation());
        return Io.background(out, new PrintStream(err, true, StandardCharsets.UTF_8), cancel);
    }

    private String prompt() {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (session.file() == null) {
            sb.append("tcplab");
        } else {
            String name = Path.of(session.file()).getFileName().toString();
            sb.style(colour ? AttributedStyle.BOLD : AttributedStyle.DEFAULT).append(name).style(AttributedStyle.DEFAULT);
            sb.append(" (").append(Long.toString(session.packets())).append(session.packets() == 1 ? " packet)" : " packets)");
        }
        if (session.filter() != null) {
            sb.append(" [").append(session.filter()).append(']');
        }
        if (session.capture() != null) {
            sb.style(colour ? AttributedStyle.DEFAULT.foreground(AttributedStyle.RED) : AttributedStyle.DEFAULT)
                    .append(" ● ").append(session.capture().interfaceName()).style(AttributedStyle.DEFAULT);
        }
        sb.append("> ");
        return colour ? sb.toAnsi(terminal) : sb.toString();
    }

    /** At the bottom of a screen: space shows the next page, Enter one line, q (or Ctrl-C) stops. */
    private final class Pager implements ScreenOutput.Pager {
        @Override
        public int rows() {
            return terminal.getHeight();
        }

        @Override
        public int columns() {
            return terminal.getWidth();
        }

        @Override
        public int more(Cancellation cancel) {
            PrintWriter w = terminal.writer();
            String ask = words.say("more");
            w.print(colour ? "\u001b[7m" + ask + "\u001b[0m" : ask);
            w.flush();
            Attributes saved = terminal.enterRawMode();
            try {
                NonBlockingReader in = terminal.reader();
                while (true) {
                    int c = in.read(100);
                    if (cancel.isCancelled()) {
                        return 0;
                    }
                    if (c == NonBlockingReader.READ_EXPIRED) {
                        continue;
                    }
                    if (c < 0 || c == 'q' || c == 'Q' || c == 3) {
                        return 0;
                    }
                    if (c == '\r' || c == '\n') {
                        return 1;
                    }
                    return Math.max(1, terminal.getHeight() - 1);
                }
            } catch (java.io.IOException e) {
                return 0;
            } finally {
                terminal.setAttributes(saved);
                w.print("\r\u001b[K");
                w.flush();
            }
        }
    }

    /** Runs commands from text (-c, --script, standard input) with the process's streams; the first failure's exit code. */
    static int batch(Session session, String text, Io io, CommandTree tree) {
        Commands c = new Commands(session, tree);
        int first = ExitCodes.OK;
        for (Statement s : Statement.split(text)) {
            int r = c.run(s, io);
            if (r != ExitCodes.OK && first == ExitCodes.OK) {
                first = r;
            }
            if (c.quitAsked()) {
                break;
            }
        }
        return first;
    }

}
