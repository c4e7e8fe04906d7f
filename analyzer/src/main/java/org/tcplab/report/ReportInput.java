package org.tcplab.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tcplab.analysis.ConnectionSummary;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.FrameSource;
import org.tcplab.model.Packet;
import org.tcplab.pipeline.CaptureAnalyzer;

/**
 * What a report is made from: every packet of the capture as a value, each TCP connection's
 * summary, the damage that stopped the reading early, if any (what came before is kept), and
 * the packets the capture says it dropped (-1 when it does not say).
 */
public record ReportInput(String name, List<Packet> packets, List<ConnectionSummary> connections, String damage,
                          long recordedDrops) {
    /** A report holds its packets in memory; past this many it asks for one stream instead. */
    public static final int MAX_PACKETS = 200_000;

    public ReportInput {
        packets = List.copyOf(packets);
        connections = List.copyOf(connections);
    }

    /** Thrown when the capture holds more than {@link #MAX_PACKETS} packets of interest. */
    public static final class TooLarge extends IOException {
        public TooLarge(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code source} to its end (or its damage). {@code stream} >= 0 keeps only that TCP stream's
     * packets; every packet is still analysed, so numbers and verdicts are the whole capture's.
     */
    public static ReportInput read(String name, FrameSource source, int stream) throws IOException {
        return read(name, source, stream, () -> false);
    }

    /** The same, stopping early (what was read is kept) once {@code stop} says so: Ctrl-C in the console. */
    public static ReportInput read(String name, FrameSource source, int stream, java.util.function.BooleanSupplier stop)
            throws IOException {
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        analyzer.countConversations(false);
        List<Packet> packets = new ArrayList<>();
        List<ConnectionSummary> conns = new ArrayList<>();
        String damage = null;
        try {
            analyzer.summarise(source, v -> {
                if (stream >= 0 && !(v.tcp().hasStream() && v.tcp().stream() == stream)) {
                    return !stop.getAsBoolean();
                }
                if (packets.size() >= MAX_PACKETS) {
                    throw new TooLarge(name + ": more than " + MAX_PACKETS
                            + " packets for one report; choose a connection with --stream N");
                }
                packets.add(Packet.of(v));
                return !stop.getAsBoolean();
            }, conns);
        } catch (CaptureFileException e) {
            damage = e.getMessage();
        }
        if (stream >= 0) {
            conns.removeIf(c -> c.stream() != stream);
        }
        return new ReportInput(name, packets, conns, damage, source.recordedDrops());
    }
}
