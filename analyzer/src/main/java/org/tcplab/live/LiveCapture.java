package org.tcplab.live;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;
import org.tcplab.capture.CaptureWriter;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;

/**
 * A live capture on one interface through libpcap: pcap4j opens and configures the handle (snap
 * length, buffer, immediate mode, nanosecond time stamps, BPF filter) and reads the statistics; a
 * dedicated thread reads packets ({@link NativePcap}) and does only what cannot wait: it appends
 * each packet to the capture file, if there is one, and queues a copy for {@link #next(Frame)} when
 * someone analyses the packets. Analysis and printing never hold up the kernel's buffer.
 *
 * <p>{@link #stop()} (from any thread) breaks libpcap's read, then the thread drains what libpcap
 * still holds: without immediate mode the kernel hands packets over in blocks, retired after the
 * read timeout, and a capture stopped before that would lose the last block (as tcpdump does when
 * killed right after a burst). So every packet captured before the stop reaches the file.
 */
public final class LiveCapture implements FrameSource {
    static final int READ_TIMEOUT_MS = 100;
    private static final long FLUSH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int QUEUE = 1 << 16;
    private static final CapturedPacket END = new CapturedPacket(new byte[0], 0, 0, 0);

    private final LiveCaptureOptions options;
    private final PcapHandle handle;
    private final int linkType;
    private final CaptureWriter writer;
    private final long limit;
    private final BlockingQueue<CapturedPacket> queue;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Exception failure;
    private volatile long captured;
    private boolean ended;
    private long numbered;
    private CaptureStats finalStats;

    private LiveCapture(LiveCaptureOptions options, PcapHandle handle, CaptureWriter writer, boolean deliver, long limit) {
        this.options = options;
        this.limit = limit;
        this.handle = handle;
        this.linkType = handle.getDlt().value();
        this.writer = writer;
        this.queue = deliver ? new ArrayBlockingQueue<>(QUEUE) : null;
        this.thread = new Thread(this::captureLoop, "pcap-capture");
        this.thread.setDaemon(true);
    }

    /**
     * Opens the interface and starts capturing at once.
     *
     * @param writer  the capture thread appends every packet here (may be null)
     * @param deliver also hand packets out through {@link #next(Frame)} / {@link #take()}
     * @param limit   stop after this many packets
     */
    public static LiveCapture start(LiveCaptureOptions options, WriterFactory writer, boolean deliver, long limit)
            throws CaptureFailure, IOException {
        PcapHandle handle = open(options);
        CaptureWriter w = null;
        try {
            if (writer != null) {
                w = writer.open(handle.getDlt().value(), options.snapLength());
            }
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        }
        LiveCapture c = new LiveCapture(options, handle, w, deliver, limit);
        c.thread.start();
        return c;
    }

    /** Creates the writer once the link type is known. */
    @FunctionalInterface
    public interface WriterFactory {
        CaptureWriter open(int linkType, int snapLength) throws IOException;
    }

    private static PcapHandle open(LiveCaptureOptions options) throws CaptureFailure {
        String name = options.interfaceName();
        Interfaces.requireExists(name);
        PcapHandle handle;
        try {
            handle = new PcapHandle.Builder(name)
                    .snaplen(options.snapLength())
                    .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(READ_TIMEOUT_MS)
                    .bufferSize(options.bufferBytes())
                    .immediateMode(options.immediate())
                    .timestampPrecision(PcapHandle.TimestampPrecision.NANO)
                    .build();
        } catch (PcapNativeException e) {
            throw Pcap.fromNative("cannot capture on", name, e.getMessage());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw Pcap.noLibpcap();
        }
        if (options.filter() != null && !options.filter().isBlank()) {
            try {
                handle.setFilter(options.filter(), BpfProgram.BpfCompileMode.OPTIMIZE);
            } catch (PcapNativeException | NotOpenException e) {
                handle.close();
                throw new CaptureFailure(CaptureFailure.Kind.BAD_FILTER, "invalid capture filter '" + options.filter()
                        + "': " + e.getMessage().replaceAll("\\s+", " ").trim() + " (see man pcap-filter)");
            }
        }
        return handle;
    }

    public LiveCaptureOptions options() {
        return options;
    }

    /** The interface's link type (LINKTYPE_ value; Ethernet on Linux loopback). */
    public int linkType() {
        return linkType;
    }

    @Override
    public int fileLinkType() {
        return linkType;
    }

