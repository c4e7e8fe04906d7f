package org.tcplab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;
import org.tcplab.capture.LinkTypes;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Inputs;
import org.tcplab.command.Io;
import org.tcplab.report.CaptureReport;
import org.tcplab.report.Conversation;
import org.tcplab.report.ReportBuilder;
import org.tcplab.report.ReportInput;
import org.tcplab.report.Sentence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "info", header = "Describe a capture file, as capinfos does: format, link types, packets, bytes, time span, and its health.",
        mixinStandardHelpOptions = true,
        description = {"The file's format and link types, its packets and bytes, the first and last time stamps and the",
                "span between them, its TCP streams and UDP and ICMP conversations, and the report's capture health:",
                "checksums left to offload, snap-length cuts, malformed packets, recorded drops, damage."},
        footer = {"", "Examples:", "  analyzer info samples/greeting.pcap"})
public final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "capture file (pcap or pcapng, optionally .gz)")
    String file;

    @Option(names = "--lang", paramLabel = "L", converter = Checked.Language.class, description = "en or zh (for the health sentences)")
    String lang;

    @Override
    public Integer call() throws IOException {
        Locale locale = Reports.locale(lang);
        Io io = Io.current();
        long packets = 0;
        long bytes = 0;
        long firstNanos = Long.MAX_VALUE;
        long lastNanos = Long.MIN_VALUE;
        TreeMap<Integer, Long> links = new TreeMap<>();
        int digits = 9;
        String format;
        String damage = null;
        // read twice (the facts, then the report's health): standard input is kept in a file
        String path = Inputs.rereadable(file);
        try (FrameSource source = Inputs.open(path)) {
            format = source.formatName();
            Frame f = new Frame();
            try {
                while (source.next(f)) {
                    io.cancel().check();
                    packets++;
                    bytes += f.originalLength();
                    links.merge(f.linkType(), 1L, Long::sum);
                    if (packets == 1) {
                        digits = f.timeDigits(); // times at the file's precision, as capinfos and read print them
                    }
                    if (f.hasTime()) {
                        long t = f.epochSeconds() * 1_000_000_000L + f.nanos();
                        firstNanos = Math.min(firstNanos, t);
                        lastNanos = Math.max(lastNanos, t);
                    }
                }
            } catch (CaptureFileException e) {
                damage = e.getMessage();
            }
        }
        PrintStream p = io.printer();
        p.printf("File:          %s%n", file);
        p.printf("Format:        %s%n", format);
        StringBuilder lt = new StringBuilder();
        links.forEach((k, n) -> lt.append(lt.length() == 0 ? "" : ", ").append(k).append(" (").append(LinkTypes.name(k))
                .append(links.size() > 1 ? ", " + n + " packets" : "").append(')'));
        p.printf("Link types:    %s%n", lt.length() == 0 ? "none" : lt);
        p.printf("Packets:       %d%n", packets);
        p.printf("Bytes:         %d (on the wire)%n", bytes);
        if (firstNanos <= lastNanos) {
            p.printf("First packet:  %s%n", Instant.ofEpochSecond(0, firstNanos));
            p.printf("Last packet:   %s%n", Instant.ofEpochSecond(0, lastNanos));
            long span = lastNanos - firstNanos;
            StringBuilder sb = new StringBuilder();
            org.tcplab.output.TimeFormat.appendOffset(sb, span, digits);
            p.printf("Time span:     %s s%n", sb);
        }
        if (packets <= ReportInput.MAX_PACKETS) {
            ReportInput in = Reports.read(path, file, -1, null);
            CaptureReport r = ReportBuilder.build(in, locale);
            int tcp = 0;
            int udp = 0;
            int icmp = 0;
            for (Conversation c : r.conversations()) {
                switch (c.kind()) {
                    case "tcp" -> tcp++;
                    case "udp" -> udp++;
                    case "icmp" -> icmp++;
                    default -> { } // a route traced: its probes are counted as what they are
                }
            }
            p.printf("Conversations: %d TCP, %d UDP, %d ICMP%n", tcp, udp, icmp);
            p.println("Health:");
            for (Sentence s : r.health()) {
                p.println("  * " + s.text());
            }
        } else {
            p.printf("Health:        not checked: more than %d packets (see 'report FILE --stream N')%n", ReportInput.MAX_PACKETS);
        }
        p.flush();
        if (damage != null) {
            throw new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, damage));
        }
        return ExitCodes.OK;
    }
}
