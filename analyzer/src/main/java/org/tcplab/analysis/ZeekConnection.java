package org.tcplab.analysis;

import static org.tcplab.wire.TcpFlags.ACK;
import static org.tcplab.wire.TcpFlags.FIN;
import static org.tcplab.wire.TcpFlags.RST;
import static org.tcplab.wire.TcpFlags.SYN;

/**
 * One connection as Zeek's TCP analyzer sees it, for conn.log's {@code conn_state} and
 * {@code history}: who Zeek takes for the originator (and when it flips that), both endpoints
 * through Zeek's states, and the history letters, each by the rule Zeek writes it with
 * (src/packet_analysis/protocol/tcp/TCPSessionAdapter.cc, TCP.cc, src/analyzer/protocol/tcp/
 * TCP_Endpoint.cc and TCP_Reassembler.cc, scripts/base/protocols/conn/main.zeek, zeek/zeek at
 * a13de64). It runs beside the RFC 9293 machine of {@link EndpointStates}, which explains the
 * connection; this one only reproduces Zeek's verdict. Directions are the stream's: 0 sent the
 * first segment. Allocates nothing per packet.
 */
final class ZeekConnection {
    // two fields rather than an array: one object fewer to touch per packet
    private final ZeekEndpoint end0;
    private final ZeekEndpoint end1;
    /** Direction of Zeek's originator. */
    private int origDir;
    private boolean started;
    private final StringBuilder history = new StringBuilder(12);
    /**
     * The history is exactly "H" (the connection began with a SYN+ACK and nothing else was
     * written): kept beside it so that the per-packet test reads no builder.
     */
    private boolean historyJustH;
    /** Letters seen once per role: bits 0-15 the originator's, 16-31 the responder's (Session::CheckHistory). */
    private int seen;
    /** TCPSessionAdapter's is_partial and first_packet_seen (bit 0 originator, bit 1 responder). */
    private boolean partial;
    private int firstSeen;

    private static final int HIST_SYN = 0x1;
    private static final int HIST_FIN = 0x2;
    private static final int HIST_RST = 0x4;
    private static final int HIST_FIN_RST = 0x8;
    private static final int HIST_ACK = 0x10;
    private static final int HIST_DATA = 0x20;
    private static final int HIST_MULTI_FLAG = 0x40;
    private static final int SEEN_ORIG = 1;
    private static final int SEEN_RESP = 2;
    /** Sequence jumps beyond this in a SYN or RST are not believed (TOO_LARGE_SEQ_DELTA). */
    private static final int TOO_LARGE = 1048576;

    /** Zeek's view of the endpoints of directions 0 and 1. */
    ZeekConnection(ZeekEndpoint first, ZeekEndpoint second) {
        end0 = first;
        end1 = second;
    }

    /** Back to a fresh view, for a pooled connection (the endpoints are reset by their owner). */
    void reset() {
        origDir = 0;
        started = false;
        history.setLength(0);
        historyJustH = false;
        seen = 0;
        partial = false;
        firstSeen = 0;
        relativeUnderflow = false;
    }

    /** For {@link Connection#warm()}: this object and its history's. */
    long warm() {
        return seen + history.length();
    }

    private ZeekEndpoint end(int dir) {
        return dir == 0 ? end0 : end1;
    }

    /** The direction Zeek calls the originator (its letters are upper case). */
    int originatorDirection() {
        return origDir;
    }

    String history() {
        return history.toString();
    }

    /**
     * A segment Zeek's checksum test rejected (TCP.cc ValidateChecksum): a scaled 'C' for its
     * sender, and Zeek looks no further at it.
     */
    void badChecksum(int dir, int flags, int sport, int dport) {
        start(dir, flags, sport, dport);
        ZeekEndpoint e = end(dir);
        scaled(dir, 'C', ++e.checksumCount);
    }

