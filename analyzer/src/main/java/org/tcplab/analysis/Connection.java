package org.tcplab.analysis;

import static org.tcplab.wire.TcpFlags.ACK;
import static org.tcplab.wire.TcpFlags.FIN;
import static org.tcplab.wire.TcpFlags.RST;
import static org.tcplab.wire.TcpFlags.SYN;

import java.util.List;
import org.tcplab.tcp.TcpSegment;
import org.tcplab.wire.IpEndpoint;

/**
 * One TCP connection (one tshark stream): both directions' sequence analysis, both endpoints'
 * states, and what the summary reports. Direction 0 sent the stream's first captured segment;
 * the client is the endpoint that sent the first SYN (or, with no SYN captured, an inferred one).
 */
public final class Connection {

    final Direction[] dirs = {new Direction(), new Direction()};
    final Endpoint[] ends = {new Endpoint(), new Endpoint()};
    /** Set by the tracker that holds this object: which use of it this is (pooled objects are reused). */
    int serial;
    /** Both endpoints are done (CLOSED or TIME-WAIT) as of the latest segment; in the tracker's queue of finished ones. */
    boolean finished;
    boolean finishedQueued;
    /** In the tracker's queue of connections by when they would be idle. */
    boolean idleQueued;
    /** Direction index of the client. */
    int clientDir = -1;
    boolean rolesInferred;
    boolean startedMidConnection;
    long lastSynTime;
    long firstRttNanos;
    long firstTime;
    long lastTime;
    /**
     * The two ends, direction 0 (the stream's first sender) then 1, as the segment that made this
     * object saw them: the summary names them without asking the stream numbering, which in
     * {@code conns} runs a batch ahead in another thread.
     */
    int family;
    long hi0;
    long lo0;
    int port0;
    long hi1;
    long lo1;
    int port1;
    /** Zeek's view of it, for conn_state and history. */
    final ZeekConnection zeek = new ZeekConnection(ends[0], ends[1]);
    /** Who sent the first FIN or RST (null: neither was seen), which it was, and in which frame. */
    Role closedFirstBy;
    boolean closedFirstRst;
    long closedFirstFrame;
    Role firstRstBy;
    RstCause firstRstCause;
    boolean handshakeSyn;
    boolean handshakeSynAck;
    boolean handshakeAck;
    /**
     * Problem counts over both directions, from each segment's sequence-analysis verdict: segments
     * flagged retransmission, fast retransmission or spurious retransmission (once whichever it has),
     * duplicate ACKs, zero windows, out-of-order segments; and the ACK RTTs tshark shows (an ACK
     * that acknowledges a segment of the other direction, with a non-zero RTT).
     */
    long retransmissions;
    long dupAcks;
    long zeroWindows;
    long outOfOrder;
    long ackRtts;
    long ackRttSumNanos;
    long ackRttMinNanos = Long.MAX_VALUE;
    long ackRttMaxNanos = Long.MIN_VALUE;

    /** Any of these bits makes the segment one retransmission (tshark sets the plain one beside the others). */
    private static final int RETRANSMISSION_BITS = AnalysisFlag.RETRANSMISSION.bit()
            | AnalysisFlag.FAST_RETRANSMISSION.bit() | AnalysisFlag.SPURIOUS_RETRANSMISSION.bit();
    private static final int DUPLICATE_ACK_BIT = AnalysisFlag.DUPLICATE_ACK.bit();
    private static final int ZERO_WINDOW_BIT = AnalysisFlag.ZERO_WINDOW.bit();
    private static final int OUT_OF_ORDER_BIT = AnalysisFlag.OUT_OF_ORDER.bit();

    /**
     * Back to a fresh connection, so that a tracker can reuse the object for the next one instead
     * of allocating some 1.4 KB that would outlive many young collections (ConnectionResetTest
     * holds it field by field to a new object).
     */
    void reset() {
        dirs[0].reset();
        dirs[1].reset();
        ends[0].reset();
        ends[1].reset();
        zeek.reset();
        finished = false;
        finishedQueued = false;
        idleQueued = false;
        clientDir = -1;
        family = 0;
        hi0 = 0;
        lo0 = 0;
        port0 = 0;
        hi1 = 0;
        lo1 = 0;
        port1 = 0;
        rolesInferred = false;
        startedMidConnection = false;
        lastSynTime = 0;
        firstRttNanos = 0;
        firstTime = 0;
        lastTime = 0;
        closedFirstBy = null;
        closedFirstRst = false;
        closedFirstFrame = 0;
        firstRstBy = null;
        firstRstCause = null;
        handshakeSyn = false;
        handshakeSynAck = false;
        handshakeAck = false;
        retransmissions = 0;
        dupAcks = 0;
        zeroWindows = 0;
        outOfOrder = 0;
        ackRtts = 0;
        ackRttSumNanos = 0;
        ackRttMinNanos = Long.MAX_VALUE;
        ackRttMaxNanos = Long.MIN_VALUE;
    }

