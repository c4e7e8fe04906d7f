package org.tcplab.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A large reusable buffer over a channel. Records are parsed in place; {@link #request(int)}
 * compacts and refills only when a record would cross the end of what is buffered.
 */
final class ChannelInput implements AutoCloseable {
    static final int DEFAULT_SIZE = 1 << 20;
    /** The largest block we agree to buffer; beyond this a length field is taken as corrupt. */
    static final int MAX_RECORD = 64 << 20;

    private final ReadableByteChannel channel;
    /** Set for a regular file: read through memory-mapped windows instead. */
    private final MappedFile mapped;
    byte[] buf;
    int pos;
    int limit;
    private long bufferStartOffset;
    private boolean eof;

    ChannelInput(ReadableByteChannel channel, int size) {
        this.channel = channel;
        this.mapped = null;
        this.buf = new byte[size];
    }

    ChannelInput(MappedFile file, int size) {
        this.channel = null;
        this.mapped = file;
        this.buf = new byte[size];
    }

    /** True when {@code n} bytes from {@link #pos} are buffered; false if the input ends first. */
    boolean request(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (n > buf.length) {
            byte[] bigger = new byte[Math.max(n, buf.length * 2)];
            System.arraycopy(buf, pos, bigger, 0, limit - pos);
            buf = bigger;
            bufferStartOffset += pos;
            limit -= pos;
            pos = 0;
        } else if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufferStartOffset += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit - pos < n && !eof) {
            int r = mapped != null ? mapped.read(buf, limit, buf.length - limit)
                    : channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit));
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }

    int available() {
        return limit - pos;
    }

    /** Offset in the file of the byte at {@link #pos}. */
    long fileOffset() {
        return bufferStartOffset + pos;
    }

    @Override
    public void close() throws IOException {
        if (mapped != null) {
            mapped.close();
        } else {
            channel.close();
        }
    }
}
