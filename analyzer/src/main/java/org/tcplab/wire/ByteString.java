package org.tcplab.wire;

import java.util.Arrays;

/** Bytes as an immutable value, compared by content: what a record holds instead of a raw array. */
public final class ByteString {
    public static final ByteString EMPTY = new ByteString(new byte[0]);
    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ByteString copyOf(byte[] b, int off, int len) {
        return len == 0 ? EMPTY : new ByteString(Arrays.copyOfRange(b, off, off + len));
    }

    public static ByteString of(byte[] b) {
        return copyOf(b, 0, b.length);
    }

    public int length() {
        return bytes.length;
    }

    public int byteAt(int i) {
        return bytes[i] & 0xff;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies the bytes into {@code dst} at {@code at}. */
    public void copyTo(byte[] dst, int at) {
        System.arraycopy(bytes, 0, dst, at, bytes.length);
    }

    public ByteString substring(int from) {
        return from == 0 ? this : copyOf(bytes, from, bytes.length - from);
    }

    public String hex() {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteString s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
