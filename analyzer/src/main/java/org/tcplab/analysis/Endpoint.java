package org.tcplab.analysis;

/** What the state machine remembers of one endpoint. Raw sequence numbers. */
final class Endpoint extends ZeekEndpoint {
    TcpState state;
    boolean sentSyn;
    long iss;
    long synFrame;
    boolean sentFin;
    /** Sequence number of the FIN this endpoint sent (the FIN occupies it; RFC 9293 §3.4). */
    long finSeq;
    long finFrame;
    boolean finAcked;
    /** Passive opener (was in LISTEN): an RST in SYN-RECEIVED returns it to LISTEN (RFC 9293 §3.10.7.4). */
    boolean passive;
    long lastDataSentFrame;
    long lastDataReceivedFrame;
    /** Packets, frame bytes and payload bytes this endpoint sent. */
    long packets;
    long bytes;
    long payloadBytes;
    long dataSegments;
    int minSegment = Integer.MAX_VALUE;
    int maxSegment;
    int mss = -1;
    int windowScale = -1;
    boolean sackPermitted;
    boolean timestamps;

    /** A field from each part of the object, for {@link Connection#warm()}. */
    long warm() {
        return start + histLastRst + gapCount + iss + packets + dataSegments + maxSegment + (state == null ? 0 : 1);
    }

    @Override
    void reset() {
        super.reset();
        state = null;
        sentSyn = false;
        iss = 0;
        synFrame = 0;
        sentFin = false;
        finSeq = 0;
        finFrame = 0;
        finAcked = false;
        passive = false;
        lastDataSentFrame = 0;
        lastDataReceivedFrame = 0;
        packets = 0;
        bytes = 0;
        payloadBytes = 0;
        dataSegments = 0;
        minSegment = Integer.MAX_VALUE;
        maxSegment = 0;
        mss = -1;
        windowScale = -1;
        sackPermitted = false;
        timestamps = false;
    }

    /** What this endpoint's SYN (or SYN+ACK) offered (read by TcpSegment); a later SYN's replaces it. */
    void synOptions(int mss, int windowScale, boolean sackPermitted, boolean timestamps) {
        this.mss = mss;
        this.windowScale = windowScale;
        this.sackPermitted = sackPermitted;
        this.timestamps = timestamps;
    }
}
