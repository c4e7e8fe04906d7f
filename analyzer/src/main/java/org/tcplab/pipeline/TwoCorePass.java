package org.tcplab.pipeline;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;
import org.tcplab.model.PacketView;
import org.tcplab.output.ByteSink;
import org.tcplab.tcp.TcpSegment;

/**
 * A printing pass ({@link CaptureAnalyzer#run} with a sink that prints every packet) on two cores.
 * A second thread reads each frame, copies its bytes into a batch of views of its own, decodes and
 * analyses it there, a batch ahead of the calling thread, which prints. Batches are reused, so the
 * pass allocates nothing per packet; each frame's bytes are copied once, into its batch.
 *
 * <p>Printing is the larger half (text, JSONL), so when the calling thread falls behind (at least
 * {@link #AHEAD_WHEN} analysed batches wait for it) and a second printer is given, the reading
 * thread prints the batch it has just analysed itself, into the batch's own buffer, and the calling
 * thread only writes those bytes out: the two threads share the printing as the queue between them
 * says. One thread analyses every packet in capture order and every batch is written out in order,
 * so the output is the one-thread pass's, byte for byte, whichever thread printed what.
 *
 * <p>With a display filter, analysing in the calling thread after decoding in the other was slower
 * than one thread (2.61 s against 2.12 s for -Y on the benchmark capture, measured, as the views'
 * copies cross between the cores); that pass stays in {@link CaptureAnalyzer#run}. With nothing
 * printed no view is needed, and {@link ConnectionPass#asRead} hands only the TCP segments and
 * their numbering across, as {@code conns} does.
 *
 * <p>What the source gave before a damaged part is printed, then the source's error propagates, as
 * from {@link CaptureAnalyzer#run}. When the limit is reached or {@code stop} says so, reading stops.
 */
public final class TwoCorePass {
    static final int BATCH = 512;
    static final int BATCHES = 8;
    /** Bytes of frames per batch: about 512 of 2 KB; a larger frame gets an arena of its own size. */
    static final int ARENA = 1 << 20;
    /** Batches waiting for the calling thread from which on the reading thread prints too. */
    static final int AHEAD_WHEN = 2;

    /** When the reading thread prints a batch itself, given how many wait and which batch it is (0, 1, …). */
    @FunctionalInterface
    interface AheadRule {
        boolean printAhead(int waiting, long batch);
    }

    private final int batch;
    private final AheadRule rule;
    /** Batches the reading thread has passed on (its own count). */
    private long handed;

    TwoCorePass(int batch, AheadRule rule) {
        this.batch = batch;
        this.rule = rule;
    }

    /**
     * Prints every packet {@code analyzer} passes with {@code printer} in the calling thread, into
     * {@code out}, at most {@code limit} of them; {@code ahead} (or null) prints in the reading thread.
     * Both must print a packet the same way, each with state of its own. Returns how many it printed.
     */
    public static long print(CaptureAnalyzer analyzer, FrameSource source, PacketPrinter printer, PacketPrinter ahead,
            ByteSink out, long limit, BooleanSupplier stop) throws IOException {
        return new TwoCorePass(BATCH, (waiting, b) -> waiting >= AHEAD_WHEN).run(analyzer, source, printer, ahead, out, limit, stop);
    }

    long run(CaptureAnalyzer analyzer, FrameSource source, PacketPrinter printer, PacketPrinter ahead,
            ByteSink out, long limit, BooleanSupplier stop) throws IOException {
        BlockingQueue<Batch> empty = new ArrayBlockingQueue<>(BATCHES);
        BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
        for (int i = 0; i < BATCHES; i++) {
            empty.add(new Batch(batch, ahead != null));
        }
        Thread reader = new Thread(() -> read(analyzer, source, ahead, empty, full), "read");
        reader.setDaemon(true);
        reader.start();
        long printed = 0;
        try {
            while (true) {
                Batch b = full.take();
                if (b.printed) {
                    if (b.lines < limit - printed) {
                        out.putBlock(b.text.bytes(), 0, b.text.length());
                        printed += b.lines;
                    } else {
                        out.putBlock(b.text.bytes(), 0, b.end(limit - printed));
                        return limit;
                    }
                    if (stop.getAsBoolean()) {
                        return printed;
                    }
                } else {
                    for (int i = 0; i < b.count; i++) {
                        if (printer.print(b.views[i], out)) {
                            out.flushIfFull();
                            if (++printed >= limit) {
                                return printed;
                            }
                        }
                        if (stop.getAsBoolean()) {
                            return printed;
                        }
                    }
                }
                if (b.last) {
                    WorkerThreads.rethrow(b.failure);
                    return printed;
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

    private void read(CaptureAnalyzer analyzer, FrameSource source, PacketPrinter ahead,
            BlockingQueue<Batch> empty, BlockingQueue<Batch> full) {
        Frame frame = new Frame();
        Batch b = null;
        try {
            b = empty.take();
            b.clear();
            while (true) {
                if (!source.next(frame)) {
                    b.last = true;
                    hand(b, ahead, full);
                    return;
                }
                int need = frame.copySize();
                if (b.used + need > b.arena.length) {
                    if (b.count > 0) {
                        hand(b, ahead, full);
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
                if (++b.count == batch) {
                    hand(b, ahead, full);
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

    /** Passes an analysed batch on, printed first when the calling thread is behind. */
    private void hand(Batch b, PacketPrinter ahead, BlockingQueue<Batch> full) throws InterruptedException {
        if (ahead != null && rule.printAhead(full.size(), handed)) {
            b.print(ahead);
        }
        handed++;
        full.put(b);
    }

    /** Views of up to a batch of packets, their TCP headers, and their frames' bytes. */
    private static final class Batch {
        final PacketView[] views;
        /** The reading thread's TCP headers; the calling thread needs only the views. */
        final TcpSegment[] segments;
        byte[] arena = new byte[ARENA];
        int count;
        int used;
        boolean last;
        Exception failure;
        /** The views as printed by the reading thread, when {@link #printed}. */
        final ByteSink text;
        /** Where each printed packet's output ends in {@link #text}, in order. */
        final int[] ends;
        int lines;
        boolean printed;

        Batch(int size, boolean printable) {
            views = new PacketView[size];
            segments = new TcpSegment[size];
            for (int i = 0; i < size; i++) {
                views[i] = new PacketView();
                segments[i] = new TcpSegment();
            }
            text = printable ? new ByteSink() : null;
            ends = printable ? new int[size] : null;
        }

        void clear() {
            count = 0;
            used = 0;
            printed = false;
        }

        void print(PacketPrinter p) {
            text.clear();
            lines = 0;
            for (int i = 0; i < count; i++) {
                if (p.print(views[i], text)) {
                    ends[lines++] = text.length();
                }
            }
            printed = true;
        }

        /** Where the first {@code n} printed packets' output ends ({@code n} at most {@link #lines}). */
        int end(long n) {
            return n <= 0 ? 0 : ends[(int) n - 1];
        }
    }
}
