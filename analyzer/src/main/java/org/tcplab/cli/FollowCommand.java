package org.tcplab.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.FrameSource;
import org.tcplab.command.Cancellation;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Inputs;
import org.tcplab.command.Io;
import org.tcplab.follow.FollowedStream;
import org.tcplab.follow.StreamFollow;
import org.tcplab.output.ByteSink;
import org.tcplab.output.FollowFormatter;
import org.tcplab.pipeline.CaptureAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "follow", header = "Print a TCP or UDP stream's payload in order, as Wireshark's Follow Stream does.", mixinStandardHelpOptions = true,
        description = {"Follow a TCP stream (or a UDP one): its payload in sequence order, each side marked, as",
                "Wireshark's Follow Stream and tshark -q -z follow,tcp,ascii,N show it: retransmitted and overlapping",
                "bytes once, out-of-order segments in place, a gap the peer acknowledged as \"[N bytes missing]\"."},
        footer = {"", "Examples:", "  analyzer follow samples/greeting.pcap --stream 0",
                "  analyzer follow samples/segment.pcap --stream 0 --format hex",
                "  analyzer follow samples/udp-echo.pcap --udp --stream 0 --format json"})
public final class FollowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "capture file (pcap or pcapng, optionally .gz), or - for standard input")
    String file;

    @Option(names = "--stream", paramLabel = "N", required = true, converter = Checked.StreamIndex.class, description = "the stream: tshark's tcp.stream (or udp.stream with --udp)")
    int stream;

    @Option(names = "--udp", description = "follow a UDP stream (udp.stream) instead of a TCP one")
    boolean udp;

    @Option(names = "--format", description = "text (tshark's ascii, default), hex, raw, or json (ours: chunks with frames, gaps)")
    String format = "text";

    @Override
    public Integer call() throws IOException {
        FollowFormatter.Mode mode = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "text", "ascii" -> FollowFormatter.Mode.ascii;
            case "hex" -> FollowFormatter.Mode.hex;
            case "raw" -> FollowFormatter.Mode.raw;
            case "json" -> FollowFormatter.Mode.json;
            default -> throw new Failure(ExitCodes.USAGE, "--format " + format + ": expected text, hex, raw or json");
        };
        StreamFollow follow = new StreamFollow(!udp, stream);
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        analyzer.countConversations(false);
        analyzer.connectionAnalysis(false);
        Failure failure = null;
        Cancellation cancel = Io.current().cancel();
        try (FrameSource source = Inputs.open(file)) {
            analyzer.run(source, v -> {
                follow.accept(v);
                return !cancel.isCancelled();
            });
        } catch (CaptureFileException e) {
            failure = new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, e.getMessage()));
        }
        cancel.check();
        FollowedStream s = follow.result();
        if (s.empty() && failure == null) {
            int streams = udp ? analyzer.udpStreams().streamCount() : analyzer.streams().streamCount();
            throw new Failure(ExitCodes.USAGE, "no " + (udp ? "UDP" : "TCP") + " stream " + stream + " in " + file + ": "
                    + (streams == 0 ? "it has none" : "it has streams 0 to " + (streams - 1)));
        }
        ByteSink out = new ByteSink(Io.current().out(), false);
        FollowFormatter.write(s, mode, out);
        if (mode == FollowFormatter.Mode.json) {
            out.put('\n');
        }
        out.flush();
        if (failure != null) {
            throw failure;
        }
        return ExitCodes.OK;
    }
}
