package org.tcplab.capture;

import static org.tcplab.capture.CaptureFileException.Kind.CORRUPT;
import static org.tcplab.capture.CaptureFileException.Kind.TRUNCATED;
import static org.tcplab.capture.CaptureFileException.Kind.UNSUPPORTED;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tcplab.wire.Bytes;

/**
 * pcapng (draft-ietf-opsawg-pcapng): any number of sections of either byte order, interfaces with
 * their own link type and timestamp resolution, enhanced, simple and obsolete packet blocks, packet
 * comments, and the drop counts of interface statistics blocks. Blocks we do not use (name
 * resolution, custom, unknown) are skipped by length, as §3.1 allows.
 */
final class PcapNgFileReader implements FrameSource {
    static final int SHB = 0x0A0D0D0A;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int IDB = 1;
    private static final int OBSOLETE_PACKET = 2;
    private static final int SPB = 3;
    private static final int ISB = 5;
    private static final int EPB = 6;
    private static final int ISB_IFDROP = 5;
    private static final int ISB_OSDROP = 7;
    private static final int CUSTOM_COPY = 0x00000BAD;
    private static final int CUSTOM_NO_COPY = 0x40000BAD;
    private static final int OPT_END = 0;
    private static final int OPT_COMMENT = 1;
    private static final int IF_NAME = 2;
    private static final int IF_TSRESOL = 9;
    private static final int IF_TSOFFSET = 14;

    private final ChannelInput in;
    private boolean bigEndian;
    private final List<CaptureInterface> interfaces = new ArrayList<>();
    /** Interfaces of all sections so far; interfaceId in frames indexes this list. */
    private final List<CaptureInterface> allInterfaces = new ArrayList<>();
    private int sectionBase;
    /** The latest isb_ifdrop + isb_osdrop of each interface (the counters are cumulative, §4.6). */
    private final java.util.Map<Integer, Long> drops = new java.util.HashMap<>();
    private long frames;
    private int sections;

    PcapNgFileReader(ChannelInput in) throws IOException {
        this.in = in;
        readSectionHeader();
    }

    @Override
    public List<CaptureInterface> interfaces() {
        return java.util.Collections.unmodifiableList(allInterfaces);
    }