    /**
     * One segment from direction {@code dir}: raw 32-bit {@code seq} and {@code ack}, payload
     * {@code len} (of which {@code captured} bytes are in the capture), the unscaled window.
     * The steps and their order are TCPSessionAdapter::Process's.
     */
    void packet(int dir, int flags, long seq, long ack, int len, int captured, int window, int sport, int dport) {
        ZeekEndpoint e = end(dir);
        ZeekEndpoint p = end(1 - dir);
        if (FAST_PATH && (flags & (SYN | FIN | RST)) == 0 && window != 0 && firstSeen == (SEEN_ORIG | SEEN_RESP)
                && !historyJustH && e.zeekState != ZeekState.INACTIVE && p.zeekState != ZeekState.INACTIVE) {
            steady(e, p, dir, flags, seq, ack, len, captured);
            return;
        }
        start(dir, flags, sport, dport);
        boolean isOrig = dir == origDir;
        boolean syn = (flags & SYN) != 0;
        boolean fin = (flags & FIN) != 0;
        boolean rst = (flags & RST) != 0;
        boolean ackSet = (flags & ACK) != 0;
        // SetPartialStatus: judged on each role's first packet
        if (isOrig) {
            if ((firstSeen & SEEN_ORIG) == 0) {
                partial = !syn || ackSet;
            }
        } else if ((firstSeen & SEEN_RESP) == 0 && !partial) {
            partial = !syn;
        }
        // a SYN and a FIN take one sequence number each; an RST's data takes none (RFC 9293 §3.4)
        int segLen = len + (syn ? 1 : 0) + (fin ? 1 : 0);
        if (rst) {
            segLen -= len;
        }
        long end = (seq + segLen) & 0xFFFFFFFFL;
        initEndpoint(e, syn, seq, end);
        long relSeq = relative(e, seq, e.lastSeq, e.seqWraps);
        boolean underflow = relativeUnderflow;
        history(flags, e, dir, relSeq, len);
        // update_window: a zero window, unless with or after an RST or after the peer's FIN
        if (window == 0 && !rst && p.zeekState != ZeekState.CLOSED && e.zeekState != ZeekState.RESET) {
            scaled(dir, 'W', ++e.zeroWindowCount);
        }
        if (fin) {
            e.finCount++;
            e.zeekFinSeq = relSeq + segLen;
        }
        if (rst) {
            e.rstCount++;
        }
        long relAck = 0;
        if (ackSet) {
            if (p.zeekState == ZeekState.INACTIVE) {
                // init_peer: the peer's numbers start as though its SYN had been seen
                relAck = 1;
                long base = (ack - 1) & 0xFFFFFFFFL;
                p.initStartSeq(base);
                p.ackSeq = base;
                p.lastSeq = base;
            } else {
                relAck = relative(p, ack, p.ackSeq, p.ackWraps);
                if (relativeUnderflow) {
                    relAck = 0;
                } else if (!rst) {
                    ackSeen(p, ack); // an RST's acknowledgement is not trusted
                }
            }
        }
        int deltaLast = updateLastSeq(e, dir, end, flags, len);
        stateMachine(e, p, isOrig, flags, seq, len, deltaLast);
        if (ackSet) {
            // after the state machine, so that a gap an RST's acknowledgement shows is not counted
            acknowledged(e, p, dir, relAck);
        }
        if (len > 0 && captured >= len && !rst && !underflow) {
            e.dataSent(syn ? relSeq + 1 : relSeq, len);
        }
        // CheckPIA_FirstPacket, with the role the packet arrived in
        firstSeen |= isOrig ? SEEN_ORIG : SEEN_RESP;
    }

    /** Off only in a test that checks the steady path against the whole procedure. */
    static boolean FAST_PATH = true;

