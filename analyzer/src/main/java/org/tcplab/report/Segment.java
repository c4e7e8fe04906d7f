package org.tcplab.report;

import java.util.List;
import java.util.Set;
import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.analysis.Role;
import org.tcplab.analysis.RstCause;
import org.tcplab.analysis.TcpState;
import org.tcplab.analysis.Transition;
import org.tcplab.model.Packet;
import org.tcplab.tcp.TcpOptions;
import org.tcplab.wire.ByteString;
import org.tcplab.wire.IpEndpoint;
import org.tcplab.wire.TcpFlags;

/**
 * One TCP segment of a connection as a report explains it: the numbers on the wire and relative,
 * both endpoints' states before and after, the transitions, the verdicts, the frame it
 * acknowledges. Made from the packet model's value ({@link Packet}).
 *
 * @param nextSeq relative seq after this segment: seq + len, + 1 for a SYN, + 1 for a FIN (RFC 9293 §3.4)
 */
public record Segment(long frame, long timeNanos, Role from, IpEndpoint src, IpEndpoint dst, int flags, long seq,
                      long ack, long rawSeq, long rawAck, int len, long window, TcpOptions options, long nextSeq,
                      TcpState clientBefore, TcpState serverBefore, TcpState clientAfter, TcpState serverAfter,
                      List<Transition> transitions, Set<AnalysisFlag> verdicts, int dupAckNumber, long dupAckFrame,
                      long ackedFrame, long ackRttNanos, RstCause rstCause, String rstEvidence,
                      org.tcplab.analysis.RstEvidence rstDetail, ByteString payload) {

    public Segment {
        transitions = List.copyOf(transitions);
        verdicts = Set.copyOf(verdicts);
    }

    /** The segment of an analysed TCP packet, or null when the packet has none (no stream, or quoted in ICMP). */
    public static Segment of(Packet p) {
        if (p.tcp() == null || p.analysis() == null) {
            return null;
        }
        Datagram d = Datagram.of(p);
        if (d == null || d.tcp() == null) {
            return null;
        }
        Packet.Tcp tcp = d.tcp();
        Packet.TcpInfo info = p.tcp();
        Packet.Analysis a = p.analysis();
        TcpState clientBefore = a.clientState();
        TcpState serverBefore = a.serverState();
        List<Transition> ts = a.transitions();
        for (int i = ts.size() - 1; i >= 0; i--) {
            Transition t = ts.get(i);
            if (t.endpoint() == Role.CLIENT) {
                clientBefore = t.from();
            } else {
                serverBefore = t.from();
            }
        }
        int len = Math.max(0, info.payloadLength());
        long next = info.seq() + len + (TcpFlags.has(tcp.flags(), TcpFlags.SYN) ? 1 : 0)
                + (TcpFlags.has(tcp.flags(), TcpFlags.FIN) ? 1 : 0);
        return new Segment(p.number(), p.relativeNanos(), a.from(), d.src(), d.dst(), tcp.flags(), info.seq(), info.ack(),
                tcp.seqRaw(), tcp.ackRaw(), len, info.window(), tcp.options(), next, clientBefore, serverBefore,
                a.clientState(), a.serverState(), ts, a.flags(), a.dupAckNumber(), a.dupAckFrame(), a.ackedFrame(),
                a.ackRttNanos(), a.rstCause(), a.rstEvidence(), a.rstDetail(), p.payload());
    }

    /** This segment with other states before and after and other transitions (EvidenceOrder). */
    Segment withStates(TcpState clientBefore, TcpState serverBefore, TcpState clientAfter, TcpState serverAfter,
                       List<Transition> transitions) {
        return new Segment(frame, timeNanos, from, src, dst, flags, seq, ack, rawSeq, rawAck, len, window, options, nextSeq,
                clientBefore, serverBefore, clientAfter, serverAfter, transitions, verdicts, dupAckNumber, dupAckFrame,
                ackedFrame, ackRttNanos, rstCause, rstEvidence, rstDetail, payload);
    }

    public boolean syn() {
        return TcpFlags.has(flags, TcpFlags.SYN);
    }

    public boolean fin() {
        return TcpFlags.has(flags, TcpFlags.FIN);
    }

    public boolean rst() {
        return TcpFlags.has(flags, TcpFlags.RST);
    }

    public boolean hasAck() {
        return TcpFlags.has(flags, TcpFlags.ACK);
    }

    public boolean psh() {
        return TcpFlags.has(flags, TcpFlags.PSH);
    }

    /** Carries payload (a SYN's data counts too). */
    public boolean data() {
        return len > 0;
    }

    /** Flags as Wireshark lists them: "SYN, ACK". */
    public String flagList() {
        return TcpFlags.list(flags);
    }

    public boolean problem() {
        return !verdicts.isEmpty() || rst();
    }

    /** The state of {@code role} after this segment. */
    public TcpState after(Role role) {
        return role == Role.CLIENT ? clientAfter : serverAfter;
    }

    public TcpState before(Role role) {
        return role == Role.CLIENT ? clientBefore : serverBefore;
    }

    /** A short text of the payload, at most {@code max} characters, line ends as ↵. */
    public String payloadPreview(int max) {
        if (payload.length() == 0) {
            return "";
        }
        byte[] b = payload.toByteArray();
        String s = org.tcplab.model.PayloadText.render(b, 0, Math.min(b.length, max * 4));
        s = s.replace("\n", "↵").replace("\t", " ");
        if (s.length() > max) {
            s = s.substring(0, max - 1) + "…";
        } else if (b.length > max * 4) {
            s = s + "…";
        }
        return s;
    }
}
