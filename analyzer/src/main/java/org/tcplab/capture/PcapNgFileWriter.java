package org.tcplab.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.tcplab.wire.Bytes;

/**
 * Writes pcapng (draft-ietf-opsawg-pcapng), little-endian. A live capture's file: a section header
 * naming this program, one interface description with the interface name, the capture filter and
 * nanosecond time resolution, then one enhanced packet block per packet. A rewritten capture's
 * file ({@link #PcapNgFileWriter(Path)}): the caller adds the sections and interfaces, and packets
 * may carry comments.
 */
public final class PcapNgFileWriter implements CaptureWriter {
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int SPB = 3;
    private static final int EPB = 6;
    private static final int OPT_COMMENT = 1;
    private static final int OPT_SHB_USERAPPL = 4;
    private static final int OPT_IF_NAME = 2;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_FILTER = 11;
    /** An option's value length is 16 bits (§3.5). */
    private static final int MAX_OPTION_VALUE = 0xFFFF;

    private final FileOutput out;
    /** Time stamp units per second of each interface of the current section, by id. */
    private long[] units = new long[4];
    private int interfaces;

    public PcapNgFileWriter(Path path, int linkType, int snapLength, String interfaceName, String filter) throws IOException {
        this(new FileOutput(path), linkType, snapLength, interfaceName, filter);
    }

    /** The same into a stream: the command's standard output for {@code -w -}. */
    public PcapNgFileWriter(java.io.OutputStream stream, int linkType, int snapLength, String interfaceName, String filter)
            throws IOException {
        this(new FileOutput(stream), linkType, snapLength, interfaceName, filter);
    }

    private PcapNgFileWriter(FileOutput out, int linkType, int snapLength, String interfaceName, String filter) throws IOException {
        this(out);
        addInterface(linkType, snapLength, interfaceName, filter, 9);
    }

    /** A file with a section header and nothing else yet: add interfaces before their packets. */
    public PcapNgFileWriter(Path path) throws IOException {
        this(new FileOutput(path));
    }

    /** The same into a stream ({@code annotate -o -}). */
    public PcapNgFileWriter(java.io.OutputStream stream) throws IOException {
        this(new FileOutput(stream));
    }

    private PcapNgFileWriter(FileOutput out) throws IOException {
        this.out = out;
        writeSectionHeader();
    }

    /** Starts a new section (§4.1): the interfaces added after it are numbered from 0 again. */
    public void newSection() throws IOException {
        writeSectionHeader();
    }

    private void writeSectionHeader() throws IOException {
        byte[] shbOptions = options(option(OPT_SHB_USERAPPL, "tcplab analyzer".getBytes(StandardCharsets.UTF_8)));
        byte[] shb = new byte[16 + shbOptions.length];
        Bytes.put32le(shb, 0, 0x1A2B3C4D);
        Bytes.put16le(shb, 4, 1);
        Bytes.put16le(shb, 6, 0);
        Bytes.put32le(shb, 8, -1); // section length unknown
        Bytes.put32le(shb, 12, -1);
        System.arraycopy(shbOptions, 0, shb, 16, shbOptions.length);
        block(SHB, shb);
        interfaces = 0;
    }

    /**
     * Describes an interface of the current section (§4.2).
     *
     * @param name            if_name, or null
     * @param filter          a libpcap filter for if_filter, or null
     * @param timeDigits      if_tsresol as a power of ten, 0 to 9: the packets' time stamps are
     *                        written in units of 10^-timeDigits s
     * @return its interface id within the section
     */
    public int addInterface(int linkType, int snapLength, String name, String filter, int timeDigits) throws IOException {
        if (timeDigits < 0 || timeDigits > 9) {
            throw new IllegalArgumentException("time stamp resolution 10^-" + timeDigits + " is not 10^-0 to 10^-9");
        }
        byte[] filterOption = null;
        if (filter != null && !filter.isEmpty()) {
            byte[] f = filter.getBytes(StandardCharsets.UTF_8);
            byte[] v = new byte[f.length + 1];
            v[0] = 0; // §4.2 if_filter: first byte 0 means a libpcap filter string
            System.arraycopy(f, 0, v, 1, f.length);
            filterOption = option(OPT_IF_FILTER, v);
        }
        byte[] idbOptions = options(
                name == null ? null : option(OPT_IF_NAME, name.getBytes(StandardCharsets.UTF_8)),
                option(OPT_IF_TSRESOL, new byte[] {(byte) timeDigits}),
                filterOption);
        byte[] idb = new byte[8 + idbOptions.length];
        Bytes.put16le(idb, 0, linkType);
        Bytes.put32le(idb, 4, snapLength);
        System.arraycopy(idbOptions, 0, idb, 8, idbOptions.length);
        block(IDB, idb);
        if (interfaces == units.length) {
            units = java.util.Arrays.copyOf(units, interfaces * 2);
        }
        long u = 1;
        for (int i = 0; i < timeDigits; i++) {
            u *= 10;
        }
        units[interfaces] = u;
        return interfaces++;
    }