    /**
     * The whole procedure above for the commonest packet, with what cannot happen to it left out:
     * no SYN, FIN or RST, a window that is not zero, both endpoints past INACTIVE, both roles'
     * first packets seen, no flip pending. Then the endpoint needs no initialising, the state
     * machine changes nothing, and the letters can only be 'D' or 'A' (once each), 'T' and 'G'.
     * It is a third of Zeek's share of a conns run on the benchmark capture (README).
     */
    private void steady(ZeekEndpoint e, ZeekEndpoint p, int dir, int flags, long seq, long ack, int len, int captured) {
        // (C1, which conns runs on, inlines no call of this size: the common cases are written out)
        long relSeq = 0;
        boolean underflow = false;
        if (len > 0) {
            if (e.seqWraps == 0 && ((int) (seq - e.lastSeq) <= 0 || seq >= e.lastSeq)) { // no wrap to count
                relSeq = (int) (seq - e.start);
                underflow = relSeq < 0;
            } else {
                relSeq = relative(e, seq, e.lastSeq, e.seqWraps);
                underflow = relativeUnderflow;
            }
        }
        int mask = len > 0 ? HIST_DATA : (flags & ACK) != 0 ? HIST_ACK : 0;
        if (mask != 0) {
            if (dir != origDir) {
                mask <<= 16;
            }
            if ((seen & mask) == 0) {
                seen |= mask;
                addHistory(dir, len > 0 ? 'D' : 'A');
            }
        }
        boolean ackSet = (flags & ACK) != 0;
        long relAck = 0;
        if (ackSet) {
            boolean ackUnderflow;
            if (p.ackWraps == 0 && ((int) (ack - p.ackSeq) <= 0 || ack >= p.ackSeq)) { // no wrap to count
                relAck = (int) (ack - p.start);
                ackUnderflow = relAck < 0;
            } else {
                relAck = relative(p, ack, p.ackSeq, p.ackWraps);
                ackUnderflow = relativeUnderflow;
            }
            if (ackUnderflow) {
                relAck = 0;
            } else if ((int) (ack - p.ackSeq) > 0 && !(ack == 0 && (int) (ack - p.ackSeq) > TOO_LARGE)) {
                p.updateAckSeq(ack); // update_ack_seq, written out
            }
        }
        // update_last_seq for a packet without SYN, FIN or RST, written out (see above)
        long end = (seq + len) & 0xFFFFFFFFL;
        if (e.zeekState != ZeekState.RESET) {
            if ((int) (end - e.lastSeq) > 0) {
                e.updateLastSeq(end);
            } else if (len > 0) {
                retransmission(e, dir);
            }
        }
        if (ackSet && (p.finCount > 0 || p.heldCount() > 0 || Long.compareUnsigned(relAck, p.lastReassembled) > 0)) {
            acknowledged(e, p, dir, relAck);
        } else if (ackSet && Long.compareUnsigned(relAck, p.trimSeq) > 0) {
            p.trimSeq = relAck; // everything acknowledged was seen: nothing to report
        }
        if (len > 0 && captured >= len && !underflow) {
            if (e.heldCount() == 0 && relSeq == e.lastReassembled && Long.compareUnsigned(relSeq, e.trimSeq) >= 0
                    && Long.compareUnsigned(relSeq, e.full(e.ackSeq, e.ackWraps) - e.start) >= 0) {
                e.lastReassembled = relSeq + len; // in order: delivered at once
            } else {
                e.dataSent(relSeq, len);
            }
        }
    }

    /** The peer's reassembler hears of the acknowledgement; its gaps count when both sides are clean. */
    private void acknowledged(ZeekEndpoint e, ZeekEndpoint p, int dir, long relAck) {
        int gaps = p.ackReceived(relAck, partial);
        if (gaps > 0 && clean(p) && clean(e)) {
            for (int i = 0; i < gaps; i++) {
                scaled(1 - dir, 'G', ++p.gapCount);
            }
        }
    }

    /**
     * The first packet decides the roles (TCPAnalyzer::WantConnection, IPBasedAnalyzer::NewConn):
     * its sender is the originator unless the ports say otherwise. It comes from direction 1 when
     * a stream's analysis starts again after it was freed.
     */
    private void start(int dir, int flags, int sport, int dport) {
        if (started) {
            return;
        }
        started = true;
        boolean flip = false;
        if ((flags & SYN) == 0 || (flags & ACK) != 0) {
            // no SYN, or a SYN+ACK: guess the responder by the ports
            if (LikelyServerPorts.contains(sport)) {
                // both plausible: flip only a non-SYN going from the lower port to the higher
                flip = !LikelyServerPorts.contains(dport) || ((flags & SYN) == 0 && sport < dport);
            }
        }
        origDir = flip ? 1 - dir : dir;
        if (flip) {
            append('^');
        }
    }

    /** Connection::FlipRoles: the roles change sides; the letters already written stay as they are. */
    private void flipRoles() {
        origDir = 1 - origDir;
        firstSeen = ((firstSeen & SEEN_ORIG) != 0 ? SEEN_RESP : 0) | ((firstSeen & SEEN_RESP) != 0 ? SEEN_ORIG : 0);
        partial = false;
        append('^');
    }

