package org.tcplab.capture;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;

/**
 * Appends to a file through direct-memory chunks handed to a writer thread. The caller copies a
 * record once into the current chunk; the writer thread copies chunks into the page cache with
 * FileChannel (no further copies, unlike a BufferedOutputStream over FileOutputStream).
 *
 * <p>Why a thread: when the page cache holds much unwritten data, the kernel stalls the process
 * writing it (dirty-page throttling) for up to seconds. A capture thread that wrote the file itself
 * would stop reading packets and the kernel would drop them; measured on a 2 GiB loopback
 * transfer, 0 to 470,000 drops depending on what earlier runs left to write back. Here up to
 * {@link #MAX_CHUNKS} chunks (256 MiB) wait in memory instead.
 */
final class FileOutput implements AutoCloseable {
    static final int CHUNK = 4 << 20;
    static final int MAX_CHUNKS = 64;

    private final WritableByteChannel channel;
    private final Thread writer;
    private final ArrayDeque<ByteBuffer> full = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    private int allocated;
    private int inFlight;
    private boolean closing;
    private IOException failure;
    private ByteBuffer current;

    FileOutput(Path path) throws IOException {
        this(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE));
    }

    /** Into a stream ({@code -w -}: the command's standard output); closing the output closes it. */
    FileOutput(java.io.OutputStream stream) {
        this(java.nio.channels.Channels.newChannel(stream));
    }

    private FileOutput(WritableByteChannel channel) {
        this.channel = channel;
        current = newChunk();
        writer = new Thread(this::writeLoop, "capture-file-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private ByteBuffer newChunk() {
        allocated++;
        return ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The buffer to put the next {@code n} bytes in; hands the current chunk over when it is full. */
    ByteBuffer room(int n) throws IOException {
        if (n > CHUNK) {
            throw new IOException("record of " + n + " bytes is larger than a write chunk");
        }
        if (current.remaining() < n) {
            submit();
        }
        return current;
    }

    void write(byte[] b, int off, int len) throws IOException {
        room(len).put(b, off, len);
    }

    private synchronized void submit() throws IOException {
        check();
        current.flip();
        full.addLast(current);
        inFlight++;
        notifyAll();
        while (free.isEmpty() && allocated >= MAX_CHUNKS) {
            await();
        }
        current = free.isEmpty() ? newChunk() : free.pollFirst();
        current.clear();
    }

    private void writeLoop() {
        while (true) {
            ByteBuffer b;
            synchronized (this) {
                while (full.isEmpty() && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (full.isEmpty()) {
                    return;
                }
                b = full.pollFirst();
            }
            IOException error = null;
            try {
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            } catch (IOException e) {
                error = e;
            }
            synchronized (this) {
                if (error != null && failure == null) {
                    failure = error;
                }
                free.addLast(b);
                inFlight--;
                notifyAll();
            }
        }
    }

    private void check() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    private void await() throws IOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    /**
     * Hands what is buffered to the writer thread when that thread is idle, without waiting for it
     * to reach the file. While it is still writing (the kernel may be throttling it), the data waits
     * for a full chunk as before: a stalled writer never costs the capture its slack of chunks.
     */
    synchronized void handOver() throws IOException {
        if (current.position() > 0 && inFlight == 0) {
            submit();
        }
    }

    /** Returns once everything given so far is in the file (for readers of a capture in progress). */
    synchronized void flush() throws IOException {
        if (current.position() > 0) {
            submit();
        }
        while (inFlight > 0) {
            await();
        }
        check();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            synchronized (this) {
                closing = true;
                notifyAll();
            }
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            channel.close();
        }
    }
}
