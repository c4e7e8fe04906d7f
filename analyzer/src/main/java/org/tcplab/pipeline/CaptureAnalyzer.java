package org.tcplab.pipeline;

import java.io.IOException;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;
import org.tcplab.conv.ConversationTable;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Layer;
import org.tcplab.decode.PacketDecoder;
import org.tcplab.tcp.TcpAnnotation;
import org.tcplab.tcp.TcpStreamTracker;

/**
 * One pass over a capture: decode, track TCP streams, count conversations, hand each packet to a
 * sink. The loop reuses one frame, one decoded view and one annotation, so it allocates nothing
 * per packet.
 */
public final class CaptureAnalyzer {
    private final PacketDecoder decoder = new PacketDecoder();
    private final TcpStreamTracker streams = new TcpStreamTracker();
    private final ConversationTable conversations = new ConversationTable();
    private final Frame frame = new Frame();
    private final DecodedPacket packet = new DecodedPacket();
    private final TcpAnnotation tcp = new TcpAnnotation();
    private long packets;
    private long firstSeconds;
    private int firstNanos;

    public ConversationTable conversations() {
        return conversations;
    }

    public TcpStreamTracker streams() {
        return streams;
    }

    /** Packets read so far. */
    public long packets() {
        return packets;
    }

    /** Epoch seconds of the first frame; time offsets are relative to it. */
    public long firstSeconds() {
        return firstSeconds;
    }

    public int firstNanos() {
        return firstNanos;
    }

    /**
     * Reads the source to its end, or until the sink says stop. A {@link org.tcplab.capture.CaptureFileException}
     * from the source propagates after every packet before it reached the sink.
     */
    public void run(FrameSource source, PacketSink sink) throws IOException {
        while (source.next(frame)) {
            if (!analyse(frame, sink)) {
                return;
            }
        }
    }

    /** Analyses one frame (from a file or a live capture). */
    public boolean analyse(Frame f, PacketSink sink) throws IOException {
        if (packets++ == 0) {
            firstSeconds = f.epochSeconds();
            firstNanos = f.nanos();
            streams.captureStart(firstSeconds * 1_000_000_000L + firstNanos);
        }
        decoder.decode(f, packet);
        streams.annotate(packet, f.epochSeconds() * 1_000_000_000L + f.nanos(), f.number(), f.originalLength(), tcp);
        long t = (f.epochSeconds() - firstSeconds) * 1_000_000_000L + (f.nanos() - firstNanos);
        Layer layer = packet.layer();
        // tshark counts a TCP conversation frame only once the whole header, options included, was
        // dissected: not for a short segment nor for options cut off by the snap length.
        if (layer == Layer.TCP && tcp.hasStream() && packet.hasSegmentLength()
                && packet.l4Captured() >= packet.tcpHeaderLength()) {
            conversations.addTcp(tcp.stream(), packet.ipVersion(), packet.srcHi(), packet.srcLo(), packet.sport(),
                    packet.dstHi(), packet.dstLo(), packet.dport(), f.originalLength(), t);
        }
        if (packet.hasOuterUdp()) {
            conversations.addUdp(packet.outerIpVersion(), packet.outerSrcHi(), packet.outerSrcLo(), packet.outerSport(),
                    packet.outerDstHi(), packet.outerDstLo(), packet.outerDport(), f.originalLength(), t);
        }
        if (layer == Layer.UDP && packet.udpLength() >= 8) {
            conversations.addUdp(packet.ipVersion(), packet.srcHi(), packet.srcLo(), packet.sport(),
                    packet.dstHi(), packet.dstLo(), packet.dport(), f.originalLength(), t);
        }
        return sink.accept(f, packet, tcp);
    }
}
