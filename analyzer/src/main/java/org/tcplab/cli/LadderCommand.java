package org.tcplab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Inputs;
import org.tcplab.command.Io;
import org.tcplab.report.CaptureReport;
import org.tcplab.report.Conversation;
import org.tcplab.report.FrameStory;
import org.tcplab.report.ReportBuilder;
import org.tcplab.report.ReportInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ladder", header = "Draw a TCP stream's ladder diagram in the terminal, with both endpoints' states, as tshark -z flow,tcp does.",
        mixinStandardHelpOptions = true,
        description = {"One lifeline per endpoint, one arrow per segment labelled with its flags, seq, ack and length,",
                "and each endpoint's state written under the arrow that changed it."},
        footer = {"", "Examples:", "  analyzer ladder samples/greeting.pcap --stream 0"})
public final class LadderCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "capture file (pcap or pcapng, optionally .gz)")
    String file;

    @Option(names = "--stream", required = true, paramLabel = "N", converter = Checked.StreamIndex.class, description = "the TCP stream (tshark's tcp.stream)")
    int stream;

    @Option(names = "--lang", paramLabel = "L", converter = Checked.Language.class, description = "en or zh")
    String lang;

    @Override
    public Integer call() throws IOException {
        Locale locale = Reports.locale(lang);
        ReportInput in = Reports.read(file, file, stream, null);
        CaptureReport report = ReportBuilder.build(in, locale);
        Conversation c = null;
        for (Conversation x : report.conversations()) {
            if (x.kind().equals("tcp") && x.index() == stream) {
                c = x;
            }
        }
        if (c == null) {
            // a capture damaged before the stream's first packet: the damage is the reason, as report says it
            throw in.damage() != null ? new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, in.damage()))
                    : new Failure(ExitCodes.USAGE, "no TCP stream " + stream + " in " + file);
        }
        PrintStream p = Io.current().printer();
        p.println(c.title().text());
        for (String line : FrameStory.ladder(c)) {
            p.println(line);
        }
        p.flush();
        if (in.damage() != null) {
            throw new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, in.damage()));
        }
        return ExitCodes.OK;
    }
}