    /**
     * Reads a field from about every cache line of this connection's objects and returns their
     * sum. A sweep does this for a batch of due connections before summarising any: the reads are
     * independent of each other, so their cache misses overlap instead of coming one after
     * another inside each summary.
     */
    long warm() {
        return firstTime + ackRttMaxNanos + clientDir + ends[0].warm() + ends[1].warm() + dirs[0].warm()
                + dirs[1].warm() + zeek.warm();
    }

    /** Notes both ends from a segment of this connection sent in direction {@code dir} (0 or 1). */
    void ends(TcpSegment p, int dir) {
        family = p.family();
        boolean fromFirst = dir == 0;
        hi0 = fromFirst ? p.srcHi() : p.dstHi();
        lo0 = fromFirst ? p.srcLo() : p.dstLo();
        port0 = fromFirst ? p.sport() : p.dport();
        hi1 = fromFirst ? p.dstHi() : p.srcHi();
        lo1 = fromFirst ? p.dstLo() : p.srcLo();
        port1 = fromFirst ? p.dport() : p.sport();
    }

    /** The end that sent in direction {@code dir}, as {@link #ends} noted it. */
    IpEndpoint end(int dir) {
        return dir == 0 ? new IpEndpoint(family, hi0, lo0, port0)
                : new IpEndpoint(family, hi1, lo1, port1);
    }

    public long firstRttNanos() {
        return firstRttNanos;
    }

    /** Direction index of the client, or -1 before the first segment. */
    public int clientDirection() {
        return clientDir;
    }

    /** Capture time of the connection's latest segment, epoch nanoseconds. */
    public long lastTime() {
        return lastTime;
    }

    public TcpState clientState() {
        return ends[clientDir].state;
    }

    public TcpState serverState() {
        return ends[1 - clientDir].state;
    }

    Role role(int dir) {
        return dir == clientDir ? Role.CLIENT : Role.SERVER;
    }

    /** The summary of this connection as it stands. */
    public ConnectionSummary summary(int stream, IpEndpoint clientAddress, IpEndpoint serverAddress,
                                     long captureStartNanos) {
        Endpoint c = ends[clientDir];
        Endpoint s = ends[1 - clientDir];
        // RFC 7323 §2.2: scaling only when both SYNs carried the option
        boolean scaling = c.windowScale >= 0 && s.windowScale >= 0;
        return new ConnectionSummary(stream, clientAddress, serverAddress, firstTime - captureStartNanos,
                lastTime - firstTime, c.packets, c.bytes, c.payloadBytes, s.packets, s.bytes, s.payloadBytes,
                handshakeSyn && handshakeSynAck && handshakeAck, rolesInferred, c.mss, s.mss,
                scaling ? c.windowScale : -1, scaling ? s.windowScale : -1, c.sackPermitted && s.sackPermitted,
                c.timestamps && s.timestamps, c.dataSegments == 0 ? 0 : c.minSegment, c.maxSegment,
                s.dataSegments == 0 ? 0 : s.minSegment, s.maxSegment,
                closedFirstBy == null ? null : new ConnectionSummary.Closing(closedFirstBy, closedFirstRst, closedFirstFrame),
                firstRstBy,
                firstRstCause, c.state, s.state, zeek.connState(),
                zeek.history(), zeek.originatorDirection() == clientDir, firstRttNanos, retransmissions, dupAcks,
                zeroWindows, outOfOrder, ackRtts, ackRtts == 0 ? -1 : ackRttMinNanos,
                ackRtts == 0 ? -1 : ackRttSumNanos / ackRtts, ackRtts == 0 ? -1 : ackRttMaxNanos);
    }

