package org.tcplab.pipeline;

import org.tcplab.tcp.TcpAnnotation;
import org.tcplab.tcp.TcpSegment;

/**
 * A run of decoded TCP segments, each with its stream numbering, handed from the decoding thread
 * to the tracking one; reused.
 */
final class SegmentBatch {
    final TcpSegment[] segments;
    /** What the stream numbering said of each segment (its stream, direction, relative numbers). */
    final TcpAnnotation[] annotations;
    /** Segments filled. */
    int count;
    /** The input ended after this batch (cleanly, or with {@link #failure}). */
    boolean last;
    Exception failure;
    /** Capture time of the input's first frame when this batch holds it, else {@link Long#MIN_VALUE}. */
    long firstFrameNanos = Long.MIN_VALUE;

    SegmentBatch(int size) {
        segments = new TcpSegment[size];
        annotations = new TcpAnnotation[size];
        for (int i = 0; i < size; i++) {
            segments[i] = new TcpSegment();
            annotations[i] = new TcpAnnotation();
        }
    }

    void clear() {
        count = 0;
        last = false;
        failure = null;
        firstFrameNanos = Long.MIN_VALUE;
    }
}
