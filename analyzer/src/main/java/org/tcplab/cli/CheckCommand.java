package org.tcplab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Inputs;
import org.tcplab.command.Io;
import org.tcplab.report.AnswerChecker;
import org.tcplab.report.AnswerSheet;
import org.tcplab.report.CaptureReport;
import org.tcplab.report.ReportBuilder;
import org.tcplab.report.ReportInput;
import org.tcplab.words.Wording;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", header = "Check a hand-computed table of seq, ack, len, flags, states and RTT against the capture.",
        mixinStandardHelpOptions = true,
        description = {"Reads a CSV answer sheet (header row; 'frame' and any of seq, ack, len, next_seq, flags,",
                "client_state, server_state, rtt; '#' comments; '# numbers: raw' for raw numbers, else detected)",
                "and checks every filled cell. Each wrong cell gets the right value and the rule that gives it.",
                "Exit status 0 when every cell is right, 6 when some are wrong, 1 when none is filled in.",
                "--template writes the blank sheet."},
        footer = {"", "Examples:", "  analyzer check samples/segment.pcap --template -o answers.csv",
                "  analyzer check samples/segment.pcap --answers answers.csv"})
public final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "capture file (pcap or pcapng, optionally .gz)")
    String file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--answers", paramLabel = "CSV", required = true, description = "the answer sheet to check")
        Path answers;

        @Option(names = "--template", required = true, description = "write the blank sheet for the handshake, data and teardown frames")
        boolean template;
    }

    @Option(names = "--stream", paramLabel = "N", converter = Checked.StreamIndex.class, description = "only TCP stream N")
    Integer stream;

    @Option(names = "--lang", paramLabel = "L", converter = Checked.Language.class, description = "en or zh; default: the locale's")
    String lang;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write the sheet (--template) or the verdicts (--answers) to OUT")
    Path output;

    @Override
    public Integer call() throws IOException {
        Locale locale = Reports.locale(lang);
        String sheetText = null;
        if (mode.answers != null) {
            sheetText = readSheet(mode.answers);
        }
        if (output != null) {
            OutputPaths.checkFile(output);
        }
        ReportInput in = Reports.read(file, file, stream == null ? -1 : stream, null);
        if (in.damage() != null) {
            throw new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, in.damage()));
        }
        CaptureReport report = ReportBuilder.build(in, locale);
        PrintStream out = Io.current().printer();
        if (mode.template) {
            String t = AnswerSheet.template(report, file);
            if (output != null) {
                OutputPaths.write(output, t.getBytes(StandardCharsets.UTF_8));
            } else {
                out.print(t);
                out.flush();
            }
            return ExitCodes.OK;
        }
        AnswerSheet sheet;
        try {
            sheet = AnswerSheet.parse(sheetText);
        } catch (IllegalArgumentException e) {
            throw new Failure(ExitCodes.BAD_INPUT, mode.answers + ": " + e.getMessage());
        }
        AnswerChecker.Result r = new AnswerChecker(report, locale).check(sheet);
        Wording w = Wording.of("org.tcplab.report.Report", locale);
        if (r.cells().isEmpty() && r.problems().isEmpty()) {
            // the template as written: nothing to check, and "every cell is right" would say otherwise
            throw new Failure(ExitCodes.BAD_INPUT, mode.answers + ": " + w.say("check.empty"));
        }
        StringBuilder sb = new StringBuilder();
        for (String p : r.problems()) {
            sb.append(mode.answers).append(": ").append(p).append('\n');
        }
        for (AnswerChecker.Verdict v : r.cells()) {
            if (!v.ok()) {
                sb.append(w.say("check.wrong", v.frame(), v.column(), v.given(), v.why())).append('\n');
            }
        }
        long right = r.cells().size() - r.wrong();
        sb.append(w.say("check.summary", right, r.cells().size(),
                w.say(r.raw() ? "check.numbers.raw" : "check.numbers.relative"))).append('\n');
        if (r.wrong() == 0 && r.problems().isEmpty()) {
            sb.append(w.say("check.allright")).append('\n');
        }
        if (output != null) {
            OutputPaths.write(output, sb.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            out.print(sb);
            out.flush();
        }
        return r.wrong() == 0 && r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.WRONG_ANSWERS;
    }

    private static String readSheet(Path p) {
        if (Files.isDirectory(p)) {
            throw new Failure(ExitCodes.USAGE, p + ": is a directory, not an answer sheet");
        }
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Failure(ExitCodes.NOT_FOUND, "no such file: " + p);
        } catch (AccessDeniedException e) {
            throw new Failure(ExitCodes.NO_PERMISSION, "permission denied: " + p);
        } catch (MalformedInputException e) {
            throw new Failure(ExitCodes.BAD_INPUT, p + ": not UTF-8 text");
        } catch (IOException e) {
            throw new Failure(ExitCodes.BAD_INPUT, p + ": " + e.getMessage());
        }
    }
}