    /** Per-segment input, to keep the argument list readable. */
    public static final class Segment {
        public int dir;
        public long seq;
        public long ack;
        public long relSeq;
        public long relAck;
        public int seglen;
        public int flags;
        public int window;
        public int fwdScale;
        public int revScale;
        public long baseFwd;
        public int sport;
        public int dport;
        public int frameLength;
        /** Payload bytes the capture holds (less than seglen when the snapshot length cut it). */
        public int payloadCaptured;
        /** The checksum was judged wrong (conns --zeek-checksums): Zeek's view records 'C' and skips it. */
        public boolean checksumBad;
        /** The IPv4 header checksum was judged wrong: Zeek drops the packet before TCP, no letter. */
        public boolean ipChecksumBad;
        public long time;
        public long frame;
        /** What a SYN's options offered (TcpSegment#synMss and the rest); -1 and false for other segments. */
        public int synMss;
        public int synWindowScale;
        public boolean synSackPermitted;
        public boolean synTimestamps;
        /** What the segment's SACK blocks cover (TcpOptions.sackDelivered). */
        public long sackDelivered;
    }

    /**
     * Analyses one segment: sequence analysis, then the endpoint states, into {@code v} and
     * {@code out} (null: the states change, no transitions are recorded).
     */
    public void analyse(Segment s, SequenceAnalysis.Verdict v, List<Transition> out, RstVerdict rst) {
        int dir = s.dir;
        Direction fwd = dirs[dir];
        Direction rev = dirs[1 - dir];
        fwd.windowScale = s.fwdScale;
        rev.windowScale = s.revScale;
        fwd.baseSeq = s.baseFwd;
        if (clientDir < 0) {
            start(s);
        }
        // RFC 5961 §3.2: an RST is acceptable only inside the receiver's window, judged before the
        // analysis moves the sender's next sequence number
        boolean rstInWindow = true;
        long rcvNxt = fwd.nextSeq;
        long rcvWnd = rev.window < 0 ? -1 : (long) rev.window << Math.max(0, rev.windowScale);
        if ((s.flags & RST) != 0 && rcvNxt != 0 && rcvWnd >= 0) {
            rstInWindow = s.seq == rcvNxt
                    || (rcvWnd > 0 && !SequenceAnalysis.lt(s.seq, rcvNxt) && SequenceAnalysis.lt(s.seq, (rcvNxt + rcvWnd) & 0xFFFFFFFFL));
        }
        // the initial RTT: from the SYN to the first ACK that is not a SYN+ACK
        if ((s.flags & (SYN | ACK)) == SYN) {
            lastSynTime = s.time;
        } else if ((s.flags & (SYN | ACK)) == ACK && firstRttNanos == 0 && lastSynTime != 0) {
            firstRttNanos = Math.max(1, s.time - lastSynTime);
        }
        SequenceAnalysis.analyse(fwd, rev, s.seq, s.ack, s.seglen, s.flags, s.window, s.time, s.frame, firstRttNanos,
                s.sackDelivered, v);
        // the summary's counts, from the verdict just made: fields and comparisons, no call, no allocation
        int f = v.flags;
        if (f != 0) {
            if ((f & RETRANSMISSION_BITS) != 0) {
                retransmissions++;
            }
            if ((f & DUPLICATE_ACK_BIT) != 0) {
                dupAcks++;
            }
            if ((f & ZERO_WINDOW_BIT) != 0) {
                zeroWindows++;
            }
            if ((f & OUT_OF_ORDER_BIT) != 0) {
                outOfOrder++;
            }
        }
        // tshark shows tcp.analysis.ack_rtt only when it is not zero (packet-tcp.c)
        long rtt = v.ackRttNanos;
        if (v.ackedFrame >= 0 && rtt != 0) {
            ackRtts++;
            ackRttSumNanos += rtt;
            if (rtt < ackRttMinNanos) {
                ackRttMinNanos = rtt;
            }
            if (rtt > ackRttMaxNanos) {
                ackRttMaxNanos = rtt;
            }
        }

        Endpoint x = ends[dir];
        Endpoint y = ends[1 - dir];
        count(s, x, dir);
        if (s.ipChecksumBad) {
            // IP.cc: a bad header checksum is a weird, and the packet goes no further
        } else if (s.checksumBad) {
            zeek.badChecksum(dir, s.flags, s.sport, s.dport);
        } else {
            zeek.packet(dir, s.flags, s.seq, s.ack, s.seglen, s.payloadCaptured, s.window, s.sport, s.dport);
        }
        if ((s.flags & SYN) != 0) {
            x.synOptions(s.synMss, s.synWindowScale, s.synSackPermitted, s.synTimestamps);
        }
        rst.cause = null;
        rst.detail = null;
        if ((s.flags & RST) != 0) {
            classifyRst(s, x, y, dir, rstInWindow, rcvNxt, rcvWnd, rst);
            if (firstRstBy == null) {
                firstRstBy = role(dir);
                firstRstCause = rst.cause;
            }
        }
        // an RST outside the window closes nothing: the receiver ignores it (RFC 5961 §3.2)
        if (closedFirstBy == null && ((s.flags & FIN) != 0 || (s.flags & RST) != 0 && rstInWindow)) {
            closedFirstBy = role(dir);
            closedFirstRst = (s.flags & RST) != 0;
            closedFirstFrame = s.frame;
        }
        EndpointStates.apply(x, role(dir), y, role(1 - dir), s.flags, s.seq, s.ack, s.seglen, s.relSeq, s.relAck,
                rstInWindow, s.frame, out);
        if (s.seglen > 0) {
            x.lastDataSentFrame = s.frame;
            y.lastDataReceivedFrame = s.frame;
        }
        lastTime = Math.max(lastTime, s.time);
    }

