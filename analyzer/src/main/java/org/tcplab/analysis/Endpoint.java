package org.tcplab.analysis;

/** What the state machine remembers of one endpoint. Raw sequence numbers. */
final class Endpoint {
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
    /** Zeek history letters seen for this side, as a bit set over the letters. */
    int history;
}
