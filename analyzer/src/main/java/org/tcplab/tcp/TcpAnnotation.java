package org.tcplab.tcp;

/**
 * What the stream tracker adds to one TCP segment, tshark-compatible: the stream index, relative
 * sequence and acknowledgement numbers, the calculated window. Filled in place and reused, like
 * {@link org.tcplab.decode.DecodedPacket}.
 */
public final class TcpAnnotation {
    /** Window scale not known (handshake not seen). */
    public static final int SCALE_UNKNOWN = -1;
    /** Handshake seen and at least one side did not offer scaling (RFC 7323 §2.2). */
    public static final int SCALE_NONE = -2;

    boolean hasStream;
    int stream;
    int direction;
    boolean relative;
    long seq;
    long ack;
    long baseSeq;
    long window;
    int windowScale;
    int peerWindowScale;
    boolean newStream;
    boolean portsReused;
    long sinceStreamStart;
    long sinceStreamPrevious;

    void reset() {
        hasStream = false;
        stream = -1;
        direction = 0;
        relative = false;
        seq = 0;
        ack = 0;
        baseSeq = 0;
        window = 0;
        windowScale = SCALE_UNKNOWN;
        peerWindowScale = SCALE_UNKNOWN;
        newStream = false;
        portsReused = false;
        sinceStreamStart = 0;
        sinceStreamPrevious = 0;
    }

    /** Copies another annotation (for a view that outlives the tracker's reuse of it). */
    public void copyFrom(TcpAnnotation o) {
        hasStream = o.hasStream;
        stream = o.stream;
        direction = o.direction;
        relative = o.relative;
        seq = o.seq;
        ack = o.ack;
        baseSeq = o.baseSeq;
        window = o.window;
        windowScale = o.windowScale;
        peerWindowScale = o.peerWindowScale;
        newStream = o.newStream;
        portsReused = o.portsReused;
        sinceStreamStart = o.sinceStreamStart;
        sinceStreamPrevious = o.sinceStreamPrevious;
    }

    public boolean hasStream() { return hasStream; }
    /** tshark's tcp.stream. */
    public int stream() { return stream; }
    /** 0 for segments from the side that sent the stream's first captured segment, 1 for the other. */
    public int direction() { return direction; }
    /** False when tshark would show raw numbers (short segment), true when seq/ack are relative. */
    public boolean relative() { return relative; }
    /** Sequence number relative to this direction's ISN (tcp.seq), or raw when not {@link #relative()}. */
    public long seq() { return seq; }
    /** Acknowledgement number relative to the other direction's ISN (tcp.ack); raw when ACK is not set. */
    public long ack() { return ack; }
    /** This direction's base: the raw number that relative 0 stands for (valid when {@link #relative()}). */
    public long baseSeq() { return baseSeq; }
    /** The window in bytes after scaling (tcp.window_size). */
    public long window() { return window; }
    /** The shift applied to this direction's windows, or {@link #SCALE_UNKNOWN} / {@link #SCALE_NONE}. */
    public int windowScale() { return windowScale; }
    /** The shift applied to the other direction's windows. */
    public int peerWindowScale() { return peerWindowScale; }
    public boolean newStream() { return newStream; }
    /** Nanoseconds since the stream's first segment (tshark's tcp.time_relative). */
    public long sinceStreamStart() { return sinceStreamStart; }
    /** Nanoseconds since the stream's previous segment (tshark's tcp.time_delta). */
    public long sinceStreamPrevious() { return sinceStreamPrevious; }
    /** A SYN with a new ISN on a known address/port pair started a new stream (tshark's "port numbers reused"). */
    public boolean portsReused() { return portsReused; }
}
