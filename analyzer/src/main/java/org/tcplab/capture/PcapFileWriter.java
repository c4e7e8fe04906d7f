package org.tcplab.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tcplab.wire.Bytes;

/** Writes classic pcap (little-endian, microsecond or nanosecond timestamps), keeping original lengths. */
public final class PcapFileWriter implements CaptureWriter {
    private final OutputStream out;
    private final boolean nanos;
    private final byte[] header = new byte[16];

    public PcapFileWriter(Path path, int linkType, int snapLength, boolean nanos) throws IOException {
        this(new BufferedOutputStream(Files.newOutputStream(path), 1 << 20), linkType, snapLength, nanos);
    }

    public PcapFileWriter(OutputStream out, int linkType, int snapLength, boolean nanos) throws IOException {
        this.out = out;
        this.nanos = nanos;
        byte[] h = new byte[24];
        Bytes.put32le(h, 0, nanos ? PcapFileReader.MAGIC_NANOS : PcapFileReader.MAGIC_MICROS);
        Bytes.put16le(h, 4, 2);
        Bytes.put16le(h, 6, 4);
        Bytes.put32le(h, 16, snapLength);
        Bytes.put32le(h, 20, linkType);
        out.write(h);
    }

    @Override
    public void write(long epochSeconds, int nanosOfSecond, byte[] data, int off, int capturedLength, int originalLength)
            throws IOException {
        Bytes.put32le(header, 0, (int) epochSeconds);
        Bytes.put32le(header, 4, nanos ? nanosOfSecond : nanosOfSecond / 1000);
        Bytes.put32le(header, 8, capturedLength);
        Bytes.put32le(header, 12, originalLength);
        out.write(header);
        out.write(data, off, capturedLength);
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
