package org.tcplab.console;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.tcplab.model.Field;
import org.tcplab.model.Fields;
import picocli.CommandLine;

/**
 * Tab completion: the commands; after one, what it takes there: a stream number (follow, ladder,
 * report), a frame number (goto, show, hex, explain), a display-filter field (packets, filter,
 * save after its file), a file path (open, check, save, report -o), an interface (capture -i),
 * and the options of the CLI command a verb runs, read from that command's own definition.
 */
final class ConsoleCompleter implements Completer {
    private static final int MAX_NUMBERS = 200;
    private final Session session;
    private final CommandTree tree;
    private final Completer files = new Completers.FileNameCompleter();
    private List<String> fieldNames;

    ConsoleCompleter(Session session, CommandTree tree) {
        this.session = session;
        this.tree = tree;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        // only the command the cursor is in: 'info; fol<Tab>' completes 'fol' as a command
        List<String> all = line.words();
        int start = 0;
        for (int i = 0; i < line.wordIndex(); i++) {
            if (all.get(i).endsWith(";")) {
                start = i + 1;
            }
        }
        List<String> words = all.subList(start, all.size());
        int at = line.wordIndex() - start;
        if (at == 0) {
            for (String v : Commands.allNames()) {
                out.add(new Candidate(v));
            }
            return;
        }
        String verb = words.get(0);
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        String previous = words.get(at - 1);
        if (previous.equals("-o") || previous.equals("--output") || previous.equals("-w") || previous.equals("--answers")
                || previous.equals("--script")) {
            files.complete(reader, line, out);
            return;
        }
        if (previous.equals("-i") || previous.equals("--interface")) {
            for (String i : interfaces()) {
                out.add(new Candidate(i));
            }
            return;
        }
        if (word.startsWith("-")) {
            options(verb, out);
            return;
        }
        switch (verb) {
            case "open", "check" -> files.complete(reader, line, out);
            case "follow", "ladder", "report" -> {
                if (at == 1) {
                    int n = verb.equals("follow") && words.contains("--udp") ? session.udpStreams() : session.tcpStreams();
                    numbers(0, n - 1L, word, out);
                }
            }
            case "goto", "show", "hex", "explain" -> {
                if (at == 1) {
                    numbers(1, session.packets(), word, out);
                }
            }
            case "packets", "filter" -> fields(word, out);
            case "save" -> {
                if (at == 1) {
                    files.complete(reader, line, out);
                } else {
                    fields(word, out);
                }
            }
            case "capture" -> {
                if (at == 1) {
                    out.add(new Candidate("start"));
                    out.add(new Candidate("stop"));
                    out.add(new Candidate("status"));
                } else if (words.size() > 1 && words.get(1).equals("start") && !words.contains("-i")) {
                    out.add(new Candidate("-i"));
                }
            }
            case "help" -> {
                for (String v : Commands.allNames()) {
                    out.add(new Candidate(v));
                }
            }
            default -> {
                if (Commands.CLI.contains(verb)) {
                    files.complete(reader, line, out);
                }
            }
        }
    }

    /** The numbers from {@code from} to {@code to} that start with what was typed, at most {@value #MAX_NUMBERS}. */
    private static void numbers(long from, long to, String typed, List<Candidate> out) {
        int added = 0;
        if (typed.isEmpty()) {
            for (long n = from; n <= to && added < MAX_NUMBERS; n++, added++) {
                out.add(new Candidate(Long.toString(n), Long.toString(n), null, null, null, null, true));
            }
            return;
        }
        long t;
        try {
            t = Long.parseLong(typed);
        } catch (NumberFormatException e) {
            return;
        }
        // typed itself, then typed0..typed9, typed00..: in order, as far as the range goes
        for (long lo = t, hi = t; lo <= to && added < MAX_NUMBERS; lo = lo * 10, hi = hi * 10 + 9) {
            for (long n = Math.max(lo, from); n <= Math.min(hi, to) && added < MAX_NUMBERS; n++, added++) {
                out.add(new Candidate(Long.toString(n), Long.toString(n), null, null, null, null, true));
            }
            if (lo == 0) {
                break;
            }
        }
    }

    private void fields(String typed, List<Candidate> out) {
        if (fieldNames == null) {
            Set<String> names = new LinkedHashSet<>();
            for (Field f : Fields.all()) {
                String n = f.name();
                int dot = n.indexOf('.');
                if (dot > 0) {
                    names.add(n.substring(0, dot)); // the protocol itself: 'tcp', 'udp'
                }
                names.add(n);
            }
            fieldNames = new ArrayList<>(names);
        }
        // the word may start inside an expression: '(tcp.fl' or '!tcp.an'
        int cut = 0;
        for (int i = 0; i < typed.length(); i++) {
            if ("(!".indexOf(typed.charAt(i)) >= 0) {
                cut = i + 1;
            }
        }
        String head = typed.substring(0, cut);
        for (String n : fieldNames) {
            // complete: false, so a field can be followed by '.' and more without a space in between
            out.add(new Candidate(head + n, n, null, null, null, null, false));
        }
        for (String op : List.of("==", "!=", ">", "<", ">=", "<=", "and", "or", "not", "contains", "matches", "in")) {
            out.add(new Candidate(op));
        }
        for (String fn : List.of("len", "count", "upper", "lower", "string", "abs")) {
            // a function opens its parenthesis, and a field follows without a space
            out.add(new Candidate(head + fn + "(", fn + "(", null, null, null, null, false));
        }
    }

    private void options(String verb, List<Candidate> out) {
        String runs = Commands.RUNS.get(verb);
        if (runs == null && Commands.CLI.contains(verb)) {
            runs = verb;
        }
        if (verb.equals("packets")) {
            for (String o : List.of("-n", "-V", "-x", "-A", "--checksums")) {
                out.add(new Candidate(o));
            }
            return;
        }
        if (Set.of("show", "hex", "goto", "save").contains(verb)) {
            return; // they take a frame or a file and a filter, none of read's options
        }
        if (verb.equals("follow")) {
            out.add(new Candidate("--hex"));
        }
        if (runs == null) {
            return;
        }
        CommandLine cl = tree.command(runs);
        if (cl == null) {
            return;
        }
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            if (!o.hidden()) {
                for (String n : o.names()) {
                    out.add(new Candidate(n, n, null, o.description().length > 0 ? o.description()[0] : null, null, null, true));
                }
            }
        }
    }

    /** The interfaces, from /sys/class/net: no libpcap and no privilege needed to list them. */
    static List<String> interfaces() {
        List<String> out = new ArrayList<>();
        String[] names = new File("/sys/class/net").list();
        if (names != null) {
            java.util.Arrays.sort(names);
            out.addAll(List.of(names));
        }
        out.add("any");
        return out;
    }
}
