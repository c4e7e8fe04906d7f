package org.tcplab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tcplab.capture.CaptureInterface;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;
import org.tcplab.capture.LinkTypes;
import org.tcplab.capture.PcapNgFileWriter;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Inputs;
import org.tcplab.command.Io;
import org.tcplab.model.Packet;
import org.tcplab.model.PacketView;
import org.tcplab.model.TcplabFields;
import org.tcplab.output.PacketComments;
import org.tcplab.pipeline.CaptureAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "annotate", header = "Rewrite a capture as pcapng with each packet's analysis in its packet comments.", mixinStandardHelpOptions = true,
        description = {"Rewrite a capture as pcapng: every frame byte for byte, with its time stamp,",
                "lengths and interface. Each packet that has something to say gets pcapng packet",
                "comments (opt_comment, one per item), as Wireshark and tshark -e frame.comment",
                "show them: the comment it had, each endpoint's state change and why, tshark's",
                "analysis verdicts, the RST's cause and evidence, the frame an ACK acknowledges",
                "and the round-trip time. Frame numbers in comments are the input's; pcapng",
                "custom blocks are left out. The file is written beside OUT and moved over it at",
                "the end, also after a damaged input (with the frames before the damage);",
                "-o - writes it to standard output as it goes."},
        footer = {"", "Examples:", "  analyzer annotate samples/greeting.pcap -o /tmp/greeting.pcapng",
                "  tshark -r /tmp/greeting.pcapng -T fields -e frame.number -e frame.comment",
                "  analyzer annotate samples/greeting.pcap -o - | tshark -r - -T fields -e frame.comment"})
public final class AnnotateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "capture file (pcap or pcapng, optionally .gz), or - for standard input")
    String file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.pcapng", required = true,
            description = "the pcapng file to write (- for standard output)")
    Path output;

    /** Interfaces of the input written so far, the output's section and its first interface. */
    private int written;
    private int section;
    private int sectionBase;
    private long packets;
    private long commented;

    @Override
    public Integer call() throws IOException {
        OutputPaths.checkFile(output);
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        analyzer.countConversations(false);
        Failure failure = null;
        // "-o -" streams to standard output as it goes; a file is written beside OUT and moved over it
        boolean streamed = OutputPaths.isStandardOutput(output);
        java.io.OutputStream stdout = streamed ? OutputPaths.standardOutput("-o") : null;
        OutputFile target = streamed ? null : OutputFile.of(output);
        try (FrameSource source = Inputs.open(file)) {
            PcapNgFileWriter out = create(target, stdout);
            if (target != null && !target.writtenThrough()) {
                target.path().toFile().deleteOnExit(); // interrupted: no stray file
            }
            boolean done = false;
            try {
                try {
                    analyzer.run(source, v -> write(source, out, v));
                } catch (IOException e) {
                    // damage in the input (writing fails with a Failure): keep what came before it
                    failure = new Failure(ExitCodes.BAD_INPUT, Inputs.prefix(file, e.getMessage()));
                }
                try {
                    describeInterfaces(source, out); // the ones no packet used
                    out.close();
                } catch (IOException e) {
                    throw OutputPaths.cannotWrite(output, e);
                }
                done = true;
            } finally {
                if (!done) {
                    closeQuietly(out);
                    if (target != null) {
                        target.abandon();
                    }
                }
            }
            if (target != null) {
                target.commit();
            }
        }
        // the count is not part of the capture on standard output
        PrintStream out = streamed ? Io.current().err() : Io.current().printer();
        out.println((streamed ? "standard output" : output) + ": " + packets + " packets, " + commented + " with comments");
        if (failure != null) {
            throw failure;
        }
        return ExitCodes.OK;
    }

    private PcapNgFileWriter create(OutputFile target, java.io.OutputStream stdout) {
        try {
            return target == null ? new PcapNgFileWriter(stdout) : new PcapNgFileWriter(target.path());
        } catch (IOException e) {
            throw OutputPaths.cannotWrite(output, e);
        }
    }

    private boolean write(FrameSource source, PcapNgFileWriter out, PacketView v) {
        Frame f = v.frame();
        if (f.linkType() == LinkTypes.PCAPNG_CUSTOM_BLOCK) {
            return true; // not a packet; its data belongs to the application that wrote it
        }
        // the per-packet value only where the analysis may have something to say
        List<String> comments = TcplabFields.ANALYSED_FIELD.present(v) ? PacketComments.of(Packet.of(v))
                : f.hasComment() ? List.of(PacketComments.original(f.comment())) : List.of();
        try {
            describeInterfaces(source, out);
            int id = f.interfaceId() - sectionBase;
            if (!f.hasTime() && comments.isEmpty() && simpleKeepsLength(f, source.interfaces().get(f.interfaceId()))) {
                // a simple packet block has no time stamp, as the input's had none (tshark shows no time)
                out.writeSimple(f.data(), f.offset(), f.capturedLength(), f.originalLength());
            } else {
                out.write(id, f.epochSeconds(), f.nanos(), f.data(), f.offset(), f.capturedLength(), f.originalLength(), comments);
            }
        } catch (IOException e) {
            throw OutputPaths.cannotWrite(output, e);
        }
        packets++;
        if (!comments.isEmpty()) {
            commented++;
        }
        return true;
    }

    /**
     * Writes the input's interfaces not yet written, each in a section of its own number, so that a
     * packet keeps its interface id (tshark's frame.interface_id counts within a section).
     */
    private void describeInterfaces(FrameSource source, PcapNgFileWriter out) throws IOException {
        List<CaptureInterface> all = source.interfaces();
        for (; written < all.size(); written++) {
            CaptureInterface itf = all.get(written);
            while (section < itf.section()) {
                out.newSection();
                section++;
                sectionBase = written;
            }
            out.addInterface(itf.linkType(), itf.snapLength(), itf.name(), null, timeDigits(itf));
        }
    }

    /** The input's resolution when it is 10^-k for k up to 9 (exact, and near-2^64 time stamps still fit), else 10^-9. */
    private static int timeDigits(CaptureInterface itf) {
        long u = 1;
        for (int k = 0; k <= 9; k++, u *= 10) {
            if (u == itf.unitsPerSecond()) {
                return k;
            }
        }
        return 9;
    }

    /** A reader takes a simple packet block's captured length from the original length, snap length and block (pcapng §4.4). */
    private static boolean simpleKeepsLength(Frame f, CaptureInterface itf) {
        long read = Math.min(f.originalLength(), (f.capturedLength() + 3) & ~3);
        if (itf.snapLength() > 0) {
            read = Math.min(read, itf.snapLength());
        }
        return read == f.capturedLength();
    }

    private static void closeQuietly(PcapNgFileWriter out) {
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            // the first failure is the one reported
        }
    }
}
