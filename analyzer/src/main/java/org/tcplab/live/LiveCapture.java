package org.tcplab.live;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.RawPacketListener;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;

/**
 * A live capture on one interface through libpcap (pcap4j). A dedicated thread does nothing but
 * take each packet's bytes, time stamp and original length from libpcap and queue them, so that
 * analysing or writing never holds up the kernel's buffer; {@link #next(Frame)} hands them out in
 * order, which makes a live capture a {@link FrameSource} like a file.
 *
 * <p>Stopping ({@link #stop()}, from any thread) breaks libpcap's loop, then drains what libpcap
 * still holds (without immediate mode the kernel hands packets over in blocks, retired after the
 * read timeout), so every packet the kernel captured before the stop is delivered.
 */
public final class LiveCapture implements FrameSource {
    static final int READ_TIMEOUT_MS = 100;
    private static final int QUEUE = 1 << 16;
    private static final CapturedPacket END = new CapturedPacket(new byte[0], 0, 0, 0);

    private final LiveCaptureOptions options;
    private final PcapHandle handle;
    private final int linkType;
    private final BlockingQueue<CapturedPacket> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Exception failure;
    private boolean ended;
    private long delivered;
    private long numbered;
    private CaptureStats finalStats;

    private LiveCapture(LiveCaptureOptions options, PcapHandle handle) {
        this.options = options;
        this.handle = handle;
        this.linkType = handle.getDlt().value();
        this.thread = new Thread(this::captureLoop, "pcap-capture");
        this.thread.setDaemon(true);
    }

    /** Opens the interface and starts capturing at once. */
    public static LiveCapture start(LiveCaptureOptions options) throws CaptureFailure {
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
        LiveCapture c = new LiveCapture(options, handle);
        c.thread.start();
        return c;
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
        RawPacketListener listener = bytes -> {
            Timestamp ts = handle.getTimestamp();
            Integer orig = handle.getOriginalLength();
            CapturedPacket p = new CapturedPacket(bytes, Math.floorDiv(ts.getTime(), 1000L), ts.getNanos(),
                    orig == null ? bytes.length : orig);
            try {
                queue.put(p);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            handle.loop(-1, listener);
        } catch (InterruptedException e) {
            // breakLoop(): the normal way to stop
        } catch (PcapNativeException | NotOpenException e) {
            if (!stopping) {
                failure = e;
            }
        }
        try {
            drain(listener);
        } catch (RuntimeException | PcapNativeException | NotOpenException | InterruptedException e) {
            if (failure == null && !stopping) {
                failure = e;
            }
        }
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After the loop: what libpcap still holds, including a block the kernel retires on its timeout. */
    private void drain(RawPacketListener listener) throws PcapNativeException, NotOpenException, InterruptedException {
        if (!handle.isOpen()) {
            return;
        }
        handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3L * READ_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            int n = handle.dispatch(-1, listener);
            if (n <= 0) {
                Thread.sleep(10);
            }
        }
    }

    /** Stops capturing; packets already captured are still delivered by {@link #next(Frame)}. Idempotent. */
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

    /** The next packet, waiting for one; null after {@link #stop()} once all are delivered. */
    public CapturedPacket take() throws IOException {
        if (ended) {
            return null;
        }
        try {
            CapturedPacket p = queue.take();
            if (p == END) {
                ended = true;
                if (failure != null) {
                    throw new IOException("capture on " + options.interfaceName() + " failed: " + failure.getMessage());
                }
                return null;
            }
            delivered++;
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
        return true;
    }

    /** libpcap's counts now (or at close); {@code captured} counts what was delivered. */
    public CaptureStats stats() {
        if (finalStats != null) {
            return finalStats;
        }
        try {
            PcapStat s = handle.getStats();
            return new CaptureStats(delivered, s.getNumPacketsReceived(), s.getNumPacketsDropped(),
                    s.getNumPacketsDroppedByIf(), true);
        } catch (PcapNativeException | NotOpenException e) {
            return new CaptureStats(delivered, 0, 0, 0, false);
        }
    }

    @Override
    public String formatName() {
        return "live capture on " + options.interfaceName();
    }

    /** Stops, waits for the capture thread, takes the final statistics and closes the handle. */
    @Override
    public void close() {
        stop();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (finalStats == null) {
            finalStats = stats();
        }
        handle.close();
    }
}
