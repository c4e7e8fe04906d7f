package org.tcplab.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Writes a list of rows (the connection summaries of {@code conns}) in their order, formatting them on
 * two threads: the caller formats even chunks straight into the output while a helper formats the
 * odd ones into blocks of bytes. A table printed at the end of a run is otherwise formatted by
 * one core while the other, done with the capture, idles.
 */
public final class RowWriter {
    /** Rows per chunk: large enough that handing a chunk over costs nothing next to formatting it. */
    static final int CHUNK = 1024;

    private RowWriter() {
    }

    /** Appends each row, whole lines ending in '\n', to {@code out} in the list's order. */
    public static <T> void write(LineOutput out, List<T> rows, BiConsumer<StringBuilder, T> format) throws IOException {
        write(out, rows, format, CHUNK);
    }

    static <T> void write(LineOutput out, List<T> rows, BiConsumer<StringBuilder, T> format, int chunk) throws IOException {
        int n = rows.size();
        if (n <= chunk) {
            for (T row : rows) {
                format.accept(out.builder(), row);
                out.flushIfFull();
            }
            return;
        }
        ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "format");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int from = 0; from < n; from += 2 * chunk) {
                int mid = Math.min(from + chunk, n);
                int to = Math.min(mid + chunk, n);
                Future<byte[]> odd = mid < to ? helper.submit(() -> block(rows, mid, to, format)) : null;
                for (int i = from; i < mid; i++) {
                    format.accept(out.builder(), rows.get(i));
                    out.flushIfFull();
                }
                if (odd != null) {
                    out.write(odd.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            // the helper's failure as if the caller's thread had hit it (an OutOfMemoryError keeps its own message)
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            helper.shutdownNow();
        }
    }

    private static <T> byte[] block(List<T> rows, int from, int to, BiConsumer<StringBuilder, T> format) {
        StringBuilder sb = new StringBuilder((to - from) * 256);
        for (int i = from; i < to; i++) {
            format.accept(sb, rows.get(i));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