    private static void initEndpoint(ZeekEndpoint e, boolean syn, long seq, long end) {
        if (!syn && e.zeekState != ZeekState.INACTIVE) {
            return; // the common case: only a SYN re-initialises a known endpoint
        }
        switch (e.zeekState) {
            case INACTIVE -> {
                if (syn) {
                    e.ackSeq = seq;
                    e.initStartSeq(seq);
                    e.lastSeq = end;
                } else {
                    // a partial connection: numbered as though its SYN had been seen
                    long base = (seq - 1) & 0xFFFFFFFFL;
                    e.ackSeq = base;
                    e.initStartSeq(base);
                    e.lastSeq = seq;
                }
            }
            case SYN_SENT, SYN_ACK_SENT -> {
                if (syn && seq != (e.start & 0xFFFFFFFFL)) {
                    e.initStartSeq(seq);
                    e.ackSeq = seq;
                    e.lastSeq = end;
                }
            }
            case ESTABLISHED, PARTIAL -> {
                if (syn) {
                    e.initStartSeq(seq);
                    e.ackSeq = seq;
                    e.lastSeq = end;
                }
            }
            case RESET -> {
                if (syn && e.zeekPrevState == ZeekState.INACTIVE) {
                    e.initStartSeq(seq);
                    e.ackSeq = seq;
                    e.lastSeq = end;
                }
            }
            default -> {
            }
        }
    }

    private boolean relativeUnderflow;

    /** get_relative_seq: {@code seq} relative to the endpoint's start, with wraps judged against {@code last}. */
    private long relative(ZeekEndpoint e, long seq, long last, int wraps) {
        relativeUnderflow = false;
        int delta = (int) (seq - last);
        if (delta < 0) {
            if (wraps != 0 && seq > last) {
                wraps--;
            }
        } else if (delta > 0) {
            if (seq < last) {
                wraps++;
            }
        }
        if (wraps == 0) {
            int d = (int) (seq - e.start);
            relativeUnderflow = d < 0;
            return d;
        }
        return e.full(seq, wraps) - e.start;
    }

    /** update_ack_seq: the highest acknowledgement of the peer's data, unless it looks broken. */
    private static void ackSeen(ZeekEndpoint p, long ack) {
        int delta = (int) (ack - p.ackSeq);
        if (!(ack == 0 && delta > TOO_LARGE) && delta > 0) {
            p.updateAckSeq(ack);
        }
    }

    /** update_last_seq; a payload that does not go beyond what was sent is a retransmission ('T'). */
    private int updateLastSeq(ZeekEndpoint e, int dir, long end, int flags, int len) {
        int delta = (int) (end - e.lastSeq);
        if ((flags & (SYN | RST)) != 0 && (delta > TOO_LARGE || delta < -TOO_LARGE)) {
            // not believed
        } else if ((flags & FIN) != 0 && e.lastSeq == ((e.start + 1) & 0xFFFFFFFFL)) {
            e.updateLastSeq(end);
        } else if (e.zeekState == ZeekState.RESET) {
            // nothing after an RST is believed
        } else if (delta > 0) {
            e.updateLastSeq(end);
        } else if (len > 0) {
            retransmission(e, dir);
        }
        return delta;
    }

    /** DidRxmit: a scaled 'T'. */
    private void retransmission(ZeekEndpoint e, int dir) {
        scaled(dir, 'T', ++e.retransmitCount);
    }

    /** update_history: one letter per packet, by its control bits. */
    private void history(int flags, ZeekEndpoint e, int dir, long relSeq, int len) {
        boolean syn = (flags & SYN) != 0;
        boolean fin = (flags & FIN) != 0;
        boolean rst = (flags & RST) != 0;
        int bits = (syn ? 1 : 0) + (fin ? 1 : 0) + (rst ? 1 : 0);
        if (bits > 1) {
            if (fin && rst) {
                checkHistory(dir, HIST_FIN_RST, 'I');
            } else {
                checkHistory(dir, HIST_MULTI_FLAG, 'Q');
            }
        } else if (syn) {
            // a SYN or SYN+ACK again is written again when its sequence number moved
            char code = (flags & ACK) != 0 ? 'H' : 'S';
            if (checkHistory(dir, HIST_SYN, code) && relSeq != e.histLastSyn) {
                addHistory(dir, code);
            }
            e.histLastSyn = relSeq;
        } else if (fin) {
            // a FIN's number is where its data ends
            if (checkHistory(dir, HIST_FIN, 'F') && relSeq + len != e.histLastFin) {
                addHistory(dir, 'F');
            }
            e.histLastFin = relSeq + len;
        } else if (rst) {
            if (checkHistory(dir, HIST_RST, 'R') && relSeq != e.histLastRst) {
                addHistory(dir, 'R');
            }
            e.histLastRst = relSeq;
        } else if (len > 0) {
            checkHistory(dir, HIST_DATA, 'D');
        } else if ((flags & ACK) != 0) {
            checkHistory(dir, HIST_ACK, 'A');
        }
    }

