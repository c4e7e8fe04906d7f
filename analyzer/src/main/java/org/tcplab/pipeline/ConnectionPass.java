package org.tcplab.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.tcplab.analysis.ConnectionAnnotation;
import org.tcplab.analysis.ConnectionSummary;
import org.tcplab.analysis.ConnectionTracker;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;
import org.tcplab.conv.IcmpAnnotation;
import org.tcplab.conv.IcmpEchoes;
import org.tcplab.conv.UdpAnnotation;
import org.tcplab.conv.UdpStreams;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.PacketDecoder;
import org.tcplab.tcp.TcpAnnotation;
import org.tcplab.tcp.TcpSegment;
import org.tcplab.tcp.TcpStreamTracker;

/**
 * The connection pass of {@code conns}: every TCP segment through the stream tracker and the
 * connection analysis, nothing printed per packet. Reading, decoding and the stream numbering run
 * in a second thread, a batch ahead of the connection analysis in the calling thread, so that the
 * two halves of the work use two cores. The numbering depends only on the segments before it, in
 * capture order; the analysis never reads it (a connection keeps its own endpoints). With the
 * numbering in the calling thread that thread did four fifths of the work on the million-connection
 * capture while the other waited. Batches are reused: the pass allocates nothing per packet.
 *
 * <p>{@link #asRead} makes the pass {@code read --format none}'s: every frame decoded whole, UDP
 * streams numbered, ICMP echo replies matched, every state change recorded, as the one-thread pass of {@code read} does for
 * each packet it prints, only with nothing to print.
 *
 * <p>The order of segments is the capture's. A damaged file ends the pass after every segment
 * read before the damage was tracked, then the error propagates, as in {@link CaptureAnalyzer#run}.
 */
public final class ConnectionPass {
    static final int BATCH = 4096;
    static final int BATCHES = 8;

    private final TcpStreamTracker streams;
    private final ConnectionTracker connections;
    private final int batchSize;
    /** Read's pass: null for conns's, which decodes only what the TCP header needs. */
    private final UdpStreams udp;
    private final IcmpEchoes echoes;
    private final ConnectionAnnotation analysis = new ConnectionAnnotation();
    private long firstTimeNanos = Long.MIN_VALUE;
    /** Frames read, written by the decoding thread and read after it is joined. */
    private long frames;
    private volatile BooleanSupplier stop = () -> false;

    public ConnectionPass(ConnectionTracker connections) {
        this(connections, BATCH);
    }

    ConnectionPass(ConnectionTracker connections, int batchSize) {
        this(connections, batchSize, null, null);
        // no packet is printed: the summaries need the states, not each change
        connections.recordTransitions(false);
    }

    ConnectionPass(ConnectionTracker connections, int batchSize, UdpStreams udp, IcmpEchoes echoes) {
        this.connections = connections;
        this.streams = connections.streams();
        this.batchSize = batchSize;
        this.udp = udp;
        this.echoes = echoes;
    }

    /** {@code read --format none}: the analysis read does for every packet, on two cores, nothing printed. */
    public static ConnectionPass asRead(ConnectionTracker connections, UdpStreams udp, IcmpEchoes echoes) {
        return new ConnectionPass(connections, BATCH, udp, echoes);
    }

    /**
     * Asked by both threads, the decoding one every {@link #BATCH} frames (a capture of UDP alone
     * fills no batch of TCP segments): true ends the pass there (Ctrl-C in the console). It must be
     * safe to ask from another thread.
     */
    public void stopWhen(BooleanSupplier stop) {
        this.stop = stop;
    }

    /** Frames read by {@link #run}. */
    public long frames() {
        return frames;
    }

    public TcpStreamTracker streams() {
        return streams;
    }

    /** Runs the pass and adds one summary per connection to {@code rows}, in stream order. */
    public void summarise(FrameSource source, List<ConnectionSummary> rows) throws IOException {
        summarise(source, (Consumer<ConnectionSummary>) rows::add);
    }

