package org.tcplab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tcplab.capture.CaptureWriter;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Io;
import org.tcplab.live.CaptureFailure;
import org.tcplab.live.CaptureStats;
import org.tcplab.live.LiveCapture;
import org.tcplab.live.LiveCaptureOptions;
import org.tcplab.output.ByteSink;
import org.tcplab.output.JsonlFormatter;
import org.tcplab.output.PacketFormatter;
import org.tcplab.output.TextFormatter;
import org.tcplab.pipeline.CaptureAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "capture", header = "Capture live traffic with libpcap: print it annotated, or write a pcap or pcapng file.", mixinStandardHelpOptions = true,
        description = {"Capture live traffic with libpcap and print it annotated as 'read' does, or write it to a file.",
                "Stops on Ctrl-C, SIGTERM, -c or --duration, then prints libpcap's counts like tcpdump."},
        footer = {"", "Examples:", "  analyzer capture -i lo tcp port 6000", "  analyzer capture -i lo -f 'tcp port 6000'",
                "  analyzer capture -i lo -w handshake.pcapng -c 100",
                "Capturing needs root, or: sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))"})
public final class CaptureCommand implements Callable<Integer> {
    enum Format { text, jsonl }

    @Option(names = {"-i", "--interface"}, required = true, paramLabel = "IFACE", description = "interface to capture on (see 'analyzer interfaces')")
    String interfaceName;

    @Option(names = {"-f", "--filter"}, paramLabel = "BPF", description = "capture filter, pcap-filter(7) syntax, e.g. 'tcp port 80'")
    String filter;

    @Parameters(paramLabel = "FILTER", arity = "0..*", description = "the capture filter as trailing words, as tcpdump takes it:"
            + " capture -i lo tcp port 6000")
    java.util.List<String> filterWords = new java.util.ArrayList<>();

    @Option(names = {"-w", "--write"}, paramLabel = "FILE", description = "write packets to FILE: pcapng if it ends in .pcapng, else pcap; - for standard output (pcap)")
    Path output;

    @Option(names = {"-c", "--count"}, paramLabel = "N", converter = Checked.Count.class, description = "stop after N packets")
    long count = Long.MAX_VALUE;

    @Option(names = "--duration", paramLabel = "SECONDS", converter = Checked.Seconds.class, description = "stop after this many seconds")
    double duration;

    @Option(names = {"-s", "--snaplen"}, paramLabel = "N", converter = Checked.Snaplen.class, description = "bytes kept of each packet (default ${DEFAULT-VALUE})")
    int snapLength = LiveCaptureOptions.DEFAULT_SNAPLEN;

    @Option(names = {"-B", "--buffer-size"}, paramLabel = "MB", converter = Checked.Mebibytes.class, description = "libpcap buffer in MiB (default 32 when printing, 256 when only writing)")
    Integer bufferMb;

    @Option(names = "--print", description = "print packets even when writing a file (-w)")
    boolean print;

    @Option(names = {"-q", "--quiet"}, description = "print only a running count, not the packets")
    boolean quiet;

    @Option(names = "--format", description = "text (default) or jsonl")
    Format format = Format.text;

