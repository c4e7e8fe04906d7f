package org.tcplab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Inputs;
import org.tcplab.command.Io;
import org.tcplab.report.CaptureReport;
import org.tcplab.report.HtmlReport;
import org.tcplab.report.JsonReport;
import org.tcplab.report.PlainReport;
import org.tcplab.report.ReportBuilder;
import org.tcplab.report.ReportInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", header = "Explain every connection of a capture for a lab report: handshake, data, segmentation, teardown, RST, with the arithmetic.",
        mixinStandardHelpOptions = true,
        description = {"A coursework report on each TCP connection, UDP conversation and ICMP exchange: tables of",
                "the segments with relative and raw numbers and both endpoints' states, the seq/ack arithmetic in",
                "words, the ACK that covers each data segment, how a write was cut into segments, the teardown,",
                "why each RST was sent and what the application saw, the capture's health, and a ladder diagram.",
                "--format html adds the ladder as a picture and the time-sequence graph, in one file that prints on A4;",
                "--format pdf is that page printed on A4 by headless Chromium (apt-get install chromium)."},
        footer = {"", "Examples:", "  analyzer report samples/greeting.pcap",
                "  analyzer report samples/segment.pcap --format html -o segment.html",
                "  analyzer report samples/rst-refused.pcap --lang zh --format md",
                "  analyzer report samples/greeting.pcap -o greeting.pdf"})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "capture file (pcap or pcapng, optionally .gz), or - for standard input")
    String file;

    @Option(names = "--stream", paramLabel = "N", converter = Checked.StreamIndex.class, description = "only TCP stream N (tshark's tcp.stream)")
    Integer stream;

    @Option(names = "--format", paramLabel = "F", converter = Checked.ReportFormat.class,
            description = "text (default; html when -o ends in .html, md for .md, json for .json, pdf for .pdf), md, html, json or pdf")
    String format;

    @Option(names = "--lang", paramLabel = "L", converter = Checked.Language.class,
            description = "en or zh (Simplified Chinese); default: the locale's language when it is one of them, else en")
    String lang;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write the report to OUT instead of standard output")
    Path output;

    @Override
    public Integer call() throws IOException {
        String fmt = format != null ? format : byExtension(output);
        Locale locale = Reports.locale(lang);
        if (output != null) {
            OutputPaths.checkFile(output);
        } else if (fmt.equals("pdf") && (!Io.current().isProcess() || System.console() != null)) {
            // a PDF's bytes on a terminal (or the console's screen) are noise that can upset it
            throw new Failure(ExitCodes.USAGE, "not writing a PDF to a terminal: give -o FILE.pdf (or pipe it)");
        }
        ReportInput in = Reports.read(file, displayName(file), stream == null ? -1 : stream, null);
        if (stream != null && in.packets().isEmpty() && in.damage() == null) {
            throw new Failure(ExitCodes.USAGE, "no TCP stream " + stream + " in " + file);
        }
        CaptureReport report = ReportBuilder.build(in, locale);
        byte[] bytes = switch (fmt) {
            case "md" -> PlainReport.markdown(report, locale).getBytes(StandardCharsets.UTF_8);
            case "html" -> HtmlReport.render(report, locale).getBytes(StandardCharsets.UTF_8);
            case "json" -> JsonReport.render(report, locale).getBytes(StandardCharsets.UTF_8);
            case "pdf" -> ChromiumPdf.print(HtmlReport.render(report, locale), locale.getLanguage());
            default -> PlainReport.text(report, locale).getBytes(StandardCharsets.UTF_8);
        };
        if (output == null) {
            OutputStream out = Io.current().out();
            out.write(bytes);
            out.flush();
        } else {
            OutputPaths.write(output, bytes);
        }
        if (in.damage() != null) {
            throw new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, in.damage()));
        }
        return ExitCodes.OK;
    }

    private static String displayName(String file) {
        if ("-".equals(file)) {
            return "standard input";
        }
        Path name = Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }

    static String byExtension(Path output) {
        if (output == null) {
            return "text";
        }
        String n = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".html") || n.endsWith(".htm")) {
            return "html";
        }
        if (n.endsWith(".md")) {
            return "md";
        }
        if (n.endsWith(".json")) {
            return "json";
        }
        if (n.endsWith(".pdf")) {
            return "pdf";
        }
        return "text";
    }
}
