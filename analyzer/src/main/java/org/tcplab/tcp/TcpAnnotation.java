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
    long window;
    int windowScale;
    boolean newStream;
    boolean portsReused;
    long firstRttNanos;
    int clientDirection = -1;
    org.tcplab.analysis.TcpState clientState;
    org.tcplab.analysis.TcpState serverState;
    final java.util.List<org.tcplab.analysis.Transition> transitions = new java.util.ArrayList<>(4);
    final org.tcplab.analysis.Connection.RstVerdict rst = new org.tcplab.analysis.Connection.RstVerdict();
    /** The sequence analysis of this segment (flags, duplicate-ACK count, ACK RTT, bytes in flight). */
    final org.tcplab.analysis.SequenceAnalysis.Verdict verdict = new org.tcplab.analysis.SequenceAnalysis.Verdict();

    void reset() {
        hasStream = false;
        stream = -1;
        direction = 0;
        relative = false;
        seq = 0;
        ack = 0;
        window = 0;
        windowScale = SCALE_UNKNOWN;
        newStream = false;
        portsReused = false;
        firstRttNanos = 0;
        clientDirection = -1;
        clientState = null;
        serverState = null;
        if (!transitions.isEmpty()) {
            transitions.clear();
        }
        rst.cause = null;
        rst.evidence = null;
        verdict.reset();
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
    /** The window in bytes after scaling (tcp.window_size). */
    public long window() { return window; }
    /** The shift applied, or {@link #SCALE_UNKNOWN} / {@link #SCALE_NONE}. */
    public int windowScale() { return windowScale; }
    public boolean newStream() { return newStream; }
    /** A SYN with a new ISN on a known address/port pair started a new stream (tshark's "port numbers reused"). */
    public boolean portsReused() { return portsReused; }
    /** {@link org.tcplab.analysis.AnalysisFlag} bits of this segment. */
    public int analysisFlags() { return verdict.flags; }
    public org.tcplab.analysis.SequenceAnalysis.Verdict verdict() { return verdict; }
    /** The client's state after this segment (RFC 9293 names), or null when not analysed. */
    public org.tcplab.analysis.TcpState clientState() { return clientState; }
    public org.tcplab.analysis.TcpState serverState() { return serverState; }
    /** True when the client sent this segment. */
    public boolean fromClient() { return clientDirection == direction; }
    /** State changes this segment caused, in order. */
    public java.util.List<org.tcplab.analysis.Transition> transitions() { return transitions; }
    /** Why this RST was sent, or null for other segments. */
    public org.tcplab.analysis.RstCause rstCause() { return rst.cause; }
    public String rstEvidence() { return rst.evidence; }
    /** The connection's initial RTT as known at this segment, or 0. */
    public long firstRttNanos() { return firstRttNanos; }
}