    private void readSectionHeader() throws IOException {
        if (!in.request(28)) {
            throw new CaptureFileException(TRUNCATED, "pcapng: section header block cut short");
        }
        byte[] b = in.buf;
        int p = in.pos;
        int magic = Bytes.i32be(b, p + 8);
        if (magic == BYTE_ORDER_MAGIC) {
            bigEndian = true;
        } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
            bigEndian = false;
        } else {
            throw new CaptureFileException(CORRUPT, String.format("pcapng: bad byte-order magic 0x%08x in section header", magic));
        }
        long len = Bytes.u32(b, p + 4, bigEndian);
        int major = Bytes.u16(b, p + 12, bigEndian);
        int minor = Bytes.u16(b, p + 14, bigEndian);
        // §4.1: readers must reject major versions they do not know; 1.0 and 1.2 exist in the wild.
        if (major != 1 || (minor != 0 && minor != 2)) {
            throw new CaptureFileException(UNSUPPORTED, "pcapng: unknown section header version " + major + "." + minor
                    + " (section " + (sections + 1) + ", after " + frames + " packets)");
        }
        int blockLen = checkBlockLength(len, 28);
        if (!in.request(blockLen)) {
            throw cutShort("section header");
        }
        checkOptions(in.buf, in.pos + 24, in.pos + blockLen - 4, "section header");
        sections++;
        interfaces.clear();
        sectionBase = allInterfaces.size();
        in.pos += blockLen;
    }

    private int checkBlockLength(long len, int minimum) throws CaptureFileException {
        if (len < minimum || (len & 3) != 0 || len > ChannelInput.MAX_RECORD) {
            throw new CaptureFileException(CORRUPT, "pcapng: block total length " + len + " is invalid (at file offset "
                    + in.fileOffset() + ", after " + frames + " packets)");
        }
        return (int) len;
    }

    private CaptureFileException cutShort(String what) {
        return new CaptureFileException(TRUNCATED, "pcapng: file cut short in a " + what + " block after " + frames + " packets");
    }

    /** Walks an option list to be sure it stays inside its block (§3.5). */
    private void checkOptions(byte[] b, int p, int end, String what) throws CaptureFileException {
        while (p + 4 <= end) {
            int code = Bytes.u16(b, p, bigEndian);
            int len = Bytes.u16(b, p + 2, bigEndian);
            if (code == OPT_END) {
                return;
            }
            int padded = (len + 3) & ~3;
            if (p + 4 + padded > end) {
                throw new CaptureFileException(CORRUPT, "pcapng: " + what + " option of length " + len
                        + " runs past the end of its block (after " + frames + " packets)");
            }
            p += 4 + padded;
        }
    }

    @Override
    public boolean next(Frame frame) throws IOException {
        while (true) {
            if (!in.request(12)) {
                if (in.available() == 0) {
                    return false;
                }
                throw cutShort("block header of a");
            }
            byte[] b = in.buf;
            int p = in.pos;
            int type = Bytes.i32(b, p, bigEndian);
            if (type == SHB) {
                readSectionHeader();
                continue;
            }
            int blockLen = checkBlockLength(Bytes.u32(b, p + 4, bigEndian), 12);
            if (!in.request(blockLen)) {
                throw cutShort("packet or other");
            }
            b = in.buf;
            p = in.pos;
            long trailer = Bytes.u32(b, p + blockLen - 4, bigEndian);
            if (trailer != blockLen) {
                throw new CaptureFileException(CORRUPT, "pcapng: block of type " + type + " has total length " + blockLen
                        + " at its start but " + trailer + " at its end (after " + frames + " packets)");
            }
            boolean got = switch (type) {
                case IDB -> readInterface(b, p, blockLen);
                case EPB -> readEnhanced(b, p, blockLen, frame);
                case SPB -> readSimple(b, p, blockLen, frame);
                case OBSOLETE_PACKET -> readObsolete(b, p, blockLen, frame);
                case CUSTOM_COPY, CUSTOM_NO_COPY -> readCustom(b, p, blockLen, frame);
                case ISB -> readStatistics(b, p, blockLen);
                default -> false;
            };
            in.pos = p + blockLen;
            if (got) {
                return true;
            }
        }
    }

    /** An interface statistics block (§4.6): what the capturing interface and OS said they dropped. */
    private boolean readStatistics(byte[] b, int p, int blockLen) {
        if (blockLen < 24) {
            return false;
        }
        int id = sectionBase + (int) Bytes.u32(b, p + 8, bigEndian);
        int end = p + blockLen - 4;
        int o = p + 20;
        long dropped = -1;
        while (o + 4 <= end) {
            int code = Bytes.u16(b, o, bigEndian);
            int len = Bytes.u16(b, o + 2, bigEndian);
            if (code == OPT_END || o + 4 + len > end) {
                break;
            }
            if ((code == ISB_IFDROP || code == ISB_OSDROP) && len == 8) {
                long hi = Bytes.u32(b, o + 4, bigEndian);
                long lo = Bytes.u32(b, o + 8, bigEndian);
                // a 64-bit count in the section's byte order
                long v = bigEndian ? (hi << 32) | lo : (lo << 32) | hi;
                dropped = Math.max(0, dropped) + Math.max(0, v);
            }
            o += 4 + ((len + 3) & ~3);
        }
        if (dropped >= 0) {
            drops.put(id, dropped);
        }
        return false;
    }

    @Override
    public long recordedDrops() {
        if (drops.isEmpty()) {
            return -1;
        }
        long sum = 0;
        for (long d : drops.values()) {
            sum += d;
        }
        return sum;
    }

    private boolean readInterface(byte[] b, int p, int blockLen) throws IOException {
        if (blockLen < 20) {
            throw new CaptureFileException(CORRUPT, "pcapng: interface description block too short (" + blockLen + " bytes)");
        }
        int linkType = Bytes.u16(b, p + 8, bigEndian);
        int snap = Bytes.i32(b, p + 12, bigEndian);
        long units = 1_000_000L;
        long offset = 0;
        String name = null;
        int end = p + blockLen - 4;
        checkOptions(b, p + 16, end, "interface description");
        int o = p + 16;
        while (o + 4 <= end) {
            int code = Bytes.u16(b, o, bigEndian);
            int len = Bytes.u16(b, o + 2, bigEndian);
            if (code == OPT_END) {
                break;
            }
            if (code == IF_TSRESOL && len >= 1) {
                units = unitsPerSecond(b[o + 4] & 0xff);
            } else if (code == IF_TSOFFSET && len >= 8) {
                long hi = Bytes.u32(b, o + 4, bigEndian);
                long lo = Bytes.u32(b, o + 8, bigEndian);
                offset = bigEndian ? (hi << 32) | lo : (lo << 32) | hi;
            } else if (code == IF_NAME) {
                name = new String(b, o + 4, len, java.nio.charset.StandardCharsets.UTF_8).replace("\0", "");
            }
            o += 4 + ((len + 3) & ~3);
        }
        CaptureInterface itf = new CaptureInterface(sections - 1, linkType, snap, units, offset, name);
        interfaces.add(itf);
        allInterfaces.add(itf);
        return false;
    }

    /** if_tsresol (§4.2): high bit clear, a power of ten; set, a power of two. */
    private static long unitsPerSecond(int resol) throws CaptureFileException {
        int exp = resol & 0x7f;
        if ((resol & 0x80) != 0) {
            if (exp > 62) {
                throw new CaptureFileException(UNSUPPORTED, "pcapng: timestamp resolution 2^-" + exp + " is too fine");
            }
            return 1L << exp;
        }
        if (exp > 18) {
            throw new CaptureFileException(UNSUPPORTED, "pcapng: timestamp resolution 10^-" + exp + " is too fine");
        }
        long u = 1;
        for (int i = 0; i < exp; i++) {
            u *= 10;
        }
        return u;
    }

    private CaptureInterface interfaceFor(long id) throws CaptureFileException {
        if (id < 0 || id >= interfaces.size()) {
            throw new CaptureFileException(CORRUPT, "pcapng: packet " + (frames + 1) + " names interface " + id
                    + " but the section describes " + interfaces.size());
        }
        return interfaces.get((int) id);
    }

    private boolean readEnhanced(byte[] b, int p, int blockLen, Frame frame) throws IOException {
        if (blockLen < 32) {
            throw new CaptureFileException(CORRUPT, "pcapng: enhanced packet block too short (" + blockLen + " bytes)");
        }
        long id = Bytes.u32(b, p + 8, bigEndian);
        int capLen = readPacket(b, p, blockLen, frame, id);
        int optStart = p + 28 + ((capLen + 3) & ~3);
        findComment(frame, b, optStart, p + blockLen - 4);
        return true;
    }

    /**
     * The fields enhanced (§4.3) and obsolete (appendix A) packet blocks share after the interface
     * id: time stamp high and low, captured and original length, data.
     */
    private int readPacket(byte[] b, int p, int blockLen, Frame frame, long id) throws IOException {
        CaptureInterface itf = interfaceFor(id);
        long ts = (Bytes.u32(b, p + 12, bigEndian) << 32) | Bytes.u32(b, p + 16, bigEndian);
        long capLen = Bytes.u32(b, p + 20, bigEndian);
        long origLen = Bytes.u32(b, p + 24, bigEndian);
        if (capLen > blockLen - 32) {
            throw new CaptureFileException(CORRUPT, "pcapng: packet " + (frames + 1) + " claims " + capLen
                    + " captured bytes in a block of " + blockLen);
        }
        frames++;
        setTime(frame, b, p + 28, (int) capLen, origLen, ts, itf, (int) id);
        return (int) capLen;
    }

    private boolean readSimple(byte[] b, int p, int blockLen, Frame frame) throws IOException {
        if (blockLen < 16) {
            throw new CaptureFileException(CORRUPT, "pcapng: simple packet block too short (" + blockLen + " bytes)");
        }
        CaptureInterface itf = interfaceFor(0);
        long origLen = Bytes.u32(b, p + 8, bigEndian);
        // §4.4: the captured length is what the block holds, no more than the original length or snaplen.
        long capLen = Math.min(origLen, blockLen - 16);
        if (itf.snapLength() > 0) {
            capLen = Math.min(capLen, itf.snapLength());
        }
        frames++;
        // A simple packet block carries no timestamp; tshark shows such frames at time 0.
        frame.set(b, p + 12, (int) capLen, (int) Math.min(origLen, Integer.MAX_VALUE), 0, 0, itf.linkType(), sectionBase, frames);
        frame.format(itf.digits(), true);
        frame.pcapngBlock(0, false);
        return true;
    }

    private boolean readObsolete(byte[] b, int p, int blockLen, Frame frame) throws IOException {
        if (blockLen < 32) {
            throw new CaptureFileException(CORRUPT, "pcapng: packet block too short (" + blockLen + " bytes)");
        }
        readPacket(b, p, blockLen, frame, Bytes.u16(b, p + 8, bigEndian));
        return true;
    }

    private boolean readCustom(byte[] b, int p, int blockLen, Frame frame) {
        if (blockLen < 16) {
            return false;
        }
        frames++;
        int len = blockLen - 16;
        frame.set(b, p + 12, len, len, 0, 0, LinkTypes.PCAPNG_CUSTOM_BLOCK, -1, frames);
        frame.format(6, true);
        frame.pcapngBlock(-1, false);
        return true;
    }

    private void setTime(Frame frame, byte[] b, int dataOff, int capLen, long origLen, long ts, CaptureInterface itf, int id) {
        long units = itf.unitsPerSecond();
        long sec = Long.divideUnsigned(ts, units);
        long frac = Long.remainderUnsigned(ts, units);
        long nanos;
        if (units == 1_000_000_000L) {
            nanos = frac;
        } else if (1_000_000_000L % units == 0) {
            nanos = frac * (1_000_000_000L / units);
        } else {
            nanos = (long) (frac * (1e9 / units));
        }
        frame.set(b, dataOff, capLen, (int) Math.min(origLen, Integer.MAX_VALUE), sec + itf.offsetSeconds(), nanos,
                itf.linkType(), sectionBase + id, frames);
        frame.format(itf.digits(), true);
        frame.pcapngBlock(id, true);
    }

    private void findComment(Frame frame, byte[] b, int o, int end) {
        while (o + 4 <= end) {
            int code = Bytes.u16(b, o, bigEndian);
            int len = Bytes.u16(b, o + 2, bigEndian);
            if (code == OPT_END || o + 4 + len > end) {
                return;
            }
            if (code == OPT_COMMENT) {
                frame.setComment(o + 4, len);
                return;
            }
            o += 4 + ((len + 3) & ~3);
        }
    }

    @Override
    public String formatName() {
        return "pcapng";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