    private void start(Segment s) {
        firstTime = s.time;
        lastTime = s.time;
        int dir = s.dir;
        if ((s.flags & (SYN | ACK)) == SYN) {
            clientDir = dir;
            EndpointStates.beginWithSyn(ends[dir], ends[1 - dir]);
        } else if ((s.flags & (SYN | ACK)) == (SYN | ACK)) {
            // the SYN was not captured: the SYN+ACK's receiver is the client, in SYN-SENT
            clientDir = 1 - dir;
            rolesInferred = true;
            EndpointStates.beginAtSynAck(ends[clientDir], ends[dir], s.ack);
        } else {
            // mid-connection: the endpoint on the higher (ephemeral) port is taken for the client
            clientDir = s.sport > s.dport ? dir : s.sport < s.dport ? 1 - dir : dir;
            rolesInferred = true;
            startedMidConnection = true;
            EndpointStates.beginMidConnection(ends[0], ends[1]);
        }
    }

    private void count(Segment s, Endpoint x, int dir) {
        x.packets++;
        x.bytes += s.frameLength;
        if (s.seglen > 0) {
            x.payloadBytes += s.seglen;
            x.dataSegments++;
            x.minSegment = Math.min(x.minSegment, s.seglen);
            x.maxSegment = Math.max(x.maxSegment, s.seglen);
        }
        int f = s.flags;
        boolean client = dir == clientDir;
        if ((f & (SYN | ACK)) == SYN) {
            handshakeSyn |= client;
        } else if ((f & (SYN | ACK)) == (SYN | ACK)) {
            handshakeSynAck |= !client;
        } else if ((f & ACK) != 0 && s.seglen == 0 && (f & (FIN | RST)) == 0) {
            if (client && handshakeSynAck) {
                handshakeAck = true;
            }
        }
        if (s.seglen > 0 && client && handshakeSynAck) {
            handshakeAck = true;
        }
    }

    /** The cause of an RST and the evidence for it, filled per RST. */
    public static final class RstVerdict {
        public RstCause cause;
        /** The evidence as numbers and roles, for wording it in another language. */
        public RstEvidence detail;
    }

    private void classifyRst(Segment s, Endpoint x, Endpoint y, int dir, boolean inWindow, long rcvNxt, long rcvWnd,
                             RstVerdict r) {
        Role xName = role(dir);
        Role yName = role(1 - dir);
        RstEvidence e;
        if (!inWindow) {
            e = RstEvidence.of(RstCause.OUT_OF_WINDOW, s.seq, yName, rcvNxt, (rcvNxt + rcvWnd) & 0xFFFFFFFFL);
        } else if (!x.sentSyn && y.sentSyn && y.state == TcpState.SYN_SENT) {
            e = RstEvidence.of(RstCause.REFUSED, y.synFrame, s.relAck, s.sport);
        } else if (x.sentFin && y.lastDataSentFrame > x.finFrame) {
            e = RstEvidence.of(RstCause.AFTER_CLOSE, xName, x.finFrame, yName, y.lastDataSentFrame);
        } else if (x.state.synchronized_() && x.lastDataReceivedFrame > x.lastDataSentFrame) {
            // A FIN may come first: Java shuts the output down before closing a socket
            e = RstEvidence.of(RstCause.UNREAD_DATA, yName, x.lastDataReceivedFrame, xName);
        } else if (x.state.synchronized_() || x.state == TcpState.SYN_RECEIVED) {
            e = RstEvidence.of(RstCause.ABORT, xName, x.state);
        } else {
            e = RstEvidence.of(RstCause.UNKNOWN, xName, x.state);
        }
        r.cause = e.cause();
        r.detail = e;
    }
}
