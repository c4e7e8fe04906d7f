package org.tcplab.conv;

/** What the echo matching said of one packet: for a reply, its request's frame and the time since it. */
public final class IcmpAnnotation {
    long requestFrame = -1;
    long responseNanos;

    /** The frame of the echo request this reply answers, or -1 (not a reply, or none matched). */
    public long requestFrame() {
        return requestFrame;
    }

    /** Nanoseconds from the request to this reply, when {@link #requestFrame} is not -1. */
    public long responseNanos() {
        return responseNanos;
    }

    public void reset() {
        requestFrame = -1;
        responseNanos = 0;
    }
}