    @Override
    public Integer call() throws IOException {
        if (output != null) {
            OutputPaths.checkFile(output);
        }
        if (!filterWords.isEmpty()) {
            if (filter != null) {
                throw new Failure(ExitCodes.USAGE, "give the capture filter once: with -f or as trailing words, not both");
            }
            filter = String.join(" ", filterWords);
        }
        boolean streamed = output != null && OutputPaths.isStandardOutput(output);
        if (streamed && print) {
            throw new Failure(ExitCodes.USAGE, "--print with -w -: the capture and the lines would both go to standard output");
        }
        // a terminal is refused before libpcap opens anything
        java.io.OutputStream stdout = streamed ? OutputPaths.standardOutput("-w") : null;
        boolean printing = !quiet && (output == null || print);
        int buffer = bufferMb != null ? bufferMb << 20
                : printing ? LiveCaptureOptions.PRINTING_BUFFER : LiveCaptureOptions.WRITING_BUFFER;
        LiveCaptureOptions options = new LiveCaptureOptions(interfaceName, filter, snapLength, buffer, printing);
        Io io = Io.current();
        PrintStream err = io.err();
        LiveCapture capture;
        try {
            capture = LiveCapture.start(options, output == null ? null
                    : streamed ? (linkType, snap) -> CaptureWriter.open(stdout, false, linkType, snap, interfaceName, filter)
                    : (linkType, snap) -> CaptureWriter.open(output, linkType, snap, interfaceName, filter), printing, count);
        } catch (CaptureFailure f) {
            throw failure(f);
        }
        // Ctrl-C, SIGTERM, 'capture stop' in the console: stop libpcap's read; this thread then
        // drains and writes out every packet captured before it and returns as usual (exit 0, as
        // tcpdump does). No shutdown hook, no halt: the console's JVM goes on.
        io.cancel().onCancel(capture::stop);
        StopSignals signals = io.isProcess() ? StopSignals.install(io.cancel()) : null;
        // a running count only for a person watching a terminal
        boolean counting = (quiet || !printing) && io.isProcess() && System.console() != null;
        try {
            if (duration > 0) {
                Thread timer = new Thread(() -> {
                    try {
                        Thread.sleep((long) (duration * 1000));
                        capture.stop();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "capture-duration");
                timer.setDaemon(true);
                timer.start();
            }
            err.printf("capturing on %s, link type %d, snaplen %d, buffer %d MiB%s%s; %s to stop%n", interfaceName,
                    capture.linkType(), snapLength, buffer >> 20, filter == null ? "" : ", filter '" + filter + "'",
                    output == null ? "" : ", writing " + output, io.isBackground() ? "'capture stop'" : "Ctrl-C");
            try {
                if (printing) {
                    print(capture);
                } else {
                    waitForEnd(capture, counting, err);
                }
            } finally {
                capture.close();
            }
            CaptureStats s = capture.stats();
            if (counting) {
                err.print("\r");
            }
            err.printf("%d packets captured%n", s.captured());
            if (s.available()) {
                err.printf("%d packets received by filter%s%n", s.receivedByFilter(),
                        "lo".equals(interfaceName) ? " (on loopback the kernel counts each packet twice)" : "");
                err.printf("%d packets dropped by kernel%n", s.droppedByKernel());
                err.printf("%d packets dropped by interface%n", s.droppedByInterface());
            }
            err.flush();
        } finally {
            if (signals != null) {
                signals.restore();
            }
        }
        return ExitCodes.OK;
    }

    /** Analyses and prints each packet as it arrives (the capture thread writes the file). */
    private void print(LiveCapture capture) throws IOException {
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        PacketFormatter formatter = format == Format.jsonl ? new JsonlFormatter(false) : new TextFormatter(false);
        ByteSink out = new ByteSink(Io.current().out(), true);
        try {
            analyzer.countConversations(false);
            analyzer.run(capture, v -> {
                formatter.format(v, out);
                out.endLine();
                return true;
            });
        } finally {
            out.flush();
        }
    }

    /** Only writing: the capture thread does the work; show a running count meanwhile. */
    private static void waitForEnd(LiveCapture capture, boolean counting, PrintStream err) throws IOException {
        while (true) {
            try {
                capture.awaitEndMillis(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (capture.hasEnded()) {
                capture.awaitEnd();
                return;
            }
            if (counting) {
                err.print("\r" + capture.captured() + " packets");
            }
        }
    }

    public static Failure failure(CaptureFailure f) {
        int code = switch (f.kind()) {
            case NO_PERMISSION -> ExitCodes.NO_PERMISSION;
            case NO_SUCH_INTERFACE -> ExitCodes.NOT_FOUND;
            case BAD_FILTER -> ExitCodes.USAGE;
            case NO_LIBPCAP -> ExitCodes.MISSING_LIBRARY;
            case OTHER -> ExitCodes.BAD_INPUT;
        };
        return new Failure(code, f.getMessage());
    }
}