    private void captureLoop() {
        NativePcap pcap = new NativePcap(handle);
        NativePcap.Packet meta = new NativePcap.Packet();
        byte[] buf = new byte[Math.max(options.snapLength(), 65536)];
        try {
            long flushed = System.nanoTime();
            long written = 0;
            while (true) {
                NativePcap.Result r = pcap.next(buf, meta);
                if (r == NativePcap.Result.PACKET) {
                    accept(buf, meta);
                    if (captured >= limit) {
                        stopping = true;
                        break;
                    }
                } else if (r == NativePcap.Result.STOPPED || stopping) {
                    break;
                }
                // what was captured a second ago is on its way to the file, not waited for (the
                // kernel may throttle the write): a capture killed with SIGKILL, which no handler
                // sees, loses little more than the last second
                if (writer != null && captured != written && System.nanoTime() - flushed > FLUSH_NANOS) {
                    writer.handOver();
                    written = captured;
                    flushed = System.nanoTime();
                }
            }
            // What libpcap still holds, including a block the kernel retires after the read timeout.
            pcap.setNonBlocking();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3L * READ_TIMEOUT_MS);
            while (captured < limit && System.nanoTime() < deadline) {
                NativePcap.Result r = pcap.next(buf, meta);
                if (r == NativePcap.Result.PACKET) {
                    accept(buf, meta);
                } else {
                    Thread.sleep(5);
                }
            }
            if (writer != null) {
                writer.flush();
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (queue != null) {
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void accept(byte[] buf, NativePcap.Packet m) throws IOException, InterruptedException {
        if (writer != null) {
            writer.write(m.seconds, m.nanos, buf, 0, m.capturedLength, m.originalLength);
        }
        if (queue != null) {
            queue.put(new CapturedPacket(java.util.Arrays.copyOf(buf, m.capturedLength), m.seconds, m.nanos, m.originalLength));
        }
        captured++;
    }

    /** Stops capturing; packets already captured are still written and delivered. Idempotent. */
    public void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        try {
            handle.breakLoop();
        } catch (NotOpenException e) {
            // already closed
        }
    }

    public boolean isStopping() {
        return stopping;
    }

    /** Packets read from libpcap so far. */
    public long captured() {
        return captured;
    }

    /** Waits until the capture thread has finished (after {@link #stop()}); rethrows its failure. */
    public void awaitEnd() throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while capturing");
        }
        if (failure != null) {
            throw new IOException("capture on " + options.interfaceName() + " failed: " + failure.getMessage(), failure);
        }
    }

    /** Waits up to {@code millis} for the capture thread to end. */
    public void awaitEndMillis(long millis) throws InterruptedException {
        thread.join(millis);
    }

    public boolean hasEnded() {
        return !thread.isAlive();
    }

    /** The next packet, waiting for one; null after {@link #stop()} once all are delivered. */
    public CapturedPacket take() throws IOException {
        if (ended || queue == null) {
            return null;
        }
        try {
            CapturedPacket p = queue.take();
            if (p == END) {
                ended = true;
                awaitEnd();
                return null;
            }
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while capturing");
        }
    }

    @Override
    public boolean next(Frame frame) throws IOException {
        CapturedPacket p = take();
        if (p == null) {
            return false;
        }
        frame.set(p.data(), 0, p.data().length, p.originalLength(), p.epochSeconds(), p.nanos(), linkType, 0, ++numbered);
        // the files this engine writes keep nanoseconds: print as read will print them
        frame.format(9, false);
        return true;
    }

    /** libpcap's counts now (or at close) with what the capture thread read. */
    public CaptureStats stats() {
        if (finalStats != null) {
            return finalStats;
        }
        try {
            PcapStat s = handle.getStats();
            return new CaptureStats(captured, s.getNumPacketsReceived(), s.getNumPacketsDropped(),
                    s.getNumPacketsDroppedByIf(), true);
        } catch (PcapNativeException | NotOpenException e) {
            return new CaptureStats(captured, 0, 0, 0, false);
        }
    }

    @Override
    public String formatName() {
        return "live capture on " + options.interfaceName();
    }

    /** Stops, waits for the capture thread, closes the file, takes the final statistics and closes the handle. */
    @Override
    public void close() throws IOException {
        stop();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            if (finalStats == null) {
                finalStats = stats();
            }
            handle.close();
        }
    }
}