    /**
     * Runs the pass and hands one summary per connection to {@code rows}, in stream order, while
     * the capture is read: connections are summarised as they finish (or idle out, or are evicted
     * by the cap) and their state freed, and each summary goes on as soon as no lower stream is
     * still open. After a damaged part, what was read before it is summarised, then the error
     * propagates.
     */
    public void summarise(FrameSource source, Consumer<ConnectionSummary> rows) throws IOException {
        connections.summarise(rows, () -> run(source));
    }

    /** Capture time of the first frame (epoch nanoseconds), or 0 when none was read. */
    public long firstTimeNanos() {
        return firstTimeNanos == Long.MIN_VALUE ? 0 : firstTimeNanos;
    }

    public void run(FrameSource source) throws IOException {
        BlockingQueue<SegmentBatch> empty = new ArrayBlockingQueue<>(BATCHES);
        BlockingQueue<SegmentBatch> full = new ArrayBlockingQueue<>(BATCHES);
        for (int i = 0; i < BATCHES; i++) {
            empty.add(new SegmentBatch(batchSize));
        }
        Thread decoder = new Thread(() -> decode(source, empty, full), "decode");
        decoder.setDaemon(true);
        decoder.start();
        boolean stopped = false;
        try {
            while (true) {
                SegmentBatch b = full.take();
                if (b.firstFrameNanos != Long.MIN_VALUE) {
                    firstTimeNanos = b.firstFrameNanos;
                    connections.captureStart(firstTimeNanos);
                }
                for (int i = 0; i < b.count; i++) {
                    connections.analyse(b.segments[i], b.annotations[i], analysis);
                }
                if (b.last) {
                    WorkerThreads.rethrow(b.failure);
                    return;
                }
                if (stop.getAsBoolean()) {
                    stopped = true;
                    return;
                }
                empty.put(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            // the source is closed by our caller, and the numbering read after the pass: the
            // decoding thread must be done with both first (the join makes its writes seen)
            decoder.interrupt();
            // stopped early, it may be blocked reading a pipe, which no interrupt wakes: a second, then it is left to the exit
            WorkerThreads.join(decoder, stopped ? 1_000_000_000L : Long.MAX_VALUE);
        }
    }

    private void decode(FrameSource source, BlockingQueue<SegmentBatch> empty, BlockingQueue<SegmentBatch> full) {
        Frame frame = new Frame();
        DecodedPacket packet = new DecodedPacket();
        PacketDecoder decoder = new PacketDecoder();
        UdpAnnotation udpStream = new UdpAnnotation();
        IcmpAnnotation echo = new IcmpAnnotation();
        SegmentBatch b = null;
        try {
            b = empty.take();
            b.clear();
            while (true) {
                if (!source.next(frame)) {
                    b.last = true;
                    full.put(b);
                    return;
                }
                long time = frame.epochSeconds() * 1_000_000_000L + frame.nanos();
                if (frames++ == 0) {
                    b.firstFrameNanos = time;
                }
                if (frames % BATCH == 0 && stop.getAsBoolean()) {
                    b.last = true;
                    full.put(b);
                    return;
                }
                TcpSegment segment = b.segments[b.count];
                boolean tcp;
                if (udp != null) {
                    decoder.decode(frame, packet);
                    tcp = segment.fill(packet, time, frame.number(), frame.originalLength());
                    udp.annotate(packet, udpStream);
                    echoes.annotate(packet, time, frame.number(), echo);
                } else {
                    tcp = segment.fillCommon(frame.data(), frame.offset(), frame.capturedLength(),
                            frame.originalLength(), frame.linkType(), time, frame.number());
                    if (!tcp) {
                        decoder.decode(frame, packet);
                        tcp = segment.fill(packet, time, frame.number(), frame.originalLength());
                    }
                }
                if (tcp) {
                    streams.annotate(segment, b.annotations[b.count]);
                    b.count++;
                }
                if (b.count == b.segments.length) {
                    full.put(b);
                    b = empty.take();
                    b.clear();
                }
            }
        } catch (InterruptedException e) {
            // the tracking thread stopped first
        } catch (IOException | RuntimeException | Error e) {
            if (b != null) {
                b.failure = e instanceof Error err ? new RuntimeException(err) : (Exception) e;
                b.last = true;
                full.offer(b);
            }
        }
    }

}
