package org.tcplab.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.FrameSource;
import org.tcplab.command.Cancellation;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Filters;
import org.tcplab.command.Inputs;
import org.tcplab.command.Io;
import org.tcplab.conv.Conversation;
import org.tcplab.conv.ConversationTable;
import org.tcplab.conv.ConversationTableFormatter;
import org.tcplab.filter.DisplayFilter;
import org.tcplab.output.LineOutput;
import org.tcplab.output.TimeFormat;
import org.tcplab.pipeline.CaptureAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "conv", header = "Print the TCP and UDP conversation tables of a capture, as tshark -z conv does.", mixinStandardHelpOptions = true,
        description = {"Print the TCP and UDP conversation tables of a capture,",
                "as tshark -q -z conv,tcp -z conv,udp: frames and bytes each way, start, duration."})
public final class ConvCommand implements Callable<Integer> {
    enum Format { text, jsonl }

    @Parameters(paramLabel = "FILE", description = "capture file (pcap or pcapng), or - for standard input")
    String file;

    @Option(names = "--format", description = "text (tshark's layout, default) or jsonl (one object per conversation)")
    Format format = Format.text;

    @Option(names = {"-Y", "--display-filter"}, paramLabel = "FILTER",
            description = "count only the packets that pass this display filter (as tshark -z conv,tcp,FILTER)")
    String displayFilter;

    @Override
    public Integer call() throws IOException {
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        DisplayFilter filter = Filters.compile(displayFilter);
        // the filter may ask about the connection analysis; without one, conversations need none of it
        analyzer.connectionAnalysis(filter != null);
        analyzer.displayFilter(filter);
        Failure failure = null;
        try (FrameSource source = Inputs.open(file)) {
            Cancellation cancel = Io.current().cancel();
            analyzer.run(source, v -> !cancel.isCancelled());
            cancel.check();
        } catch (CaptureFileException e) {
            // Print the tables of what was read, then say why reading stopped.
            failure = new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, e.getMessage()));
        }
        try (LineOutput out = new LineOutput(Io.current().out(), false)) {
            ConversationTable table = analyzer.conversations();
            if (format == Format.text) {
                out.builder().append(ConversationTableFormatter.format(table, displayFilter));
            } else {
                jsonl(out, table.rows(false));
                jsonl(out, table.rows(true));
            }
        }
        if (failure != null) {
            throw failure;
        }
        return ExitCodes.OK;
    }

    private static void jsonl(LineOutput out, List<Conversation> rows) throws IOException {
        for (Conversation c : rows) {
            StringBuilder sb = out.builder();
            sb.append("{\"proto\":\"").append(c.protocol()).append("\",\"a\":\"").append(c.addressA())
                    .append("\",\"a_port\":").append(c.aPort()).append(",\"b\":\"").append(c.addressB())
                    .append("\",\"b_port\":").append(c.bPort())
                    .append(",\"frames_a_to_b\":").append(c.framesAToB()).append(",\"bytes_a_to_b\":").append(c.bytesAToB())
                    .append(",\"frames_b_to_a\":").append(c.framesBToA()).append(",\"bytes_b_to_a\":").append(c.bytesBToA())
                    .append(",\"frames\":").append(c.frames()).append(",\"bytes\":").append(c.bytes())
                    .append(",\"start\":");
            TimeFormat.appendOffset(sb, c.startNanos(), 9);
            sb.append(",\"duration\":");
            TimeFormat.appendOffset(sb, c.durationNanos(), 9);
            sb.append('}');
            out.endLine();
        }
    }
}
