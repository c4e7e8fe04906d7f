package org.tcplab.decode;

import java.nio.ByteBuffer;

/** Hand-built packets for decoder and tracker tests (headers only where the test needs them). */
public final class Packets {
    private Packets() {
    }

    public static byte[] ethernet(int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) etherType).put(payload);
        return b.array();
    }

    public static byte[] vlan(int id, int innerType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + payload.length);
        b.putShort((short) id).putShort((short) innerType).put(payload);
        return b.array();
    }

    /** IPv4 header (checksum filled in) followed by the payload. */
    public static byte[] ipv4(int src, int dst, int protocol, int id, int flagsAndOffset, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putShort((short) id)
                .putShort((short) flagsAndOffset).put((byte) 64).put((byte) protocol).putShort((short) 0)
                .putInt(src).putInt(dst).put(payload);
        byte[] a = b.array();
        int sum = (int) Checksums.sum(a, 0, 20, 0);
        int c = ~Checksums.fold(sum) & 0xFFFF;
        a[10] = (byte) (c >>> 8);
        a[11] = (byte) c;
        return a;
    }

    public static byte[] ipv6(long srcHi, long srcLo, long dstHi, long dstLo, int next, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0x60000000).putShort((short) payload.length).put((byte) next).put((byte) 64)
                .putLong(srcHi).putLong(srcLo).putLong(dstHi).putLong(dstLo).put(payload);
        return b.array();
    }

    public static byte[] tcp(int sport, int dport, long seq, long ack, int flags, int window, byte[] options, int payloadLength) {
        int hlen = 20 + options.length;
        ByteBuffer b = ByteBuffer.allocate(hlen + payloadLength);
        b.putShort((short) sport).putShort((short) dport).putInt((int) seq).putInt((int) ack)
                .putShort((short) ((hlen / 4) << 12 | flags)).putShort((short) window).putShort((short) 0)
                .putShort((short) 0).put(options);
        return b.array();
    }

    public static byte[] udp(int sport, int dport, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
        return b.array();
    }

    public static int addr(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
