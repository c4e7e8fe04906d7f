package org.tcplab.conv;

import org.tcplab.wire.Addresses;

/**
 * One row of a conversation table. A is the source of the conversation's first frame.
 * Times are nanoseconds since the first frame of the capture.
 */
public record Conversation(String protocol, int ipFamily, long aHi, long aLo, int aPort, long bHi, long bLo, int bPort,
                           long framesAToB, long bytesAToB, long framesBToA, long bytesBToA, long startNanos,
                           long endNanos) {
    public String addressA() {
        return Addresses.format(ipFamily, aHi, aLo);
    }

    public String addressB() {
        return Addresses.format(ipFamily, bHi, bLo);
    }

    public long frames() {
        return framesAToB + framesBToA;
    }

    public long bytes() {
        return bytesAToB + bytesBToA;
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }
}
