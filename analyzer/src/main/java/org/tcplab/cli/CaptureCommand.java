package org.tcplab.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tcplab.capture.CaptureWriter;
import org.tcplab.live.CaptureFailure;
import org.tcplab.live.CaptureStats;
import org.tcplab.live.LiveCapture;
import org.tcplab.live.LiveCaptureOptions;
import org.tcplab.output.JsonlFormatter;
import org.tcplab.output.LineOutput;
import org.tcplab.output.PacketFormatter;
import org.tcplab.output.TextFormatter;
import org.tcplab.pipeline.CaptureAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Capture live traffic with libpcap and print it annotated as 'read' does, or write it to a file.",
                "Stops on Ctrl-C, SIGTERM, -c or --duration, then prints libpcap's counts like tcpdump."},
        footer = {"", "Examples:", "  analyzer capture -i lo -f 'tcp port 6000'",
                "  analyzer capture -i lo -w handshake.pcapng -c 100",
                "Capturing needs root, or: sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))"})
public final class CaptureCommand implements Callable<Integer> {
    enum Format { text, jsonl }

    @Option(names = {"-i", "--interface"}, required = true, paramLabel = "IFACE", description = "interface to capture on (see 'analyzer interfaces')")
    String interfaceName;

    @Option(names = {"-f", "--filter"}, paramLabel = "BPF", description = "capture filter, pcap-filter(7) syntax, e.g. 'tcp port 80'")
    String filter;

    @Option(names = {"-w", "--write"}, paramLabel = "FILE", description = "write packets to FILE: pcapng if it ends in .pcapng, else pcap")
    Path output;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "stop after N packets")
    long count = Long.MAX_VALUE;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this many seconds")
    double duration;

    @Option(names = {"-s", "--snaplen"}, paramLabel = "N", description = "bytes kept of each packet (default ${DEFAULT-VALUE})")
    int snapLength = LiveCaptureOptions.DEFAULT_SNAPLEN;

    @Option(names = {"-B", "--buffer-size"}, paramLabel = "MB", description = "libpcap buffer in MiB (default 32 when printing, 256 when only writing)")
    Integer bufferMb;

    @Option(names = "--print", description = "print packets even when writing a file (-w)")
    boolean print;

    @Option(names = {"-q", "--quiet"}, description = "print only a running count, not the packets")
    boolean quiet;

    @Option(names = "--format", description = "text (default) or jsonl")
    Format format = Format.text;

    @Override
    public Integer call() throws IOException {
        boolean printing = !quiet && (output == null || print);
        int buffer = bufferMb != null ? bufferMb << 20
                : printing ? LiveCaptureOptions.PRINTING_BUFFER : LiveCaptureOptions.WRITING_BUFFER;
        LiveCaptureOptions options = new LiveCaptureOptions(interfaceName, filter, snapLength, buffer, printing);
        PrintStream err = System.err;
        LiveCapture capture;
        try {
            capture = LiveCapture.start(options);
        } catch (CaptureFailure f) {
            throw failure(f);
        }
        CountDownLatch finished = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean mainDone = new java.util.concurrent.atomic.AtomicBoolean();
        // Ctrl-C and SIGTERM: stop capturing, then let the main thread write out every packet.
        Thread hook = new Thread(() -> {
            if (mainDone.get()) {
                return; // an ordinary exit (or a failure with its own exit code), not a signal
            }
            capture.stop();
            try {
                if (finished.await(20, TimeUnit.SECONDS)) {
                    // A signal is the ordinary way to end a capture: exit 0 as tcpdump does, not 143.
                    System.err.flush();
                    Runtime.getRuntime().halt(ExitCodes.OK);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "capture-stop");
        Runtime.getRuntime().addShutdownHook(hook);
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
            err.printf("capturing on %s, link type %d, snaplen %d, buffer %d MiB%s%s; Ctrl-C to stop%n", interfaceName,
                    capture.linkType(), snapLength, buffer >> 20, filter == null ? "" : ", filter '" + filter + "'",
                    output == null ? "" : ", writing " + output);
            CaptureWriter writer = null;
            long[] written = {0};
            // a running count only for a person watching a terminal
            boolean counting = (quiet || !printing) && System.console() != null;
            try {
                if (output != null) {
                    writer = CaptureWriter.open(output, capture.linkType(), snapLength, interfaceName, filter);
                }
                CaptureWriter w = writer;
                CaptureAnalyzer analyzer = new CaptureAnalyzer();
                PacketFormatter formatter = printing ? (format == Format.jsonl ? new JsonlFormatter(false) : new TextFormatter(false)) : null;
                long[] lastReport = {System.nanoTime()};
                try (LineOutput out = new LineOutput(new FileOutputStream(FileDescriptor.out), true)) {
                    analyzer.run(capture, (f, p, t) -> {
                        if (w != null) {
                            w.write(f.epochSeconds(), f.nanos(), f.data(), f.offset(), f.capturedLength(), f.originalLength());
                        }
                        written[0]++;
                        if (formatter != null) {
                            formatter.format(f, p, t, analyzer.firstSeconds(), analyzer.firstNanos(), out.builder());
                            out.endLine();
                        } else if (counting && System.nanoTime() - lastReport[0] > 500_000_000L) {
                            lastReport[0] = System.nanoTime();
                            err.print("\r" + written[0] + " packets");
                            if (w != null) {
                                w.flush(); // keep the file readable while the capture runs
                            }
                        }
                        if (written[0] >= count) {
                            capture.stop();
                            return false;
                        }
                        return true;
                    });
                }
            } finally {
                try {
                    if (writer != null) {
                        writer.close();
                    }
                } finally {
                    capture.close();
                }
            }
            CaptureStats s = capture.stats();
            if (counting) {
                err.print("\r");
            }
            err.printf("%d packets captured%n", written[0]);
            if (s.available()) {
                err.printf("%d packets received by filter%s%n", s.receivedByFilter(),
                        "lo".equals(interfaceName) ? " (on loopback the kernel counts each packet twice)" : "");
                err.printf("%d packets dropped by kernel%n", s.droppedByKernel());
                err.printf("%d packets dropped by interface%n", s.droppedByInterface());
            }
            err.flush();
        } finally {
            // lets a pending signal's hook end the process, also when the capture failed
            mainDone.set(true);
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and waits for us
        }
        return ExitCodes.OK;
    }

    static Failure failure(CaptureFailure f) {
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
