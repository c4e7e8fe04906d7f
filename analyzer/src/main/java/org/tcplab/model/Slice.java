package org.tcplab.model;

/**
 * A run of bytes inside some array, filled in place by a bytes-valued {@link Field} (a payload, an
 * address, a protocol's span) so that reading it copies and allocates nothing.
 */
public final class Slice {
    byte[] data;
    int offset;
    int length;

    public void set(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = Math.max(0, length);
    }

    public byte[] data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public int byteAt(int i) {
        return data[offset + i] & 0xff;
    }

    /** A copy of the bytes (allocates: for output and values, not for matching). */
    public byte[] copy() {
        return java.util.Arrays.copyOfRange(data, offset, offset + length);
    }
}
