package org.tcplab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.FrameSource;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Inputs;
import org.tcplab.command.Io;
import org.tcplab.output.ByteSink;
import org.tcplab.output.TextFormatter;
import org.tcplab.pipeline.CaptureAnalyzer;
import org.tcplab.report.CaptureReport;
import org.tcplab.report.FrameStory;
import org.tcplab.report.ReportBuilder;
import org.tcplab.report.ReportInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", header = "Explain one packet: its line, the state changes it caused, its verdicts, the RST cause and its seq/ack arithmetic in words.",
        mixinStandardHelpOptions = true,
        description = {"Print frame N as 'read' does, then everything the report says about it, section by section:",
                "how its seq and ack follow from the segments before, which ACK covers its data, what each endpoint's",
                "state became and why, tshark's verdicts with their evidence, and why an RST was sent."},
        footer = {"", "Examples:", "  analyzer explain samples/greeting.pcap 4", "  analyzer explain samples/rst-refused.pcap 2 --lang zh"})
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "capture file (pcap or pcapng, optionally .gz)")
    String file;

    @Parameters(index = "1", paramLabel = "FRAME", converter = Checked.FrameNumber.class, description = "the frame number (as read and tshark number them, from 1)")
    long frame;

    @Option(names = "--lang", paramLabel = "L", converter = Checked.Language.class, description = "en or zh; default: the locale's language when it is one of them, else en")
    String lang;

    @Override
    public Integer call() throws IOException {
        Locale locale = Reports.locale(lang);
        Io io = Io.current();
        ByteSink out = new ByteSink(io.out(), false);
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        analyzer.countConversations(false);
        TextFormatter text = new TextFormatter(true, true, true);
        boolean[] found = {false};
        int[] stream = {-1};
        // read twice (the frame's line, then its connection's report): standard input is kept in a file
        String path = Inputs.rereadable(file);
        try (FrameSource source = Inputs.open(path)) {
            analyzer.run(source, v -> {
                if (v.frame().number() != frame) {
                    return !io.cancel().isCancelled();
                }
                text.format(v, out);
                out.endLine();
                found[0] = true;
                if (v.tcp().hasStream()) {
                    stream[0] = v.tcp().stream();
                }
                return false;
            });
        } catch (CaptureFileException e) {
            if (!found[0]) {
                throw new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, e.getMessage()));
            }
        } finally {
            out.flush();
        }
        io.cancel().check();
        if (!found[0]) {
            throw new Failure(ExitCodes.USAGE, "no frame " + frame + " in " + file + " (it has "
                    + (analyzer.packets() == 0 ? "none" : "frames 1 to " + analyzer.packets()) + ")");
        }
        // a TCP segment is explained from its own connection: a capture of any size
        ReportInput in = Reports.read(path, file, stream[0], file + ": more than " + ReportInput.MAX_PACKETS
                + " packets to explain a frame that is not TCP (a TCP one is explained from its connection alone)");
        CaptureReport report = ReportBuilder.build(in, locale);
        PrintStream p = io.printer();
        // every conversation that names the frame: a traceroute probe is in its exchange and its route
        for (FrameStory story : FrameStory.all(report, frame, locale)) {
            p.println();
            p.println(story.conversation().title().text());
            String section = null;
            for (FrameStory.Line l : story.lines()) {
                if (!l.section().equals(section)) {
                    section = l.section();
                    p.println("-- " + section);
                }
                p.println("  * " + l.sentence().text());
            }
        }
        p.flush();
        return ExitCodes.OK;
    }
}
