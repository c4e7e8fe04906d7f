package org.tcplab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
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
import org.tcplab.filter.DisplayFilter;
import org.tcplab.model.Field;
import org.tcplab.model.Fields;
import org.tcplab.output.ByteSink;
import org.tcplab.output.DetailFormatter;
import org.tcplab.output.FieldsFormatter;
import org.tcplab.output.JsonlFormatter;
import org.tcplab.output.PacketFormatter;
import org.tcplab.output.PacketSeparator;
import org.tcplab.output.TextFormatter;
import org.tcplab.pipeline.CaptureAnalyzer;
import org.tcplab.pipeline.PacketPrinter;
import org.tcplab.pipeline.ConnectionPass;
import org.tcplab.pipeline.TwoCorePass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "read", header = "Print every packet of a capture with tshark's analysis, both endpoints' states and why they changed.", version = "analyzer 0.1.0",
        description = {"Read a pcap or pcapng file (also gzip-compressed) and print every packet with its annotations:",
                "relative and raw seq/ack, TCP stream, flags, payload length, window, analysis, states."},
        footer = {"", "Examples:", "  analyzer read samples/greeting.pcap -A",
                "  analyzer read samples/greeting.pcap -Y 'tcp.flags.syn == 1 || tcp.flags.fin == 1'",
                "  analyzer read samples/segment.pcap -T fields -e tcp.seq -e tcp.ack -e tcp.len",
                "  analyzer read samples/rst-refused.pcap -V -x",
                "  analyzer read samples/exchange.pcap --format jsonl --payload"})
public final class ReadCommand implements Callable<Integer> {
    enum Format { text, jsonl, csv, none }

    @Parameters(paramLabel = "FILE", description = "capture file (pcap or pcapng, optionally .gz), or - for standard input")
    String file;

    @Option(names = "--format", description = "text (default), jsonl (one JSON object per packet), csv (a fixed set of columns),"
            + " none (analyse only; print a summary to stderr)")
    Format format = Format.text;

    @Option(names = {"-Y", "--display-filter"}, paramLabel = "FILTER",
            description = "only packets that pass this display filter (Wireshark syntax), e.g. 'tcp.port == 80 and not tcp.analysis.retransmission'")
    String displayFilter;

    @Option(names = "-T", paramLabel = "fields", description = "'fields': print the fields given with -e, as tshark -T fields does")
    String type;

    @Option(names = "-e", paramLabel = "FIELD", description = "a field to print with -T fields (repeat for more), e.g. -e tcp.seq -e tcp.ack")
    List<String> fieldNames = new ArrayList<>();

    @Option(names = "-E", paramLabel = "OPTION", description = "-T fields options as tshark has them: header=y, separator=, (or /t /s),"
            + " occurrence=f|l|a|N, aggregator=C, quote=d|s|n")
    List<String> fieldOptions = new ArrayList<>();

    // picocli's standard help options would take -V for the version: tshark's -V is the details
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Option(names = "-V", description = "print each packet's details, layer by layer (as tshark -V)")
    boolean details;

    @Option(names = "-x", description = "add the hex and ASCII dump of each packet (as tshark -x)")
    boolean hex;

    @Option(names = "-A", description = "print each packet's payload as text under its line (as tcpdump -A)")
    boolean payloadText;

    @Option(names = "--payload", description = "with --format jsonl: add the payload as hex (payload) and as text (payload_text)")
    boolean payload;

    @Option(names = {"-w", "--write"}, paramLabel = "OUT", description = "write the packets that pass the filters to OUT"
            + " (pcapng if it ends in .pcapng, else pcap; - for standard output, pcap) instead of printing them, as tshark -r IN -Y FILTER -w OUT")
    java.nio.file.Path write;

    @Option(names = {"-c", "--count"}, paramLabel = "N", converter = Checked.Count.class, description = "stop after printing N packets")
    long count = Long.MAX_VALUE;

    @Option(names = "--proto", paramLabel = "P", converter = Checked.Protocol.class,
            description = "only packets of this protocol: tcp, udp, icmp, icmpv6, ip, ipv4, ipv6, arp")
    String protocol;

    @Option(names = "--host", paramLabel = "ADDR", description = "only packets from or to this IP address")
    String host;

