package org.tcplab.live;

/**
 * One packet as libpcap handed it over. Not a record: it holds a byte array, which a record would
 * compare by reference.
 */
public final class CapturedPacket {
    private final byte[] data;
    private final long epochSeconds;
    private final int nanos;
    private final int originalLength;

    public CapturedPacket(byte[] data, long epochSeconds, int nanos, int originalLength) {
        this.data = data;
        this.epochSeconds = epochSeconds;
        this.nanos = nanos;
        this.originalLength = originalLength;
    }

    public byte[] data() {
        return data;
    }

    public long epochSeconds() {
        return epochSeconds;
    }

    public int nanos() {
        return nanos;
    }

    public int originalLength() {
        return originalLength;
    }
}
