package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.cli.AnalyzerMain;
import org.tcplab.cli.Checked;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every option and file parameter of every command of both programs, from picocli's own model
 * (a new option is walked without editing this test), with the bad values of its type: a checked
 * type (Checked) names the values it must refuse (zero, negative, too large, not a number,
 * empty), an enum gets a word it does not know, an output file a missing directory, an output
 * directory a file, an input a missing file. Each run must end with one line on stderr, no stack
 * trace, the README's exit code, and no file left behind. A numeric option without a checked type
 * fails the test: its bad values would go unrefused.
 */
class OptionWalkTest {
    @TempDir
    static Path out;

    private static final Path SAMPLE = SamplesTest.samples().resolve("greeting.pcap");

    /** A right answer sheet for the greeting sample, for check's walk. */
    private static Path sheet() {
        Path p = out.resolve("sheet.csv");
        try {
            java.nio.file.Files.writeString(p, "frame,seq\n1,0\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    /** Arguments that make each command otherwise complete; the value under test replaces its own. */
    private static Map<String, List<String>> base() {
        return Map.ofEntries(
                Map.entry("analyzer follow", List.of(SAMPLE.toString(), "--stream", "0")),
                Map.entry("analyzer read", List.of(SAMPLE.toString())),
                Map.entry("analyzer info", List.of(SAMPLE.toString())),
                Map.entry("analyzer conns", List.of(SAMPLE.toString())),
                Map.entry("analyzer conv", List.of(SAMPLE.toString())),
                Map.entry("analyzer explain", List.of(SAMPLE.toString(), "4")),
                Map.entry("analyzer ladder", List.of(SAMPLE.toString(), "--stream", "0")),
                Map.entry("analyzer annotate", List.of(SAMPLE.toString(), "-o", out.resolve("annotated.pcapng").toString())),
                Map.entry("analyzer report", List.of(SAMPLE.toString(), "-o", out.resolve("report.txt").toString())),
                Map.entry("analyzer check", List.of(SAMPLE.toString(), "--answers", sheet().toString())),
                // an interface that does not exist: an option wrongly accepted fails there, never captures
                Map.entry("analyzer capture", List.of("-i", "nonexistent0")),
                // no -c: each case fails before the console would read commands from standard input
                Map.entry("analyzer shell", List.of(SAMPLE.toString())),
                Map.entry("traffic-gen synth", List.of("-o", out.resolve("synth.pcap").toString(), "--packets", "10", "--flows", "1")),
                Map.entry("traffic-gen lab", List.of("--out", out.resolve("lab").toString())),
                // its one required option; an accepted port then meets no server (connection refused, one line)
                Map.entry("traffic-gen chat-client", List.of("--name", "Alice")));
    }

    private record Case(String program, String command, ArgSpec arg, String value, int exitCode, boolean parseTime) {
        String name() {
            String n = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
            return program + " " + command + " " + n + " '" + value + "'" + (exitCode == 0 ? " accepted" : "");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOptionOfBothPrograms_refusesItsBadValues_inOneLine() {
        List<Case> cases = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        walk("analyzer", AnalyzerMain.commandLine(null), cases, unchecked);
        walk("traffic-gen", TrafficGenMain.commandLine(), cases, unchecked);
        assertTrue(unchecked.isEmpty(), "numeric options without a checked type (org.tcplab.cli.Checked): " + unchecked);
        assertTrue(cases.size() > 150, "cases: " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private static void walk(String program, CommandLine root, List<Case> cases, List<String> unchecked) {
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            CommandSpec spec = sub.getValue().getCommandSpec();
            String command = sub.getKey();
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp() || o.arity().max() == 0 || o.hidden()) {
                    continue;
                }
                add(program, command, o, cases, unchecked);
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (p.paramLabel().equals("FILE")) {
                    cases.add(new Case(program, command, p, "/nonexistent/input.pcap", 3, false));
                }
            }
        }
    }

    private static void add(String program, String command, OptionSpec o, List<Case> cases, List<String> unchecked) {
        CommandLine.ITypeConverter<?>[] converters = o.converters();
        Class<?> type = o.type();
        if (converters != null && converters.length > 0 && converters[0] instanceof Checked.Refusing r) {
            for (String v : r.refused()) {
                cases.add(new Case(program, command, o, v, 2, true));
            }
            for (String v : r.accepted()) {
                cases.add(new Case(program, command, o, v, 0, true));
            }
        } else if (type.isEnum()) {
            cases.add(new Case(program, command, o, "bogus", 2, true));
        } else if (type == Path.class) {
            if (o.paramLabel().equals("DIR")) {
                cases.add(new Case(program, command, o, "/etc/passwd", 2, false));
            } else {
                cases.add(new Case(program, command, o, "/nonexistent/dir/out.pcap", 3, false));
                cases.add(new Case(program, command, o, "/tmp", 2, false));
            }
        } else if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            unchecked.add(program + " " + command + " " + o.longestName());
        }
        // anything else is free text (a filter, a host name, a field name): its own parser speaks for it
    }

    private static List<String> arguments(Case c) {
        List<String> args = new ArrayList<>(List.of(c.command()));
        List<String> base = base().getOrDefault(c.program() + " " + c.command(), List.of());
        String name = c.arg() instanceof OptionSpec o ? o.longestName() : null;
        for (int i = 0; i < base.size(); i++) {
            String a = base.get(i);
            if (c.arg() instanceof OptionSpec o && List.of(o.names()).contains(a)) {
                i++; // this option's own value: the one under test replaces it
            } else if (c.arg() instanceof PositionalParamSpec && a.equals(SAMPLE.toString())) {
                args.add(c.value()); // the input file under test replaces the sample, where it stands
            } else {
                args.add(a);
            }
        }
        if (name != null) {
            args.add(name + "=" + c.value());
        } else if (!base.contains(SAMPLE.toString())) {
            args.add(c.value());
        }
        return args;
    }

    private static CommandLine tree(String program) {
        return program.equals("analyzer") ? AnalyzerMain.commandLine(null) : TrafficGenMain.commandLine();
    }

    private static void run(Case c) throws Exception {
        List<String> args = arguments(c);
        if (c.exitCode() == 0) {
            // a value at the edge of what the option takes: it parses (nothing is run)
            try {
                tree(c.program()).parseArgs(args.toArray(new String[0]));
            } catch (CommandLine.ParameterException x) {
                fail(c.name() + " was refused: " + x.getMessage());
            }
            return;
        }
        if (c.parseTime()) {
            // refused while parsing, before anything runs: checked without running the command
            try {
                tree(c.program()).parseArgs(args.toArray(new String[0]));
                fail(c.name() + " was accepted: " + args);
            } catch (CommandLine.ParameterException expected) {
                // as it should
            }
        }
        List<Path> before;
        try (Stream<Path> s = Files.walk(out)) {
            before = s.toList();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int[] code = {-1};
        Thread t = new Thread(() -> code[0] = AnalyzerMain.execute(c.program(), tree(c.program()), args.toArray(new String[0])));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            t.start();
            t.join(60_000);
        } finally {
            System.setErr(saved);
        }
        assertFalse(t.isAlive(), c.name() + " did not end");
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(c.exitCode(), code[0], c.name() + ": " + stderr);
        assertEquals(1, stderr.lines().count(), c.name() + ": one line expected: " + stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat ") || stderr.contains("internal error"), stderr);
        assertTrue(stderr.startsWith(c.program() + ": "), stderr);
        if (c.arg() instanceof OptionSpec o && c.parseTime()) {
            assertTrue(stderr.contains(o.longestName()) || List.of(o.names()).stream().anyMatch(stderr::contains), stderr);
            assertTrue(stderr.contains("'" + c.value() + "'"), "names the value: " + stderr);
        } else {
            assertTrue(stderr.contains(c.value()), "names the path: " + stderr);
        }
        try (Stream<Path> s = Files.walk(out)) {
            assertEquals(before, s.toList(), c.name() + " left a file behind");
        }
    }
}
