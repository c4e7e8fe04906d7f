package org.tcplab.capture;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip-compressed capture (RFC 1952), as tshark reads {@code .pcap.gz} and {@code .pcapng.gz}:
 * decompressed as it is read. Damage in the compressed data ends the capture with one line, after
 * every packet before it, like damage in an uncompressed file.
 */
final class GzipInput extends FilterInputStream {
    static final int MAGIC = 0x1f8b;

    private GzipInput(InputStream in) {
        super(in);
    }

    static InputStream open(InputStream compressed) throws IOException {
        try {
            return new GzipInput(new GZIPInputStream(compressed, 1 << 16));
        } catch (ZipException | EOFException e) {
            throw damaged(e);
        }
    }

    private static CaptureFileException damaged(IOException e) {
        String why = e instanceof EOFException ? "the compressed data is cut short" : "the compressed data is corrupt ("
                + e.getMessage() + ")";
        return new CaptureFileException(CaptureFileException.Kind.TRUNCATED, "gzip: " + why);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (ZipException | EOFException e) {
            throw damaged(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (ZipException | EOFException e) {
            throw damaged(e);
        }
    }
}