    @Option(names = "--port", paramLabel = "N", converter = Checked.FilterPort.class, description = "only packets from or to this TCP/UDP port")
    int port = -1;

    @Option(names = "--stream", paramLabel = "N", converter = Checked.StreamIndex.class, description = "only this TCP stream (tshark's tcp.stream)")
    int stream = -1;

    @Option(names = "--checksums", description = "verify IP/TCP/UDP/ICMP checksums and report them")
    boolean checksums;

    @Option(names = "--basic", description = "only tshark's per-packet fields (stream, relative seq/ack, window):"
            + " no analysis flags, states or transitions; faster")
    boolean basic;

    /** The columns of --format csv. */
    static final List<String> CSV = List.of("frame.number", "frame.time_relative", "tcplab.src", "tcplab.sport", "tcplab.dst",
            "tcplab.dport", "tcplab.proto", "frame.len", "tcp.stream", "tcplab.flags", "tcp.seq", "tcp.ack",
            "tcplab.payload_len", "tcp.window_size", "tcplab.analysis", "tcplab.state.client", "tcplab.state.server");

    @Override
    public Integer call() throws IOException {
        PacketFilter filter = filter();
        DisplayFilter display = Filters.compile(displayFilter);
        Io io = Io.current();
        Cancellation cancel = io.cancel();
        ByteSink out = new ByteSink(io.out(), false);
        PacketFormatter formatter = write != null ? null : formatter(out);
        FilteredWriter writer = write == null ? null : FilteredWriter.create(write);
        if (formatter != null && (details || hex)) {
            boolean fields = formatter instanceof FieldsFormatter;
            formatter = new PacketSeparator(formatter, details || (hex && !fields), hex && !details);
        }
        PacketFormatter print = formatter;
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        analyzer.connectionAnalysis(!basic);
        analyzer.countConversations(false);
        analyzer.displayFilter(display);
        long[] printed = {0};
        long[] packets = {-1};
        long[] passed = {0};
        long start = System.nanoTime();
        try (FrameSource source = Inputs.open(file)) {
            if (print == null && writer == null && display == null && !basic) {
                // nothing printed: reading, decoding and the numbering on one core, the connection
                // analysis on the other (what the one-thread pass does for each packet, in two halves)
                ConnectionPass pass = ConnectionPass.asRead(analyzer.connections(), analyzer.udpStreams(), analyzer.echoes());
                pass.stopWhen(cancel::isCancelled);
                try {
                    pass.run(source);
                } finally {
                    packets[0] = pass.frames();
                }
            } else if (print != null && display == null) {
                // printing every packet, printing is most of the work: the analysis goes to the other
                // core, and some of the printing too when this thread falls behind
                PacketFormatter ahead = print.copy();
                printed[0] = TwoCorePass.print(analyzer, source, printer(print, filter), ahead == null ? null : printer(ahead, filter),
                        out, count, cancel::isCancelled);
            } else {
                PacketPrinter line = print == null ? null : printer(print, filter);
                analyzer.run(source, v -> {
                    passed[0]++; // only what the display filter passes reaches here
                    if (writer != null && filter.matches(v.packet(), v.tcp())) {
                        writer.write(v.frame());
                    } else if (line != null && line.print(v, out)) {
                        out.flushIfFull();
                    } else {
                        return !cancel.isCancelled();
                    }
                    return ++printed[0] < count && !cancel.isCancelled();
                });
            }
        } catch (CaptureFileException e) {
            if (writer != null) {
                writer.finish(); // what came before the damage is kept
            }
            throw new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, e.getMessage()));
        } catch (RuntimeException | IOException e) {
            if (writer != null) {
                writer.abandon();
            }
            throw e;
        } finally {
            out.flush();
        }
        if (writer != null) {
            if (cancel.isCancelled()) {
                writer.abandon();
            } else {
                writer.finish();
                io.err().println((OutputPaths.isStandardOutput(write) ? "standard output" : write) + ": " + printed[0] + " packets");
            }
        }
        cancel.check();
        if (format == Format.none && type == null) {
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintStream err = io.err();
            long n = packets[0] >= 0 ? packets[0] : analyzer.packets();
            err.printf("%d packets%s, %d TCP streams in %.3f s (%.0f packets/s)%n", n,
                    display == null ? "" : " (" + passed[0] + " passed the display filter)",
                    analyzer.streams().streamCount(), seconds, n / Math.max(seconds, 1e-9));
        }
        return ExitCodes.OK;
    }

    /** Each packet the filter passes, formatted on a line of its own. */
    private static PacketPrinter printer(PacketFormatter f, PacketFilter filter) {
        return (v, out) -> {
            if (!filter.matches(v.packet(), v.tcp())) {
                return false;
            }
            f.format(v, out);
            out.put('\n');
            return true;
        };
    }

    /** The formatter the options ask for (null: analyse only), after checking that they go together. */
    private PacketFormatter formatter(ByteSink out) {
        if (type != null && !type.equals("fields") && !type.equals("text") && !type.equals("jsonl")) {
            throw new Failure(ExitCodes.USAGE, "-T " + type + ": expected fields (or text, jsonl)");
        }
        if (type != null && format != Format.text && !type.equals(format.name())) {
            // both choose the output: taking one silently would print what the user did not ask for
            throw new Failure(ExitCodes.USAGE, "-T " + type + " and --format " + format + " both choose the output: give one");
        }
        if ("fields".equals(type) || (type == null && format == Format.csv)) {
            if (details || payloadText || payload || hex) {
                throw new Failure(ExitCodes.USAGE, "-T fields and --format csv print fields only: drop -V, -x, -A and --payload");
            }
            FieldsFormatter.Options options = FieldsFormatter.Options.DEFAULT;
            List<String> names = fieldNames;
            if (type == null) {
                if (!fieldNames.isEmpty()) {
                    throw new Failure(ExitCodes.USAGE, "--format csv has its own columns: use -T fields -E separator=, for others");
                }
                names = CSV;
                options = new FieldsFormatter.Options(true, ',', ';', 0, '"');
            } else if (fieldNames.isEmpty()) {
                throw new Failure(ExitCodes.USAGE, "-T fields needs at least one -e FIELD (e.g. -e frame.number -e tcp.seq)");
            }
            for (String o : fieldOptions) {
                try {
                    options = options.with(o);
                } catch (IllegalArgumentException e) {
                    throw new Failure(ExitCodes.USAGE, e.getMessage());
                }
            }
            List<Field> fields = new ArrayList<>();
            for (String n : names) {
                Field f = Fields.byName(n);
                if (f == null) {
                    String close = Fields.closest(n);
                    throw new Failure(ExitCodes.USAGE, "-e " + n + ": unknown field" + (close == null ? "" : "; did you mean " + close + "?"));
                }
                fields.add(f);
            }
            FieldsFormatter f = new FieldsFormatter(fields, options);
            if (options.header()) {
                f.header(out);
                out.put('\n');
            }
            return f;
        }
        if (!fieldNames.isEmpty() || !fieldOptions.isEmpty()) {
            throw new Failure(ExitCodes.USAGE, "-e and -E go with -T fields");
        }
        Format f = "jsonl".equals(type) ? Format.jsonl : "text".equals(type) ? Format.text : format;
        if (details) {
            if (f != Format.text) {
                throw new Failure(ExitCodes.USAGE, "-V prints packet details as text: it does not go with --format " + f);
            }
            return new DetailFormatter(hex);
        }
        if (hex && f != Format.text) {
            // a dump between JSON lines would break them; --payload puts the bytes inside the object
            throw new Failure(ExitCodes.USAGE, "-x prints a hex dump as text: it does not go with --format " + f
                    + (f == Format.jsonl ? " (--payload adds the payload as hex)" : ""));
        }
        if (payload && f != Format.jsonl) {
            throw new Failure(ExitCodes.USAGE, "--payload goes with --format jsonl (for text, -A prints the payload)");
        }
        if (payloadText && f != Format.text) {
            throw new Failure(ExitCodes.USAGE, "-A goes with text output (for JSONL, --payload adds the payload)");
        }
        return switch (f) {
            case jsonl -> new JsonlFormatter(checksums, payload);
            case text -> new TextFormatter(checksums, payloadText, true);
            case none, csv -> null;
        };
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
