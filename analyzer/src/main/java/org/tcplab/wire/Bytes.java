package org.tcplab.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Unsigned reads from byte arrays in either byte order. VarHandle views compile to single loads,
 * which matters on the per-packet hot path.
 */
public final class Bytes {
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    public static int u16be(byte[] b, int off) {
        return ((short) SHORT_BE.get(b, off)) & 0xffff;
    }

    public static int u16le(byte[] b, int off) {
        return ((short) SHORT_LE.get(b, off)) & 0xffff;
    }

    public static int u16(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? u16be(b, off) : u16le(b, off);
    }

    public static long u32be(byte[] b, int off) {
        return ((int) INT_BE.get(b, off)) & 0xffffffffL;
    }

    public static long u32le(byte[] b, int off) {
        return ((int) INT_LE.get(b, off)) & 0xffffffffL;
    }

    public static int i32be(byte[] b, int off) {
        return (int) INT_BE.get(b, off);
    }

    public static int i32(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? (int) INT_BE.get(b, off) : (int) INT_LE.get(b, off);
    }

    public static long u32(byte[] b, int off, boolean bigEndian) {
        return i32(b, off, bigEndian) & 0xffffffffL;
    }

    public static long i64be(byte[] b, int off) {
        return (long) LONG_BE.get(b, off);
    }

    public static void put16be(byte[] b, int off, int v) {
        SHORT_BE.set(b, off, (short) v);
    }

    public static void put32be(byte[] b, int off, int v) {
        INT_BE.set(b, off, v);
    }

    public static void put32le(byte[] b, int off, int v) {
        INT_LE.set(b, off, v);
    }

    public static void put16le(byte[] b, int off, int v) {
        SHORT_LE.set(b, off, (short) v);
    }
}
