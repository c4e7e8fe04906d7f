package org.tcplab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.tcplab.analysis.ConnectionSummary;
import org.tcplab.analysis.ConnectionTracker;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.FrameSource;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Filters;
import org.tcplab.command.Inputs;
import org.tcplab.command.Io;
import org.tcplab.filter.DisplayFilter;
import org.tcplab.output.ConnectionTableFormatter;
import org.tcplab.output.LineOutput;
import org.tcplab.pipeline.CaptureAnalyzer;
import org.tcplab.pipeline.ConnectionPass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "conns", header = "Summarise every TCP connection: traffic, options, closing, states, Zeek's conn_state and history.", mixinStandardHelpOptions = true,
        description = {"Summarise every TCP connection: endpoints, duration, packets and bytes each way, handshake,",
                "negotiated options, who closed and how, final states of both sides, Zeek's conn_state and history,",
                "retransmissions, duplicate ACKs, zero windows, out-of-order segments and ACK RTTs."})
public final class ConnsCommand implements Callable<Integer> {
    enum Format { text, jsonl }

    @Parameters(paramLabel = "FILE", description = "capture file (pcap or pcapng), or - for standard input")
    String file;

    @Option(names = "--format", description = "text (a table, default) or jsonl (one object per connection)")
    Format format = Format.text;

    @Option(names = "--max-tracked", paramLabel = "N", converter = Checked.Positive.class, description = "connections analysed at once; beyond, the oldest is summarised early (default ${DEFAULT-VALUE})")
    int maxTracked = 1 << 20;

    @Option(names = {"-Y", "--display-filter"}, paramLabel = "FILTER",
            description = "only the connections with at least one packet that passes this display filter")
    String displayFilter;

    @Option(names = "--zeek-checksums", description = {"judge TCP checksums as zeek -r does without -C: a segment"
            + " with a wrong checksum is a 'c' in the history and Zeek's view skips it (off by default, as for zeek -C:"
            + " a capture on the sending host usually holds checksums the NIC had yet to fill)"})
    boolean zeekChecksums;


    /**
     * The command for {@code conns} arguments that need no parser: one file (or -) and, in any
     * order, {@code --format F} and {@code --max-tracked N}, with a space or '='. Null for anything
     * else (help, a bad value, an unknown option), which picocli then reads and reports. The
     * launcher takes this path to skip building picocli's model; ConnsArgumentsTest pins that it
     * reads every such command line as picocli does.
     */
    static ConnsCommand plainArguments(String[] args) {
        if (args.length < 2 || args.length > 6 || !"conns".equals(args[0])) {
            return null;
        }
        ConnsCommand c = new ConnsCommand();
        boolean format = false;
        boolean max = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            boolean inline = a.startsWith("--") && eq > 0; // --name=value
            String name = inline ? a.substring(0, eq) : a;
            if (name.equals("--format") || name.equals("--max-tracked")) {
                String value;
                if (inline) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return null;
                }
                if (name.equals("--format") && !format) {
                    format = true;
                    if (value.equalsIgnoreCase("text")) {
                        c.format = Format.text;
                    } else if (value.equalsIgnoreCase("jsonl")) {
                        c.format = Format.jsonl;
                    } else {
                        return null;
                    }
                } else if (name.equals("--max-tracked") && !max && isCount(value) && Integer.parseInt(value) >= 1) {
                    max = true;
                    c.maxTracked = Integer.parseInt(value);
                } else {
                    return null;
                }
            } else if (c.file == null && (a.equals("-") || !a.startsWith("-"))) {
                c.file = a;
            } else {
                return null;
            }
        }
        return c.file == null ? null : c;
    }

    /** One to nine decimal digits: an int without sign or overflow. */
    private static boolean isCount(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public Integer call() throws IOException {
        DisplayFilter filter = Filters.compile(displayFilter);
        Failure failure = null;
        // the filter and Zeek's checksums need the one-thread analysis; else conns' two-thread pass
        CaptureAnalyzer analyzer = filter == null && !zeekChecksums ? null : new CaptureAnalyzer();
        ConnectionTracker connections = analyzer == null ? new ConnectionTracker() : analyzer.connections();
        connections.maxTracked(maxTracked);
        // a file that cannot be opened fails here, in one line, before anything is printed
        FrameSource opened = Inputs.open(file);
        // rows are printed as connections retire, in stream order, while the capture is read
        try (LineOutput out = new LineOutput(Io.current().out(), false);
             FrameSource source = opened;
             ConnectionTableFormatter.Rows rows = format == Format.text ? ConnectionTableFormatter.text(out)
                     : ConnectionTableFormatter.jsonl(out)) {
            if (analyzer == null) {
                new ConnectionPass(connections).summarise(source, rows);
            } else {
                filtered(analyzer, source, filter, rows);
            }
        } catch (CaptureFileException e) {
            failure = new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, e.getMessage()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (connections.evictedEarly() > 0) {
            Io.current().err().printf("conns: %d connections were summarised early: more than %d open at once (--max-tracked)%n",
                    connections.evictedEarly(), maxTracked);
        }
        if (failure != null) {
            throw failure;
        }
        return ExitCodes.OK;
    }

    /** The one-thread analysis with the filter: the summaries of the streams that had a packet passing it. */
    private void filtered(CaptureAnalyzer analyzer, FrameSource source, DisplayFilter filter, Consumer<ConnectionSummary> rows)
            throws IOException {
        analyzer.countConversations(false);
        analyzer.zeekChecksums(zeekChecksums);
        analyzer.displayFilter(filter);
        // a connection retires after its last packet, so its stream's bit is set by then
        java.util.BitSet matched = new java.util.BitSet();
        analyzer.summarise(source, v -> {
            if (v.tcp().hasStream()) {
                matched.set(v.tcp().stream());
            }
            return true;
        }, (Consumer<ConnectionSummary>) c -> {
            if (matched.get(c.stream())) {
                rows.accept(c);
            }
        });
    }
}
