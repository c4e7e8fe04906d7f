package org.tcplab.console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tcplab.command.Cancellation;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Filters;
import org.tcplab.command.Io;
import org.tcplab.live.Privileges;
import org.tcplab.words.Wording;

/**
 * The console's commands. Most are the CLI's commands with the open file (and the standing
 * filter) filled in: {@code packets} is {@code read FILE -Y FILTER}, {@code show N} is
 * {@code read FILE -Y frame.number == N -V}, {@code conns} is {@code conns FILE}; each runs through
 * the one command tree ({@link CommandTree}), so no command exists twice and every error is the
 * CLI's one line. The rest only the console has: open, filter, goto, capture start/stop, lab,
 * help, quit. A CLI command typed by its own name runs as it is ({@code read other.pcap -c 3}).
 */
final class Commands {
    static final String BUNDLE = "org.tcplab.console.Console";

    /** The console's own verbs, in the order help lists them. */
    static final List<String> VERBS = List.of("open", "info", "conns", "conv", "packets", "goto", "show", "hex", "explain",
            "follow", "ladder", "report", "check", "filter", "save", "capture", "lab", "interfaces", "help", "quit");

    /** The CLI commands a verb runs, for completing its options. */
    static final Map<String, String> RUNS = new LinkedHashMap<>();

    static {
        RUNS.put("info", "info");
        RUNS.put("conns", "conns");
        RUNS.put("conv", "conv");
        RUNS.put("packets", "read");
        RUNS.put("show", "read");
        RUNS.put("hex", "read");
        RUNS.put("goto", "read");
        RUNS.put("explain", "explain");
        RUNS.put("follow", "follow");
        RUNS.put("ladder", "ladder");
        RUNS.put("report", "report");
        RUNS.put("check", "check");
        RUNS.put("save", "read");
        RUNS.put("capture", "capture");
        RUNS.put("interfaces", "interfaces");
    }

    /** The CLI's command names (read, conns, ...), runnable as they are. */
    static final List<String> CLI = List.of("read", "info", "conv", "conns", "follow", "explain", "ladder", "report", "check",
            "annotate", "capture", "interfaces");

    private final Session session;
    private final CommandTree tree;
    private final Wording words = words();
    /** Set by the interactive console: a background capture prints above the prompt through it. */
    private java.util.function.Function<Cancellation, Io> backgroundIo;
    private boolean quit;

    /** The console's words in the language LANG asks for (en or zh), as the reports choose theirs. */
    static Wording words() {
        return Wording.of(BUNDLE, java.util.Locale.forLanguageTag(org.tcplab.words.Languages.ofEnvironment()));
    }

    Commands(Session session, CommandTree tree) {
        this.session = session;
        this.tree = tree;
    }

    void backgroundIo(java.util.function.Function<Cancellation, Io> f) {
        backgroundIo = f;
    }

    boolean quitAsked() {
        return quit;
    }

    /**
     * A command that runs until Ctrl-C stops it (a foreground capture): its output must not end
     * with the cancel, so what it drains after the stop and its counts still print.
     */
    static boolean runsUntilStopped(Statement s) {
        return s.verb().equals("capture") && s.words().size() > 1 && s.words().get(1).startsWith("-");
    }

