package org.tcplab.pipeline;

import java.io.IOException;
import org.tcplab.analysis.ConnectionAnnotation;
import org.tcplab.analysis.ConnectionTracker;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;
import org.tcplab.conv.ConversationTable;
import org.tcplab.conv.IcmpEchoes;
import org.tcplab.conv.UdpStreams;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Layer;
import org.tcplab.decode.PacketDecoder;
import org.tcplab.model.PacketView;
import org.tcplab.tcp.TcpAnnotation;
import org.tcplab.tcp.TcpSegment;
import org.tcplab.tcp.TcpStreamTracker;

/**
 * One pass over a capture in one thread: decode, number TCP streams, analyse connections, count
 * conversations, hand each packet to a sink. The loop reuses one view (frame, decoded headers,
 * annotations), so it allocates nothing per packet.
 */
public final class CaptureAnalyzer {
    private final PacketDecoder decoder = new PacketDecoder();
    private final TcpStreamTracker streams = new TcpStreamTracker();
    private final ConnectionTracker connections = new ConnectionTracker(streams);
    private final ConversationTable conversations = new ConversationTable();
    private final UdpStreams udpStreams = new UdpStreams();
    private final IcmpEchoes echoes = new IcmpEchoes();
    private final PacketView view = new PacketView();
    private final TcpSegment segment = new TcpSegment();
    private boolean connectionAnalysis = true;
    private boolean zeekChecksums;
    private org.tcplab.filter.DisplayFilter filter;
    private boolean countConversations = true;
    private long packets;
    private long previous;
    private long firstSeconds;
    private int firstNanos;

    public ConversationTable conversations() {
        return conversations;
    }

    public TcpStreamTracker streams() {
        return streams;
    }

    /** The echo replies matched to their requests. */
    public IcmpEchoes echoes() {
        return echoes;
    }

    /** tshark's udp.stream numbering. */
    public UdpStreams udpStreams() {
        return udpStreams;
    }

    public ConnectionTracker connections() {
        return connections;
    }

    /**
     * Off: only tshark's per-packet fields (stream, relative numbers, window), without the
     * sequence analysis, the endpoint states and the summaries: the fast path for reading.
     */
    /**
     * Judge each TCP checksum as Zeek does unless run with -C: a segment whose checksum is wrong,
     * or holds only the pseudo-header sum (offload), is a 'C' in Zeek's history and nothing else.
     */
    public void zeekChecksums(boolean on) {
        this.zeekChecksums = on;
    }

    public void connectionAnalysis(boolean on) {
        this.connectionAnalysis = on;
    }

    /**
     * Only packets that pass the display filter reach the sink and the conversation table (as
     * tshark -Y does); every packet is still analysed, so streams and verdicts are the capture's.
     */
    public void displayFilter(org.tcplab.filter.DisplayFilter filter) {
        this.filter = filter;
    }

    /** Off: no conversation table (a pass that prints packets only). */
    public void countConversations(boolean on) {
        this.countConversations = on;
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

    /** Epoch nanoseconds of the first frame, 0 before it. */
    public long firstTimeNanos() {
        return packets == 0 ? 0 : firstSeconds * 1_000_000_000L + firstNanos;
    }

    /**
     * Reads the source to its end, or until the sink says stop. A {@link org.tcplab.capture.CaptureFileException}
     * from the source propagates after every packet before it reached the sink.
     */
    public void run(FrameSource source, PacketSink sink) throws IOException {
        Frame frame = view.frame();
        while (source.next(frame)) {
            if (!analyseCurrent(sink)) {
                return;
            }
        }
    }

    /** Analyses one frame (from a file or a live capture): copied into the view, then as {@link #run} does. */
    public boolean analyse(Frame f, PacketSink sink) throws IOException {
        view.frame().copyFrom(f);
        return analyseCurrent(sink);
    }

    private boolean analyseCurrent(PacketSink sink) throws IOException {
        decode(view, segment);
        return !annotate(view, segment) || sink.accept(view);
    }

    /**
     * The first half of a packet's analysis, which needs only the packets before it to have been
     * decoded (the times, IP reassembly): decodes {@code v}'s frame into {@code v}, and its TCP
     * header into {@code s}. {@link #annotate} must follow, in the same order of packets.
     */
    void decode(PacketView v, TcpSegment s) {
        Frame f = v.frame();
        DecodedPacket packet = v.packet();
        long time = v.timeNanos();
        if (packets++ == 0) {
            firstSeconds = f.epochSeconds();
            firstNanos = f.nanos();
            connections.captureStart(time);
            previous = time;
        }
        v.setFirst(firstSeconds, firstNanos);
        v.setPrevious(previous);
        if (f.linkType() != org.tcplab.capture.LinkTypes.PCAPNG_CUSTOM_BLOCK) {
            // tshark's frame.time_delta counts from the previous packet (a simple packet block's
            // missing time stamp as 0), not from a custom block
            previous = time;
        }
        v.changed();
        decoder.decode(f, packet);
        if (s.fill(packet, time, f.number(), f.originalLength()) && zeekChecksums) {
            org.tcplab.decode.ChecksumStatus c = org.tcplab.decode.Checksums.transport(packet);
            s.checksumBad(c == org.tcplab.decode.ChecksumStatus.BAD || c == org.tcplab.decode.ChecksumStatus.OFFLOAD);
            s.ipChecksumBad(packet.ipVersion() == 4
                    && org.tcplab.decode.Checksums.ipv4Header(packet) == org.tcplab.decode.ChecksumStatus.BAD);
        }
    }

    /**
     * The second half, in capture order: streams, the connection analysis, UDP streams, into
     * {@code v}'s annotations. True when the packet passes the display filter (and was counted in
     * the conversations): it is then for the sink.
     */
    boolean annotate(PacketView v, TcpSegment s) {
        TcpAnnotation tcp = v.tcp();
        streams.annotate(s, tcp);
        ConnectionAnnotation conn = v.connection();
        if (connectionAnalysis) {
            connections.analyse(s, tcp, conn);
        } else {
            conn.reset();
        }
        udpStreams.annotate(v.packet(), v.udp());
        echoes.annotate(v.packet(), v.timeNanos(), v.frame().number(), v.icmp());
        if (filter != null && !filter.test(v)) {
            return false;
        }
        if (countConversations) {
            count(v.frame(), v.packet(), tcp, v.relativeNanos());
        }
        return true;
    }

    /** A display filter is set: only some packets go on to the sink. */
    boolean filters() {
        return filter != null;
    }

    private void count(Frame f, DecodedPacket packet, TcpAnnotation tcp, long t) {
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
    }

    /**
     * Runs the pass and adds one summary per connection to {@code rows}, in stream order: as they
     * finish (or idle out, or are evicted by the cap), and at the end every one still held, also
     * after a damaged part of the file, before its error propagates.
     */
    public void summarise(FrameSource source, PacketSink sink, java.util.List<org.tcplab.analysis.ConnectionSummary> rows)
            throws IOException {
        summarise(source, sink, (java.util.function.Consumer<org.tcplab.analysis.ConnectionSummary>) rows::add);
    }

    /** The same, handing each summary on as soon as no lower stream is still open (ConnectionPass#summarise). */
    public void summarise(FrameSource source, PacketSink sink,
                          java.util.function.Consumer<org.tcplab.analysis.ConnectionSummary> rows) throws IOException {
        connections.summarise(rows, () -> run(source, sink));
    }
}
