package org.tcplab.output;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Writes rows (the connection summaries of {@code conns}) in the order they are added, while they
 * are still being made: each chunk of rows is formatted and written by one helper thread, so the
 * thread that makes the rows (the connection analysis) only hands them over. A few chunks at most
 * are in flight, so the rows waiting to be written stay bounded however long the table is. A
 * table of fewer rows than a chunk is written by the caller at {@link #close()}, without a thread.
 */
public final class RowWriter<T> implements AutoCloseable {
    /** Rows per chunk: large enough that handing a chunk over costs nothing next to formatting it. */
    static final int CHUNK = 1024;
    private static final int IN_FLIGHT = 4;

    private final LineOutput out;
    private final BiConsumer<ByteSink, T> format;
    /** Where a chunk is formatted, as bytes, before it is written: used by one thread at a time. */
    private final ByteSink block = new ByteSink();
    private final int chunk;
    private List<T> rows;
    private ExecutorService helper;
    private final ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();

    /** Rows go to {@code out}, which nothing else may write to until {@link #close()} returns. */
    public RowWriter(LineOutput out, BiConsumer<ByteSink, T> format) {
        this(out, format, CHUNK);
    }

    RowWriter(LineOutput out, BiConsumer<ByteSink, T> format, int chunk) {
        this.out = out;
        this.format = format;
        this.chunk = chunk;
        this.rows = new ArrayList<>(Math.min(chunk, 64));
    }

    /** Adds a row; formatting it (whole lines ending in '\n', as UTF-8) may happen later, on the helper. */
    public void add(T row) throws IOException {
        rows.add(row);
        if (rows.size() == chunk) {
            handOver();
        }
    }

    private void handOver() throws IOException {
        if (helper == null) {
            helper = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "format");
                t.setDaemon(true);
                return t;
            });
        }
        while (inFlight.size() >= IN_FLIGHT) {
            await(inFlight.poll());
        }
        List<T> batch = rows;
        rows = new ArrayList<>(chunk);
        inFlight.add(helper.submit(() -> {
            formatAll(batch);
            return null;
        }));
    }

    private void formatAll(List<T> batch) throws IOException {
        ByteSink b = block;
        for (T row : batch) {
            format.accept(b, row);
            if (b.length() >= ByteSink.FLUSH_AT) {
                out.write(b.bytes(), 0, b.length());
                b.clear();
            }
        }
        out.write(b.bytes(), 0, b.length());
        b.clear();
    }

    /** Waits for every chunk in flight, writes the rest; after it the caller may write to the output again. */
    @Override
    public void close() throws IOException {
        try {
            while (!inFlight.isEmpty()) {
                await(inFlight.poll());
            }
            formatAll(rows);
            rows.clear();
        } finally {
            if (helper != null) {
                helper.shutdownNow();
            }
        }
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            // the helper's failure as if the caller's thread had hit it (an OutOfMemoryError keeps its own message)
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
