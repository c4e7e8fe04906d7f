package org.tcplab.capture;

import static org.tcplab.capture.CaptureFileException.Kind.CORRUPT;
import static org.tcplab.capture.CaptureFileException.Kind.TRUNCATED;
import static org.tcplab.capture.CaptureFileException.Kind.UNSUPPORTED;

import java.io.IOException;
import org.tcplab.wire.Bytes;

/**
 * Classic libpcap files: either byte order, micro- or nanosecond timestamps
 * (draft-ietf-opsawg-pcap §4, §5).
 */
final class PcapFileReader implements FrameSource {
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    /** wiretap's WTAP_MAX_PACKET_SIZE_STANDARD: a larger record length means a damaged file. */
    static final int MAX_PACKET = 262144;

    private final ChannelInput in;
    private final boolean bigEndian;
    private final boolean nanoResolution;
    private final int linkType;
    private final int snapLength;
    private long frames;
    private final java.util.List<CaptureInterface> interfaces;

    PcapFileReader(ChannelInput in) throws IOException {
        this.in = in;
        if (!in.request(24)) {
            throw new CaptureFileException(TRUNCATED, "pcap: file header cut short (" + in.available() + " of 24 bytes)");
        }
        byte[] b = in.buf;
        int p = in.pos;
        int magicBe = Bytes.i32be(b, p);
        if (magicBe == MAGIC_MICROS || magicBe == MAGIC_NANOS) {
            bigEndian = true;
        } else {
            bigEndian = false;
        }
        int magic = Bytes.i32(b, p, bigEndian);
        nanoResolution = magic == MAGIC_NANOS;
        int major = Bytes.u16(b, p + 4, bigEndian);
        int minor = Bytes.u16(b, p + 6, bigEndian);
        if (major != 2) {
            throw new CaptureFileException(UNSUPPORTED, "pcap: major version " + major + " unsupported (minor " + minor + ")");
        }
        snapLength = Bytes.i32(b, p + 16, bigEndian);
        int network = Bytes.i32(b, p + 20, bigEndian);
        // The upper 16 bits carry FCS information and reserved bits (draft-ietf-opsawg-pcap §4, LinkType and additional information).
        if ((network & 0x03FF0000) != 0) {
            throw new CaptureFileException(CORRUPT, String.format("pcap: network type reserved field not zero (0x%08x)", network & 0x03FF0000));
        }
        linkType = network & 0xFFFF;
        interfaces = java.util.List.of(new CaptureInterface(0, linkType, snapLength,
                nanoResolution ? 1_000_000_000L : 1_000_000L, 0, null));
        in.pos += 24;
    }

    @Override
    public int fileLinkType() {
        return linkType;
    }

    int snapLength() {
        return snapLength;
    }

    @Override
    public java.util.List<CaptureInterface> interfaces() {
        return interfaces;
    }

    @Override
    public boolean next(Frame frame) throws IOException {
        if (!in.request(16)) {
            if (in.available() == 0) {
                return false;
            }
            throw new CaptureFileException(TRUNCATED, "pcap: file cut short in a record header after " + frames + " packets");
        }
        byte[] b = in.buf;
        int p = in.pos;
        long sec = Bytes.u32(b, p, bigEndian);
        // A microsecond field of a million or more is invalid; like wiretap we scale it in 32 bits.
        long frac = Bytes.u32(b, p + 4, bigEndian);
        long capLen = Bytes.u32(b, p + 8, bigEndian);
        long origLen = Bytes.u32(b, p + 12, bigEndian);
        if (capLen > MAX_PACKET) {
            throw new CaptureFileException(CORRUPT, "pcap: packet " + (frames + 1) + " claims " + capLen
                    + " captured bytes, more than the maximum of " + MAX_PACKET + " (file damaged or corrupt)");
        }
        int need = 16 + (int) capLen;
        if (!in.request(need)) {
            throw new CaptureFileException(TRUNCATED, "pcap: file cut short in the middle of packet " + (frames + 1)
                    + " (" + (in.available() - 16) + " of " + capLen + " bytes)");
        }
        b = in.buf;
        p = in.pos;
        frames++;
        frame.set(b, p + 16, (int) capLen, (int) Math.min(origLen, Integer.MAX_VALUE), sec,
                nanoResolution ? frac : (frac * 1000L) & 0xFFFFFFFFL, linkType, 0, frames);
        frame.format(nanoResolution ? 9 : 6, false);
        in.pos = p + need;
        return true;
    }

    @Override
    public String formatName() {
        return "pcap";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
