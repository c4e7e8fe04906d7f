package org.tcplab.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Writes classic pcap (little-endian, microsecond or nanosecond time stamps), keeping each
 * packet's original length beside its captured length.
 */
public final class PcapFileWriter implements CaptureWriter {
    private final FileOutput out;
    private final boolean nanos;

    public PcapFileWriter(Path path, int linkType, int snapLength, boolean nanos) throws IOException {
        this(new FileOutput(path), linkType, snapLength, nanos);
    }

    /** The same into a stream: the command's standard output for {@code -w -}. */
    public PcapFileWriter(java.io.OutputStream stream, int linkType, int snapLength, boolean nanos) throws IOException {
        this(new FileOutput(stream), linkType, snapLength, nanos);
    }

    private PcapFileWriter(FileOutput out, int linkType, int snapLength, boolean nanos) throws IOException {
        this.out = out;
        this.nanos = nanos;
        ByteBuffer h = out.room(24);
        h.putInt(nanos ? PcapFileReader.MAGIC_NANOS : PcapFileReader.MAGIC_MICROS);
        h.putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(snapLength).putInt(linkType);
    }

    @Override
    public void write(long epochSeconds, int nanosOfSecond, byte[] data, int off, int capturedLength, int originalLength)
            throws IOException {
        ByteBuffer b = out.room(16 + capturedLength);
        b.putInt((int) epochSeconds).putInt(nanos ? nanosOfSecond : nanosOfSecond / 1000).putInt(capturedLength)
                .putInt(originalLength).put(data, off, capturedLength);
    }

    @Override
    public void handOver() throws IOException {
        out.handOver();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
