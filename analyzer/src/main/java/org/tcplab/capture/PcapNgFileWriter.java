package org.tcplab.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.tcplab.wire.Bytes;

/**
 * Writes pcapng (draft-ietf-opsawg-pcapng): a section header naming this program, one interface
 * description with the interface name, the capture filter and nanosecond time resolution, then
 * one enhanced packet block per packet, little-endian.
 */
public final class PcapNgFileWriter implements CaptureWriter {
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int EPB = 6;
    private static final int OPT_SHB_USERAPPL = 4;
    private static final int OPT_IF_NAME = 2;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_FILTER = 11;

    private final FileOutput out;

    public PcapNgFileWriter(Path path, int linkType, int snapLength, String interfaceName, String filter) throws IOException {
        this.out = new FileOutput(path);
        byte[] shbOptions = options(option(OPT_SHB_USERAPPL, "tcplab analyzer".getBytes(StandardCharsets.UTF_8)));
        byte[] shb = new byte[16 + shbOptions.length];
        Bytes.put32le(shb, 0, 0x1A2B3C4D);
        Bytes.put16le(shb, 4, 1);
        Bytes.put16le(shb, 6, 0);
        Bytes.put32le(shb, 8, -1); // section length unknown
        Bytes.put32le(shb, 12, -1);
        System.arraycopy(shbOptions, 0, shb, 16, shbOptions.length);
        block(SHB, shb);
        byte[] filterOption = null;
        if (filter != null && !filter.isEmpty()) {
            byte[] f = filter.getBytes(StandardCharsets.UTF_8);
            byte[] v = new byte[f.length + 1];
            v[0] = 0; // §4.2 if_filter: first byte 0 means a libpcap filter string
            System.arraycopy(f, 0, v, 1, f.length);
            filterOption = option(OPT_IF_FILTER, v);
        }
        byte[] idbOptions = options(
                interfaceName == null ? null : option(OPT_IF_NAME, interfaceName.getBytes(StandardCharsets.UTF_8)),
                option(OPT_IF_TSRESOL, new byte[] {9}),
                filterOption);
        byte[] idb = new byte[8 + idbOptions.length];
        Bytes.put16le(idb, 0, linkType);
        Bytes.put32le(idb, 4, snapLength);
        System.arraycopy(idbOptions, 0, idb, 8, idbOptions.length);
        block(IDB, idb);
    }

    @Override
    public void write(long epochSeconds, int nanos, byte[] data, int off, int capturedLength, int originalLength)
            throws IOException {
        int padded = (capturedLength + 3) & ~3;
        int total = 32 + padded;
        long ts = epochSeconds * 1_000_000_000L + nanos;
        ByteBuffer b = out.room(total);
        b.putInt(EPB).putInt(total).putInt(0).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(capturedLength)
                .putInt(originalLength).put(data, off, capturedLength);
        for (int i = capturedLength; i < padded; i++) {
            b.put((byte) 0);
        }
        b.putInt(total);
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

    private void block(int type, byte[] body) throws IOException {
        byte[] b = new byte[12 + body.length];
        Bytes.put32le(b, 0, type);
        Bytes.put32le(b, 4, b.length);
        System.arraycopy(body, 0, b, 8, body.length);
        Bytes.put32le(b, b.length - 4, b.length);
        out.write(b, 0, b.length);
    }

    private static byte[] option(int code, byte[] value) {
        byte[] o = new byte[4 + ((value.length + 3) & ~3)];
        Bytes.put16le(o, 0, code);
        Bytes.put16le(o, 2, value.length);
        System.arraycopy(value, 0, o, 4, value.length);
        return o;
    }

    /** The options followed by opt_endofopt. */
    private static byte[] options(byte[]... opts) {
        int n = 4;
        for (byte[] o : opts) {
            n += o == null ? 0 : o.length;
        }
        byte[] all = new byte[n];
        int p = 0;
        for (byte[] o : opts) {
            if (o != null) {
                System.arraycopy(o, 0, all, p, o.length);
                p += o.length;
            }
        }
        return all;
    }
}
