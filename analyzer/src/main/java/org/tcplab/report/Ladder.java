package org.tcplab.report;

import java.util.List;

/**
 * What a ladder diagram draws: one lifeline per endpoint (IP:port, so loopback's two ends stay two),
 * one arrow per packet, and each endpoint's state written where it changes, with the cause.
 */
public record Ladder(List<String> endpoints, List<Arrow> arrows, List<Mark> marks) {
    /** A packet from one lifeline to the other. {@code label}: flags and numbers, e.g. "SYN seq=0 len=0". */
    public record Arrow(long frame, long timeNanos, int from, int to, String label, boolean problem) {
    }

    /** An endpoint's state after the packet of {@code frame}, and why it changed. */
    public record Mark(long frame, int endpoint, String state, String cause) {
    }

    public Ladder {
        endpoints = List.copyOf(endpoints);
        arrows = List.copyOf(arrows);
        marks = List.copyOf(marks);
    }
}