    /**
     * TCP_Endpoint::CheckHistory: writes the letter the first time this role shows it; true when it
     * had been written before. A connection whose history is just "H" (it began with a SYN+ACK)
     * that now carries an ACK or data is flipped: the SYN+ACK's sender was the responder.
     */
    private boolean checkHistory(int dir, int mask, char code) {
        if ((code == 'A' || code == 'D') && historyJustH) {
            flipRoles();
            history.setLength(0);
            append('^');
            append('h');
            firstSeen |= SEEN_ORIG;
        }
        if (dir != origDir) {
            mask <<= 16;
        }
        if ((seen & mask) == 0) {
            seen |= mask;
            addHistory(dir, code);
            return false;
        }
        return true;
    }

    private void addHistory(int dir, char code) {
        // the letters are ASCII: lower case is one bit away
        append(dir == origDir ? code : (char) (code | 0x20));
    }

    private void append(char code) {
        historyJustH = history.length() == 0 && code == 'H';
        history.append(code);
    }

    /**
     * Session::ScaledHistoryEntry: the letter at the 1st, 10th, 100th … occurrence. Zeek keeps the
     * next threshold beside the count; it is always the next power of ten, so it is derived here
     * (they part only past 10^9 occurrences, where Zeek's 32-bit threshold stops growing).
     */
    private void scaled(int dir, char code, int count) {
        int n = count;
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        if (n == 1) {
            addHistory(dir, code);
        }
    }

    private static boolean clean(ZeekEndpoint e) {
        return e.zeekState == ZeekState.ESTABLISHED || (e.zeekState == ZeekState.CLOSED && e.zeekPrevState == ZeekState.ESTABLISHED);
    }

    /** UpdateStateMachine, by the sender's state; {@code isOrig} is the role the packet arrived in. */
    private void stateMachine(ZeekEndpoint e, ZeekEndpoint p, boolean isOrig, int flags, long seq, int len, int deltaLast) {
        boolean syn = (flags & SYN) != 0;
        boolean fin = (flags & FIN) != 0;
        boolean rst = (flags & RST) != 0;
        boolean ackSet = (flags & ACK) != 0;
        if (!syn && !fin && !rst && e.zeekState != ZeekState.INACTIVE) {
            return; // the common case: outside INACTIVE only a SYN, FIN or RST changes a state
        }
        switch (e.zeekState) {
            case INACTIVE -> inactive(e, p, isOrig, syn, fin, rst, ackSet, seq, len);
            case SYN_SENT, SYN_ACK_SENT -> {
                if (fin) {
                    e.setZeekState(ZeekState.CLOSED);
                }
                if (rst) {
                    e.setZeekState(ZeekState.RESET);
                }
            }
            case ESTABLISHED, PARTIAL -> {
                if (syn && e.zeekState == ZeekState.PARTIAL && p.zeekState == ZeekState.INACTIVE && !ackSet) {
                    e.setZeekState(ZeekState.SYN_SENT);
                }
                if (fin && !rst) {
                    e.setZeekState(ZeekState.CLOSED);
                    if (p.zeekState == ZeekState.RESET && p.zeekPrevState == ZeekState.CLOSED) {
                        // the peer's FIN and then RST: a normal close after all
                        p.setZeekState(ZeekState.CLOSED);
                    }
                }
                if (rst) {
                    e.setZeekState(ZeekState.RESET);
                }
            }
            case CLOSED -> {
                // after both FINs an RST changes nothing
                if (rst && p.zeekState != ZeekState.CLOSED) {
                    e.setZeekState(ZeekState.RESET);
                }
            }
            default -> {
            }
        }
    }

