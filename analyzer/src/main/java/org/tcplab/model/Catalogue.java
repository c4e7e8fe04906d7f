package org.tcplab.model;

import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Proto;
import org.tcplab.wire.Bytes;

/**
 * Shared pieces of the catalogue's files: the builder, and readers of a protocol's header bytes by
 * occurrence. A header field occurs once per layer of its protocol whose captured bytes hold it
 * (an IP header inside an ICMP error included, as in Wireshark); reads are bounded by that.
 */
final class Catalogue {
    private Catalogue() {
    }

    static FieldBuilder field(String name, String label, Field.Type type) {
        return new FieldBuilder(name, label, type);
    }

    static final Field.Counter ONCE = v -> 1;

    /** Layers of {@code p} with at least {@code need} bytes captured. */
    static int count(PacketView v, Proto p, int need) {
        DecodedPacket d = v.packet();
        int c = d.protoCount(p);
        if (c <= 1) {
            // the common case, one header of the protocol or none: no walk over the layers
            if (c == 0) {
                return 0;
            }
            int i = d.protoFirst(p);
            return d.layerEnd(i) - d.layerOffset(i) >= need ? 1 : 0;
        }
        int n = 0;
        for (int i = 0, layers = d.layerCount(); i < layers; i++) {
            if (d.layerProto(i) == p && d.layerEnd(i) - d.layerOffset(i) >= need) {
                n++;
            }
        }
        return n;
    }

    /** Index of the {@code k}-th layer of {@code p} with at least {@code need} bytes captured. */
    static int at(PacketView v, Proto p, int need, int k) {
        DecodedPacket d = v.packet();
        if (k == 0 && d.protoCount(p) == 1) {
            int i = d.protoFirst(p);
            return d.layerEnd(i) - d.layerOffset(i) >= need ? i : -1;
        }
        for (int i = 0, c = d.layerCount(); i < c; i++) {
            if (d.layerProto(i) == p && d.layerEnd(i) - d.layerOffset(i) >= need && k-- == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Byte {@code off} of the {@code k}-th layer of {@code p} holding {@code off + 1} bytes. */
    static int u8(PacketView v, Proto p, int off, int k) {
        int i = at(v, p, off + 1, k);
        return Bytes.u8(v.packet().layerData(i), v.packet().layerOffset(i) + off);
    }

    static int u16(PacketView v, Proto p, int off, int k) {
        int i = at(v, p, off + 2, k);
        return Bytes.u16be(v.packet().layerData(i), v.packet().layerOffset(i) + off);
    }

    static long u32(PacketView v, Proto p, int off, int k) {
        int i = at(v, p, off + 4, k);
        return Bytes.u32be(v.packet().layerData(i), v.packet().layerOffset(i) + off);
    }

    static long i64(PacketView v, Proto p, int off, int k) {
        int i = at(v, p, off + 8, k);
        return Bytes.i64be(v.packet().layerData(i), v.packet().layerOffset(i) + off);
    }

    static int u8In(PacketView v, int layer, int off) {
        return Bytes.u8(v.packet().layerData(layer), v.packet().layerOffset(layer) + off);
    }

    static int u16In(PacketView v, int layer, int off) {
        return Bytes.u16be(v.packet().layerData(layer), v.packet().layerOffset(layer) + off);
    }

    /** 32 bits at {@code off} of layer {@code layer}. */
    static long u32In(PacketView v, int layer, int off) {
        return Bytes.u32be(v.packet().layerData(layer), v.packet().layerOffset(layer) + off);
    }

    static long i64In(PacketView v, int layer, int off) {
        return Bytes.i64be(v.packet().layerData(layer), v.packet().layerOffset(layer) + off);
    }

    /** A 48-bit Ethernet address at {@code off}. */
    static long ether(byte[] b, int off) {
        return (long) Bytes.u16be(b, off) << 32 | Bytes.u32be(b, off + 2);
    }

    /** A header field of {@code bytes} bytes at {@code off}: one occurrence per layer holding it. */
    static Field.Counter header(Proto p, int off, int bytes) {
        return v -> count(v, p, off + bytes);
    }

    /**
     * The header length of layer {@code layer} read from the 4-bit count of 32-bit words at byte
     * {@code off} ({@code shift} bits up), as an item's span; all its bytes when that byte is not captured.
     */
    static long words(PacketView v, int layer, int off, int shift) {
        DecodedPacket d = v.packet();
        if (layer < 0 || d.layerEnd(layer) - d.layerOffset(layer) <= off) {
            return Integer.MAX_VALUE;
        }
        return ((u8In(v, layer, off) >>> shift) & 0x0F) * 4L;
    }

    /** The bytes from layer {@code layer}'s header to the end of the frame that holds it (an Ethernet header's value). */
    static void toFrameEnd(PacketView v, int layer, Slice out) {
        DecodedPacket d = v.packet();
        int from = d.layerOffset(layer);
        int end = d.layerData(layer) == v.frame().data() ? v.frame().offset() + v.frame().capturedLength() : d.layerEnd(layer);
        out.set(d.layerData(layer), from, Math.max(0, end - from));
    }

    /** The bytes of a layer from {@code off}, up to its captured end. */
    static void rest(PacketView v, int layer, int off, Slice out) {
        DecodedPacket d = v.packet();
        int from = d.layerOffset(layer) + off;
        out.set(d.layerData(layer), from, d.layerEnd(layer) - from);
    }

    static boolean bit(long value, long mask) {
        return (value & mask) != 0;
    }
}
