package org.tcplab.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.FrameSource;
import org.tcplab.output.JsonlFormatter;
import org.tcplab.output.ByteSink;
import org.tcplab.output.PacketFormatter;
import org.tcplab.output.TextFormatter;
import org.tcplab.pipeline.CaptureAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Read a pcap or pcapng file and print every packet with its annotations:",
                "relative and raw seq/ack, TCP stream, flags, payload length, window."},
        footer = {"", "Examples:", "  analyzer read samples/handshake.pcap",
                "  analyzer read capture.pcapng --format jsonl --proto tcp --port 80 -c 20"})
public final class ReadCommand implements Callable<Integer> {
    enum Format { text, jsonl, none }

    @Parameters(paramLabel = "FILE", description = "capture file (pcap or pcapng), or - for standard input")
    String file;

    @Option(names = "--format", description = "text (default), jsonl (one JSON object per packet), none (analyse only; print a summary to stderr)")
    Format format = Format.text;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "stop after printing N packets")
    long count = Long.MAX_VALUE;

    @Option(names = "--proto", paramLabel = "P", description = "only packets of this protocol: tcp, udp, icmp, icmpv6, ip, ipv4, ipv6, arp")
    String protocol;

    @Option(names = "--host", paramLabel = "ADDR", description = "only packets from or to this IP address")
    String host;

    @Option(names = "--port", paramLabel = "N", description = "only packets from or to this TCP/UDP port")
    int port = -1;

    @Option(names = "--stream", paramLabel = "N", description = "only this TCP stream (tshark's tcp.stream)")
    int stream = -1;

    @Option(names = "--checksums", description = "verify IP/TCP/UDP/ICMP checksums and report them")
    boolean checksums;

    @Option(names = "--basic", description = "only tshark's per-packet fields (stream, relative seq/ack, window):"
            + " no analysis flags, states or transitions; faster")
    boolean basic;

    @Override
    public Integer call() throws IOException {
        PacketFilter filter = filter();
        PacketFormatter formatter = switch (format) {
            case jsonl -> new JsonlFormatter(checksums);
            case text -> new TextFormatter(checksums);
            case none -> null;
        };
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        analyzer.connectionAnalysis(!basic);
        analyzer.countConversations(false);
        long[] printed = {0};
        long start = System.nanoTime();
        FrameSource source = Inputs.open(file);
        ByteSink out = new ByteSink(new FileOutputStream(FileDescriptor.out), false);
        try (source) {
            try {
                analyzer.run(source, v -> {
                    if (formatter == null || !filter.matches(v.packet(), v.tcp())) {
                        return true;
                    }
                    formatter.format(v, out);
                    out.endLine();
                    return ++printed[0] < count;
                });
            } catch (CaptureFileException e) {
                out.flush();
                throw new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, e.getMessage()));
            }
        } finally {
            out.flush();
        }
        if (format == Format.none) {
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintStream err = System.err;
            err.printf("%d packets, %d TCP streams in %.3f s (%.0f packets/s)%n", analyzer.packets(),
                    analyzer.streams().streamCount(), seconds, analyzer.packets() / Math.max(seconds, 1e-9));
        }
        return ExitCodes.OK;
    }

    private PacketFilter filter() {
        if (protocol == null && host == null && port < 0 && stream < 0) {
            return PacketFilter.ALL;
        }
        int family = 0;
        long hi = 0;
        long lo = 0;
        if (host != null) {
            long[] a = Inputs.address(host);
            family = (int) a[0];
            hi = a[1];
            lo = a[2];
        }
        return new PacketFilter(protocol == null ? null : protocol.toLowerCase(java.util.Locale.ROOT), family, hi, lo, port, stream);
    }
}
