package org.tcplab.pipeline;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;
import org.tcplab.model.PacketView;
import org.tcplab.tcp.TcpSegment;

/**
 * {@link CaptureAnalyzer#run} on two cores. A second thread reads each frame, copies its bytes
 * into a batch of views of its own and decodes it there, a batch ahead of the calling thread; the
 * calling thread hands each view to the sink. Batches are reused, so the pass allocates nothing
 * per packet; each frame's bytes are copied once, into its batch.
 *
 * <p>For a sink that prints every packet (text, JSONL, fields), where printing is the larger
 * half: the second thread also analyses, and the calling thread only prints. One thread analyses
 * every packet in capture order, so the output is the one-thread pass's, byte for byte. (With a
 * display filter, or nothing printed, analysing in the calling thread after decoding in the other
 * was slower than one thread: 2.61 s against 2.12 s for -Y on the benchmark capture, measured, as
 * the views' copies cross between the cores; those passes stay in {@link CaptureAnalyzer#run}.)
 *
 * <p>The sink sees every packet the source gave before a damaged part, then the source's error
 * propagates, as from {@link CaptureAnalyzer#run}. When the sink says stop, reading stops.
 */
public final class TwoCorePass {
    static final int BATCH = 512;
    static final int BATCHES = 8;
    /** Bytes of frames per batch: about 512 of 2 KB; a larger frame gets an arena of its own size. */
    static final int ARENA = 1 << 20;

    private TwoCorePass() {
    }

    /** Runs {@code analyzer} over {@code source}, {@code sink} in the calling thread. */
    public static void run(CaptureAnalyzer analyzer, FrameSource source, PacketSink sink) throws IOException {
        BlockingQueue<Batch> empty = new ArrayBlockingQueue<>(BATCHES);
        BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
        for (int i = 0; i < BATCHES; i++) {
            empty.add(new Batch());
        }
        Thread reader = new Thread(() -> read(analyzer, source, empty, full), "read");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Batch b = full.take();
                for (int i = 0; i < b.count; i++) {
                    if (!sink.accept(b.views[i])) {
                        return;
                    }
                }
                if (b.last) {
                    WorkerThreads.rethrow(b.failure);
                    return;
                }
                empty.put(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            // the source is closed by our caller: the reading thread must be done with it first
            reader.interrupt();
            // a read from a pipe cannot be woken: a reader still blocked there after a second is left
            // to the exit (a daemon), for a stop must not wait for input that may never come
            WorkerThreads.join(reader, 1_000_000_000L);
        }
    }

    private static void read(CaptureAnalyzer analyzer, FrameSource source, BlockingQueue<Batch> empty, BlockingQueue<Batch> full) {
        Frame frame = new Frame();
        Batch b = null;
        try {
            b = empty.take();
            b.clear();
            while (true) {
                if (!source.next(frame)) {
                    b.last = true;
                    full.put(b);
                    return;
                }
                int need = frame.copySize();
                if (b.used + need > b.arena.length) {
                    if (b.count > 0) {
                        full.put(b);
                        b = empty.take();
                        b.clear();
                    }
                    if (need > b.arena.length) {
                        b.arena = new byte[need];
                    }
                }
                PacketView v = b.views[b.count];
                TcpSegment s = b.segments[b.count];
                int start = b.used;
                b.used = frame.copyInto(v.frame(), b.arena, start);
                analyzer.decode(v, s);
                if (!analyzer.annotate(v, s)) {
                    b.used = start; // filtered out: its place is taken by the next
                    continue;
                }
                if (++b.count == BATCH) {
                    full.put(b);
                    b = empty.take();
                    b.clear();
                }
            }
        } catch (InterruptedException e) {
            // the printing thread stopped first
        } catch (IOException | RuntimeException | Error e) {
            if (b != null) {
                b.failure = e instanceof Error err ? new RuntimeException(err) : (Exception) e;
                b.last = true;
                full.offer(b);
            }
        }
    }

    /** Views of up to {@link #BATCH} packets, their TCP headers, and their frames' bytes. */
    private static final class Batch {
        final PacketView[] views = new PacketView[BATCH];
        /** The reading thread's TCP headers; the calling thread needs only the views. */
        final TcpSegment[] segments = new TcpSegment[BATCH];
        byte[] arena = new byte[ARENA];
        int count;
        int used;
        boolean last;
        Exception failure;

        Batch() {
            for (int i = 0; i < BATCH; i++) {
                views[i] = new PacketView();
                segments[i] = new TcpSegment();
            }
        }

        void clear() {
            count = 0;
            used = 0;
        }
    }
}