    /** Runs one command; its output and its one-line error go to {@code io}. Returns its exit code. */
    int run(Statement s, Io io) {
        try {
            if (s.words().contains("-")) {
                // the console's standard input is its keyboard and its output its terminal: a capture
                // can come from neither, nor go to them (save -, read F -w -)
                throw new Failure(ExitCodes.USAGE, "'-' (standard input or output) is the console's keyboard and screen here: name a capture file");
            }
            return dispatch(s, io);
        } catch (Failure f) {
            if (f.getMessage() != null) {
                io.err().println("analyzer: " + f.getMessage());
            }
            return f.exitCode();
        } catch (Cancellation.Cancelled c) {
            return ExitCodes.CANCELLED;
        } catch (IOException e) {
            io.err().println("analyzer: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (java.nio.file.InvalidPathException e) {
            io.err().println("analyzer: not a path: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            // one line, as the CLI's internal errors; the console goes on
            io.err().println("analyzer: internal error: " + e + " (set TCPLAB_DEBUG=1 for the stack trace)");
            if (System.getenv("TCPLAB_DEBUG") != null) {
                e.printStackTrace(io.err());
            }
            return ExitCodes.INTERNAL;
        }
    }

    private int dispatch(Statement s, Io io) throws IOException {
        String verb = s.verb();
        List<String> args = s.words().subList(1, s.words().size());
        switch (verb) {
            case "quit", "exit" -> {
                quit = true;
                return ExitCodes.OK;
            }
            case "help", "?" -> {
                return help(args, io);
            }
            case "open" -> {
                return open(args, io);
            }
            case "filter" -> {
                return filter(s, io);
            }
            case "info", "conv" -> {
                return cli(io, with(verb, session.requireFile(), filtered(verb), args));
            }
            case "conns" -> {
                return cli(io, with("conns", session.requireFile(), filtered("conns"), args));
            }
            case "packets" -> {
                return packets(s, io);
            }
            case "goto" -> {
                atMost(args, 1, "goto N");
                long n = frame(args, "goto");
                int r = cli(io, List.of("read", session.requireFile(), "-Y", "frame.number == " + n));
                if (r == ExitCodes.OK) {
                    session.current(n);
                }
                return r;
            }
            case "show" -> {
                atMost(args, 1, "show [N]");
                return cli(io, List.of("read", session.requireFile(), "-Y", "frame.number == " + frame(args, "show"), "-V"));
            }
            case "hex" -> {
                atMost(args, 1, "hex [N]");
                return cli(io, List.of("read", session.requireFile(), "-Y", "frame.number == " + frame(args, "hex"), "-x"));
            }
            case "explain" -> {
                List<String> a = new ArrayList<>(List.of("explain", session.requireFile(), Long.toString(frame(firstOnly(args), "explain"))));
                a.addAll(args.isEmpty() || args.get(0).startsWith("-") ? args : args.subList(1, args.size()));
                return cli(io, a);
            }
            case "follow" -> {
                return follow(args, io);
            }
            case "ladder" -> {
                return cli(io, streamFirst("ladder", args, true));
            }
            case "report" -> {
                return cli(io, streamFirst("report", args, false));
            }
            case "check" -> {
                if (args.isEmpty()) {
                    throw new Failure(ExitCodes.USAGE, "check ANSWERS.csv: name the answer sheet (or 'check --template')");
                }
                List<String> a = new ArrayList<>(List.of("check", session.requireFile()));
                if (!args.get(0).startsWith("-")) {
                    a.add("--answers");
                }
                a.addAll(args);
                return cli(io, a);
            }
            case "save" -> {
                return save(s, io);
            }
            case "capture" -> {
                return capture(args, io);
            }
            case "lab" -> {
                return lab(args, io);
            }
            default -> {
                if (CLI.contains(verb)) {
                    return cli(io, s.words());
                }
                String close = closest(verb);
                throw new Failure(ExitCodes.USAGE, "unknown command '" + verb + "'" + (close == null ? "" : "; did you mean " + close + "?")
                        + " (type 'help')");
            }
        }
    }

    private int cli(Io io, List<String> argv) {
        return cli(tree, io, argv);
    }

    /** Runs a CLI command through the one command tree, writing to {@code io}. */
    static int cli(CommandTree tree, Io io, List<String> argv) {
        try {
            return Io.with(io, () -> tree.execute(argv));
        } catch (Exception e) {
            io.err().println("analyzer: " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }

    /** A usage error for words beyond what a command takes (they would be ignored, silently). */
    private static void atMost(List<String> args, int n, String usage) {
        if (args.size() > n) {
            throw new Failure(ExitCodes.USAGE, usage + ": unexpected '" + String.join(" ", args.subList(n, args.size())) + "'");
        }
    }

    private List<String> with(String command, String file, List<String> filter, List<String> rest) {
        List<String> a = new ArrayList<>();
        a.add(command);
        a.add(file);
        a.addAll(filter);
        a.addAll(rest);
        return a;
    }

    /** The standing filter as -Y for the commands that take one (info does not). */
    private List<String> filtered(String command) {
        if (session.filter() == null || command.equals("info")) {
            return List.of();
        }
        return List.of("-Y", session.filter());
    }

    private int open(List<String> args, Io io) throws IOException {
        return open(args, io, io.cancel());
    }

    private int open(List<String> args, Io io, Cancellation cancel) throws IOException {
        if (args.size() != 1) {
            throw new Failure(ExitCodes.USAGE, "open FILE: name one capture file");
        }
        session.open(args.get(0), cancel);
        say(io, "opened", session.file(), session.packets(), session.tcpStreams(), session.udpStreams());
        if (session.damage() != null) {
            io.err().println("analyzer: " + session.file() + ": " + session.damage() + " (the packets before it are open)");
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.OK;
    }

    private int filter(Statement s, Io io) {
        String expr = s.rest(0, Set.of());
        if (expr.isEmpty()) {
            say(io, session.filter() == null ? "filter.none" : "filter.is", session.filter());
            return ExitCodes.OK;
        }
        if (expr.equals("off") || expr.equals("none") || expr.equals("clear")) {
            session.filter(null);
            say(io, "filter.off");
            return ExitCodes.OK;
        }
        Filters.compile(expr); // the CLI's one-line error, pointing at the column
        session.filter(expr);
        say(io, "filter.is", expr);
        return ExitCodes.OK;
    }

    /** packets [FILTER] [-n N] [-V] [-x] [-A]: read with the standing filter and this one. */
    private int packets(Statement s, Io io) {
        String file = session.requireFile();
        List<String> w = s.words();
        List<String> a = new ArrayList<>(List.of("read", file));
        Set<Integer> options = new HashSet<>();
        for (int i = 1; i < w.size(); i++) {
            String x = w.get(i);
            if ((x.equals("-n") || x.equals("-c")) && i + 1 >= w.size()) {
                throw new Failure(ExitCodes.USAGE, "packets " + x + " N: how many packets to show (a whole number of at least 1)");
            }
            if ((x.equals("-n") || x.equals("-c")) && i + 1 < w.size()) {
                a.add("-c");
                a.add(w.get(i + 1));
                options.add(i);
                options.add(i + 1);
                i++;
            } else if (Set.of("-V", "-x", "-A", "--checksums", "--basic").contains(x)) {
                a.add(x);
                options.add(i);
            } else if (x.length() > 1 && x.charAt(0) == '-' && !Character.isDigit(x.charAt(1)) && x.charAt(1) != '.') {
                throw new Failure(ExitCodes.USAGE, "packets: unknown option " + x + " (it takes a filter and -n N, -V, -x, -A,"
                        + " --checksums, --basic; other read options: 'read FILE ...')");
            }
        }
        String f = session.combined(s.rest(0, options));
        if (f != null) {
            a.add("-Y");
            a.add(f);
        }
        return cli(io, a);
    }

    private int save(Statement s, Io io) throws IOException {
        List<String> w = s.words();
        if (w.size() < 2) {
            throw new Failure(ExitCodes.USAGE, "save FILE [FILTER]: name the file to write (.pcapng or .pcap)");
        }
        Path target = Path.of(w.get(1));
        if (Files.exists(target) && Files.isSameFile(target, Path.of(session.requireFile()))) {
            throw new Failure(ExitCodes.USAGE, "save " + w.get(1) + ": that is the open capture; save to another file");
        }
        List<String> a = new ArrayList<>(List.of("read", session.requireFile(), "-w", w.get(1)));
        String f = session.combined(s.rest(1, Set.of()));
        if (f != null) {
            a.add("-Y");
            a.add(f);
        }
        return cli(io, a);
    }

    private int follow(List<String> args, Io io) {
        List<String> a = streamFirst("follow", args, true);
        int hex = a.indexOf("--hex");
        if (hex >= 0) {
            a.set(hex, "--format=hex");
        }
        return cli(io, a);
    }

    /** Options of follow, ladder and report that take a value: their value is not the stream. */
    private static final Set<String> VALUED = Set.of("--format", "--lang", "-o", "--output", "--stream");

    /** COMMAND FILE --stream N REST, where N is the first bare number among the arguments ('follow --udp 0'). */
    private List<String> streamFirst(String command, List<String> args, boolean required) {
        List<String> a = new ArrayList<>(List.of(command, session.requireFile()));
        List<String> rest = new ArrayList<>(args);
        for (int i = 0; i < rest.size(); i++) {
            String x = rest.get(i);
            if (VALUED.contains(x)) {
                i++;
            } else if (!x.startsWith("-")) {
                a.add("--stream");
                a.add(x); // a word that is not a number: --stream's own one-line error names it
                rest.remove(i);
                a.addAll(rest);
                return a;
            }
        }
        if (required && !args.contains("--stream")) {
            int n = command.equals("follow") && args.contains("--udp") ? session.udpStreams() : session.tcpStreams();
            throw new Failure(ExitCodes.USAGE, command + " STREAM: name the stream" + (n == 0 ? " (this capture has none)"
                    : n == 1 ? " (this capture has stream 0)" : " (this capture has streams 0 to " + (n - 1) + ")"));
        }
        a.addAll(rest);
        return a;
    }

    private static List<String> firstOnly(List<String> args) {
        return args.isEmpty() || args.get(0).startsWith("-") ? List.of() : args.subList(0, 1);
    }

    /** The frame a command names, or the current one (the last 'goto'). */
    private long frame(List<String> args, String command) {
        session.requireFile();
        if (args.isEmpty()) {
            if (session.current() == 0) {
                throw new Failure(ExitCodes.USAGE, command + " N: the capture has no packets");
            }
            return session.current();
        }
        try {
            long n = Long.parseLong(args.get(0));
            if (n >= 1 && n <= session.packets()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Failure(ExitCodes.USAGE, command + " " + args.get(0) + ": not a frame of " + session.file() + " (it has "
                + (session.packets() == 0 ? "none" : "frames 1 to " + session.packets()) + ")");
    }

    private int capture(List<String> args, Io io) throws IOException {
        String sub = args.isEmpty() ? "" : args.get(0);
        BackgroundCapture running = session.capture();
        switch (sub) {
            case "start" -> {
                if (running != null) {
                    throw new Failure(ExitCodes.USAGE, "a capture is already running on " + running.interfaceName() + ": 'capture stop' first");
                }
                if (backgroundIo == null) {
                    throw new Failure(ExitCodes.USAGE, "capture start runs in the interactive console; here use: analyzer capture -i IFACE -w FILE");
                }
                session.capture(BackgroundCapture.start(args.subList(1, args.size()), backgroundIo, tree));
                return ExitCodes.OK;
            }
            case "stop" -> {
                if (running == null) {
                    throw new Failure(ExitCodes.USAGE, "no capture is running ('capture start -i IFACE [FILTER]')");
                }
                session.capture(null);
                int r = running.stop();
                if (Files.exists(running.file())) {
                    return open(List.of(running.file().toString()), io);
                }
                return r == ExitCodes.OK ? ExitCodes.BAD_INPUT : r;
            }
            case "status", "" -> {
                if (running == null) {
                    say(io, "capture.none");
                } else {
                    say(io, "capture.running", running.interfaceName(), running.file());
                }
                return ExitCodes.OK;
            }
            default -> {
                if (sub.startsWith("-")) {
                    // the CLI's capture in the foreground, printing as it captures, until Ctrl-C
                    List<String> a = new ArrayList<>(List.of("capture"));
                    a.addAll(args);
                    int r = cli(io, a);
                    int w = args.indexOf("-w");
                    if (r == ExitCodes.OK && w >= 0 && w + 1 < args.size() && Files.exists(Path.of(args.get(w + 1)))) {
                        // what was written becomes the open capture (the Ctrl-C that stopped it is spent)
                        return open(List.of(args.get(w + 1)), io, new Cancellation());
                    }
                    return r;
                }
                throw new Failure(ExitCodes.USAGE, "capture " + sub + ": expected start -i IFACE [FILTER], stop, status,"
                        + " or the CLI's options (capture -i IFACE ..., in the foreground until Ctrl-C)");
            }
        }
    }

    /** lab SCENARIO [--out DIR]: traffic-gen's lab (a private namespace, as root), then its capture opened. */
    private int lab(List<String> args, Io io) throws IOException {
        if (args.isEmpty()) {
            throw new Failure(ExitCodes.USAGE, "lab SCENARIO: name a scenario (e.g. greeting, segment, rst-refused; see 'bin/traffic-gen lab --help')");
        }
        if (!Privileges.isRoot()) {
            throw new Failure(ExitCodes.NO_PERMISSION, "lab needs root: it makes a private network namespace to run the scenario in"
                    + " (start the console with sudo)");
        }
        List<String> rest = new ArrayList<>(args);
        Path out;
        int o = rest.indexOf("--out");
        if (o >= 0 && o + 1 < rest.size()) {
            out = Path.of(rest.get(o + 1));
            rest.subList(o, o + 2).clear();
        } else {
            out = Files.createTempDirectory("tcplab-lab-");
        }
        if (rest.size() != 1) {
            throw new Failure(ExitCodes.USAGE, "lab SCENARIO [--out DIR]: one scenario at a time");
        }
        int r = LabRun.run(rest.get(0), out, io);
        Path pcap = out.resolve(rest.get(0) + ".pcap");
        if (r == ExitCodes.OK && Files.exists(pcap)) {
            return open(List.of(pcap.toString()), io);
        }
        return r;
    }

    private int help(List<String> args, Io io) {
        PrintStream p = io.printer();
        if (args.isEmpty()) {
            p.println(words.say("help.head"));
            for (String v : VERBS) {
                p.printf("  %-40s %s%n", words.say("usage." + v), words.say("help." + v));
            }
            p.println(words.say("help.tail"));
            p.flush();
            return ExitCodes.OK;
        }
        String v = args.get(0);
        if (VERBS.contains(v)) {
            p.println(words.say("usage." + v));
            p.println("  " + words.say("help." + v));
            if (words.has("more." + v)) {
                p.println("  " + words.say("more." + v));
            }
            p.flush();
            String runs = RUNS.get(v);
            if (runs != null) {
                p.println(words.say("help.runs", runs));
                p.flush();
                return cli(io, List.of(runs, "--help"));
            }
            return ExitCodes.OK;
        }
        if (CLI.contains(v)) {
            return cli(io, List.of(v, "--help"));
        }
        throw new Failure(ExitCodes.USAGE, "help " + v + ": no such command" + (closest(v) == null ? "" : "; did you mean " + closest(v) + "?"));
    }

    private void say(Io io, String key, Object... args) {
        PrintStream p = io.printer();
        p.println(words.say(key, args));
        p.flush();
    }

    /** The command closest to a mistyped one (at most 2 edits), or null. */
    static String closest(String typed) {
        return org.tcplab.words.Spelling.closest(typed, allNames(), 3);
    }

    static List<String> allNames() {
        List<String> all = new ArrayList<>(VERBS);
        for (String c : CLI) {
            if (!all.contains(c)) {
                all.add(c);
            }
        }
        return all;
    }
}