    /** A packet of the first interface, without comments (a live capture's). */
    @Override
    public void write(long epochSeconds, int nanos, byte[] data, int off, int capturedLength, int originalLength)
            throws IOException {
        write(0, epochSeconds, nanos, data, off, capturedLength, originalLength, null);
    }

    /**
     * An enhanced packet block (§4.3) on interface {@code interfaceId} of the current section, with
     * one opt_comment per entry of {@code comments} (null: none), in that order. The time stamp is
     * written in the interface's units: exact when the nanoseconds came from such units.
     */
    public void write(int interfaceId, long epochSeconds, int nanos, byte[] data, int off, int capturedLength,
                      int originalLength, java.util.List<String> comments) throws IOException {
        if (interfaceId < 0 || interfaceId >= interfaces) {
            throw new IllegalArgumentException("interface " + interfaceId + " is not described (" + interfaces + " are)");
        }
        byte[][] values = null;
        int optionsLength = 0;
        if (comments != null && !comments.isEmpty()) {
            values = new byte[comments.size()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = utf8(comments.get(i));
                optionsLength += 4 + ((values[i].length + 3) & ~3);
            }
            optionsLength += 4; // opt_endofopt
        }
        int padded = (capturedLength + 3) & ~3;
        int total = 32 + padded + optionsLength;
        long u = units[interfaceId];
        // unsigned 64 bits: a time stamp near 2^64 units wraps through the long and is written whole
        long ts = epochSeconds * u + nanos / (1_000_000_000L / u);
        ByteBuffer b = out.room(total);
        b.putInt(EPB).putInt(total).putInt(interfaceId).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(capturedLength)
                .putInt(originalLength).put(data, off, capturedLength);
        for (int i = capturedLength; i < padded; i++) {
            b.put((byte) 0);
        }
        if (values != null) {
            for (byte[] v : values) {
                b.putShort((short) OPT_COMMENT).putShort((short) v.length).put(v);
                for (int i = v.length; i < ((v.length + 3) & ~3); i++) {
                    b.put((byte) 0);
                }
            }
            b.putInt(0);
        }
        b.putInt(total);
    }

    /**
     * A simple packet block (§4.4): interface 0 of the section, no time stamp, no options. A reader
     * takes the captured length as the original length cut to the snap length and the block.
     */
    public void writeSimple(byte[] data, int off, int capturedLength, int originalLength) throws IOException {
        if (interfaces == 0) {
            throw new IllegalArgumentException("a simple packet block needs interface 0 described");
        }
        int padded = (capturedLength + 3) & ~3;
        int total = 16 + padded;
        ByteBuffer b = out.room(total);
        b.putInt(SPB).putInt(total).putInt(originalLength).put(data, off, capturedLength);
        for (int i = capturedLength; i < padded; i++) {
            b.put((byte) 0);
        }
        b.putInt(total);
    }

    /** The string's UTF-8, cut at a character boundary to what an option can hold. */
    private static byte[] utf8(String s) {
        byte[] v = s.getBytes(StandardCharsets.UTF_8);
        if (v.length <= MAX_OPTION_VALUE) {
            return v;
        }
        int n = MAX_OPTION_VALUE;
        while (n > 0 && (v[n] & 0xC0) == 0x80) {
            n--; // v[n] continues a character: cut before the character it belongs to
        }
        return java.util.Arrays.copyOf(v, n);
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