    private void inactive(ZeekEndpoint e, ZeekEndpoint p, boolean isOrig, boolean syn, boolean fin, boolean rst,
                          boolean ackSet, long seq, int len) {
        if (syn) {
            if (isOrig) {
                e.setZeekState(ackSet ? ZeekState.SYN_ACK_SENT : ZeekState.SYN_SENT);
            } else {
                if (!ackSet && p.zeekState == ZeekState.SYN_ACK_SENT && seq == (e.start & 0xFFFFFFFFL)) {
                    // the SYN and SYN+ACK were captured the wrong way round: flip and establish
                    partial = false;
                    flipRoles();
                    p.setZeekState(ZeekState.ESTABLISHED);
                    firstSeen |= SEEN_ORIG;
                }
                if (p.zeekState == ZeekState.SYN_SENT) {
                    p.setZeekState(ZeekState.ESTABLISHED);
                }
                e.setZeekState(ZeekState.ESTABLISHED);
            }
        }
        if (fin) {
            e.setZeekState(ZeekState.CLOSED);
        }
        if (rst) {
            e.setZeekState(ZeekState.RESET);
        }
        if (e.zeekState == ZeekState.INACTIVE) {
            ZeekEndpoint orig = end(origDir);
            if (!isOrig && len == 0 && orig.zeekState == ZeekState.SYN_SENT) {
                // an ACK of the SYN before the SYN+ACK: not yet a partial connection
            } else if (ackSet && p.zeekState == ZeekState.ESTABLISHED) {
                // the SYN was missed, the SYN+ACK seen: established after all
                e.setZeekState(ZeekState.ESTABLISHED);
                partial = false;
                firstSeen |= isOrig ? SEEN_ORIG : SEEN_RESP;
            } else {
                e.setZeekState(ZeekState.PARTIAL);
            }
        }
    }

    /** conn_state in scripts/base/protocols/conn/main.zeek, from both final states. */
    String connState() {
        ZeekEndpoint o = end(origDir);
        ZeekEndpoint r = end(1 - origDir);
        ZeekState os = o.zeekState;
        ZeekState rs = r.zeekState;
        boolean oInactive = os == ZeekState.INACTIVE || os == ZeekState.PARTIAL;
        boolean rInactive = rs == ZeekState.INACTIVE || rs == ZeekState.PARTIAL;
        if (rs == ZeekState.RESET) {
            if (os == ZeekState.SYN_SENT || os == ZeekState.SYN_ACK_SENT
                    || (os == ZeekState.RESET && o.size(r) == 0 && r.size(o) == 0)) {
                return "REJ";
            }
            return oInactive ? "RSTRH" : "RSTR";
        }
        if (os == ZeekState.RESET) {
            if (rInactive) {
                return rstos0History() ? "RSTOS0" : "OTH";
            }
            return "RSTO";
        }
        if (rs == ZeekState.CLOSED && os == ZeekState.CLOSED) {
            return "SF";
        }
        if (os == ZeekState.CLOSED) {
            return rInactive ? "SH" : "S2";
        }
        if (rs == ZeekState.CLOSED) {
            return oInactive ? "SHR" : "S3";
        }
        if (os == ZeekState.SYN_SENT && rs == ZeekState.INACTIVE) {
            return "S0";
        }
        if (os == ZeekState.ESTABLISHED && rs == ZeekState.ESTABLISHED) {
            return "S1";
        }
        return "OTH";
    }

    /** The whole history matches /^?S[^HAFGIQ]*R.*&#47; (Zeek's == on a pattern matches all of it). */
    private boolean rstos0History() {
        int i = 0;
        int n = history.length();
        if (i < n && history.charAt(i) == '^') {
            i++;
        }
        if (i >= n || history.charAt(i) != 'S') {
            return false;
        }
        for (i++; i < n; i++) {
            char c = history.charAt(i);
            if (c == 'R') {
                return true;
            }
            if (c == 'H' || c == 'A' || c == 'F' || c == 'G' || c == 'I' || c == 'Q') {
                return false;
            }
        }
        return false;
    }
}
