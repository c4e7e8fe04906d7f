package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.cli.AnalyzerMain;
import picocli.CommandLine;

/**
 * Every example command in the README and in both programs' --help is true. An example shown
 * with its output ({@code $ bin/analyzer ...} in a code block) is run and must print that output
 * ("..." stands for lines left out). Any other example is run when it reads a file (read, conns,
 * conv, follow, interfaces: exit 0 expected); one that needs root, live traffic, a namespace or a
 * gigabyte (capture, lab, the scenarios, synth, bulk) is parsed by picocli instead, so that every
 * option and value it shows exists and is accepted, and every sample it names exists.
 */
class ExamplesTest {
    private static final Path ROOT = SamplesTest.samples().getParent().toAbsolutePath().normalize();
    private static final List<String> RUN = List.of("read", "conns", "conv", "follow", "interfaces");
    /** Placeholders of a syntax line, not an example: FILE, DIR, N … */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\b(FILE|DIR|N|SCENARIO|FILTER|IFACE|OLD|NEW)\\b|\\[|…");

    private record Example(String source, String line, List<String> shown) {
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "
                + System.getProperty("java.class.path");
    }

    /** Bash functions standing for the launchers, so that an example runs as the README writes it. */
    private static String prelude() {
        return "analyzer_() { " + java() + " " + AnalyzerMain.class.getName() + " \"$@\"; }\n"
                + "traffic_gen_() { " + java() + " " + TrafficGenMain.class.getName() + " \"$@\"; }\n";
    }

    private static String asScript(String line) {
        return line.replaceFirst("^sudo ", "").replace("bin/analyzer", "analyzer_").replace("bin/traffic-gen", "traffic_gen_")
                .replaceFirst("^analyzer ", "analyzer_ ").replaceFirst("^traffic-gen ", "traffic_gen_ ");
    }

    private static List<Example> readmeExamples() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        List<Example> out = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock && l.startsWith("$ bin/")) {
                List<String> shown = new ArrayList<>();
                int j = i + 1;
                for (; j < lines.size() && !lines.get(j).startsWith("```") && !lines.get(j).startsWith("$ "); j++) {
                    shown.add(lines.get(j));
                }
                out.add(new Example("README.md:" + (i + 1), l.substring(2), shown));
                i = j - 1;
            } else if (inBlock && l.matches("^(sudo )?bin/(analyzer|traffic-gen) .*")) {
                out.add(new Example("README.md:" + (i + 1), l.replaceFirst("\\s+#.*$", ""), null));
            } else if (!inBlock) {
                Matcher m = Pattern.compile("`((sudo )?bin/(analyzer|traffic-gen) [^`]*)`").matcher(l);
                while (m.find()) {
                    out.add(new Example("README.md:" + (i + 1), m.group(1), null));
                }
            }
        }
        return out;
    }

    private static List<Example> helpExamples() {
        List<Example> out = new ArrayList<>();
        for (Map.Entry<String, CommandLine> program : Map.of("analyzer", AnalyzerMain.commandLine(null),
                "traffic-gen", TrafficGenMain.commandLine()).entrySet()) {
            for (Map.Entry<String, CommandLine> sub : program.getValue().getSubcommands().entrySet()) {
                StringWriter help = new StringWriter();
                sub.getValue().usage(new java.io.PrintWriter(help));
                for (String l : help.toString().lines().toList()) {
                    if (l.startsWith("  " + program.getKey() + " ")) {
                        assertTrue(l.length() <= 80, "a help example wider than the help (picocli wraps it): " + l);
                        out.add(new Example(program.getKey() + " " + sub.getKey() + " --help", l.strip(), null));
                    }
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyExample_inTheReadmeAndTheHelp_isTrue() throws Exception {
        List<Example> all = new ArrayList<>(readmeExamples());
        List<Example> help = helpExamples();
        assertTrue(help.size() >= 8, "help examples: " + help);
        all.addAll(help);
        return all.stream().filter(e -> e.shown() != null || !PLACEHOLDER.matcher(e.line()).find())
                .map(e -> DynamicTest.dynamicTest(e.source() + ": " + e.line(), () -> check(e)));
    }

    /**
     * The top-level help lists each command with the first line of its header (or of its
     * description): that line must be the whole summary, not the start of a sentence.
     */
    @TestFactory
    Stream<DynamicTest> topLevelHelp_summarisesEachCommandWhole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, CommandLine> program : Map.of("analyzer", AnalyzerMain.commandLine(null),
                "traffic-gen", TrafficGenMain.commandLine()).entrySet()) {
            for (Map.Entry<String, CommandLine> sub : program.getValue().getSubcommands().entrySet()) {
                CommandLine.Model.UsageMessageSpec u = sub.getValue().getCommandSpec().usageMessage();
                tests.add(DynamicTest.dynamicTest(program.getKey() + " " + sub.getKey(), () -> {
                    String[] summary = u.header().length > 0 ? u.header() : u.description();
                    assertEquals(1, summary.length, "a one-line summary for the command list: " + List.of(summary));
                    String s = summary[0].strip();
                    assertTrue(!s.isEmpty() && !s.endsWith(",") && !s.endsWith(":"), "a whole summary: " + s);
                }));
            }
        }
        return tests.stream();
    }

    private static void check(Example e) throws Exception {
        String script = asScript(e.line());
        List<String> argv = words(script);
        String command = argv.size() > 1 ? argv.get(1) : "";
        for (String a : argv) {
            if (a.startsWith("samples/")) {
                assertTrue(Files.exists(ROOT.resolve(a)), e.source() + ": no such sample " + a);
            }
        }
        if (e.shown() != null) {
            // the exit code too: an error shown (a line starting with the program's name) is not 0
            String out = bash(script + " 2>&1; echo \"exit $?\"");
            List<String> lines = out.lines().toList();
            String exit = lines.get(lines.size() - 1);
            boolean error = !e.shown().isEmpty() && e.shown().get(0).matches("^(analyzer|traffic-gen): .*");
            assertEquals(error, !exit.equals("exit 0"), e.source() + ": " + exit);
            assertShown(e, e.shown(), lines.subList(0, lines.size() - 1));
        } else if (argv.get(0).equals("analyzer_") && RUN.contains(command) && !script.contains("bench/out")) {
            bash(script + " > /dev/null");
        } else {
            // parsed, not run: every option and value it shows must be accepted
            CommandLine tree = argv.get(0).equals("analyzer_") ? AnalyzerMain.commandLine(null) : TrafficGenMain.commandLine();
            try {
                tree.parseArgs(argv.subList(1, argv.size()).toArray(new String[0]));
            } catch (CommandLine.ParameterException x) {
                fail(e.source() + ": " + e.line() + ": " + x.getMessage());
            }
        }
    }

    /** The example's words as bash splits them (quotes and all). */
    private static List<String> words(String script) throws Exception {
        String printed = bash("set -- " + script + "; printf '%s\\0' \"$@\"", false);
        return List.of(printed.split("\0"));
    }

    private static String bash(String script) throws Exception {
        return bash(script, true);
    }

    private static String bash(String script, boolean withPrelude) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", (withPrelude ? prelude() : "") + script).directory(ROOT.toFile())
                .redirectErrorStream(!withPrelude).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = withPrelude ? new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8) : "";
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), script);
        if (withPrelude && !script.contains("2>&1")) {
            assertEquals(0, p.exitValue(), script + ": " + err);
        }
        return out;
    }

    /**
     * The shown lines in order, "..." standing for any lines in between (or after). Trailing
     * blanks are not compared: Markdown cannot show a line's trailing tab (an empty last field).
     */
    private static void assertShown(Example e, List<String> shownLines, List<String> actualLines) {
        List<String> shown = shownLines.stream().map(String::stripTrailing).toList();
        List<String> actual = actualLines.stream().map(String::stripTrailing).toList();
        int a = 0;
        boolean skipping = false;
        for (String s : shown) {
            if (s.strip().equals("...")) {
                skipping = true;
                continue;
            }
            while (skipping && a < actual.size() && !actual.get(a).equals(s)) {
                a++;
            }
            assertTrue(a < actual.size(), e.source() + ": the output ends before \"" + s + "\"");
            assertEquals(s, actual.get(a), e.source() + ": line " + (a + 1) + " of the output");
            a++;
            skipping = false;
        }
        if (!skipping) {
            assertEquals(a, actual.size(), e.source() + ": the output goes on after the lines shown: " + actual.subList(a, actual.size()));
        }
    }
}
