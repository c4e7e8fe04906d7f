package org.tcplab.report;

import java.util.ArrayList;
import java.util.List;
import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.analysis.ConnectionSummary;
import org.tcplab.analysis.Role;
import org.tcplab.analysis.RstCause;
import org.tcplab.analysis.TcpState;
import org.tcplab.analysis.Transition;
import org.tcplab.analysis.TransitionCause;
import org.tcplab.tcp.TcpOptions;

/**
 * Explains one TCP connection: the handshake with its arithmetic, every data segment with the ACK
 * that covers it, each write cut into segments, the teardown, each RST, each analysis verdict.
 * The numbers are the analysis's (tshark's relative numbers); the words come from the bundle.
 */
final class TcpExplainer {
    /** An ACK this long after the data it covers is called delayed (Linux waits at least 40 ms, RFC 1122 §4.2.3.2 at most 500 ms). */
    static final long DELAYED_ACK_NANOS = 20_000_000L;
    private static final List<String> HANDSHAKE_COLUMNS = List.of("frame", "time", "direction", "flags", "seq", "ack",
            "raw_seq", "raw_ack", "len", "options", "client_state", "server_state");
    private static final List<String> DATA_COLUMNS = List.of("frame", "time", "direction", "seq", "len", "next_seq",
            "acked_by", "ack", "ack_kind", "payload");
    private static final List<String> SEGMENTATION_COLUMNS = List.of("frames", "direction", "bytes", "mss", "expected",
            "sizes", "acks");
    private static final List<String> TEARDOWN_COLUMNS = List.of("frame", "time", "direction", "flags", "seq", "ack",
            "len", "client_state", "server_state");

    private final Say say;
    private final ConnectionSummary summary;
    private final List<Segment> segs;
    private final String client;
    private final String server;
    /** {@link #coveringAcks}: the index of the ACK that covers each segment, or -1. */
    private final int[] cover;

    TcpExplainer(Say say, ConnectionSummary summary, List<Segment> segs) {
        this.say = say;
        this.summary = summary;
        this.segs = EvidenceOrder.apply(segs);
        Segment first = segs.get(0);
        this.client = (first.from() == Role.CLIENT ? first.src() : first.dst()).toString();
        this.server = (first.from() == Role.CLIENT ? first.dst() : first.src()).toString();
        this.cover = coveringAcks(segs);
    }

    /**
     * For each segment, the index of the first later segment from the other side whose ack reaches
     * its next seq (an RST's ack does not count), or -1; found in O(log n) each, not by a scan.
     */
    private static int[] coveringAcks(List<Segment> segs) {
        int n = segs.size();
        FirstAtLeast[] acksFrom = new FirstAtLeast[2];
        for (Role r : Role.values()) {
            long[] v = new long[n];
            for (int j = 0; j < n; j++) {
                Segment a = segs.get(j);
                v[j] = a.from() == r && a.hasAck() && !a.rst() ? a.ack() : Long.MIN_VALUE;
            }
            acksFrom[r.ordinal()] = new FirstAtLeast(v);
        }
        int[] cover = new int[n];
        for (int i = 0; i < n; i++) {
            Segment s = segs.get(i);
            cover[i] = acksFrom[s.from().peer().ordinal()].find(i + 1, s.nextSeq());
        }
        return cover;
    }

    Conversation explain(int stream) {
        List<Section> sections = new ArrayList<>();
        sections.add(handshake());
        Section data = data();
        if (data != null) {
            sections.add(data);
        }
        Section seg = segmentation();
        if (seg != null) {
            sections.add(seg);
        }
        Section fin = teardown();
        if (fin != null) {
            sections.add(fin);
        }
        Section rst = resets();
        if (rst != null) {
            sections.add(rst);
        }
        Section verdicts = verdicts();
        if (verdicts != null) {
            sections.add(verdicts);
        }
        sections.add(packets());
        Sentence title = say.it("tcp.title", stream, client, server, segs.size(), endState(Role.CLIENT),
                endState(Role.SERVER));
        return new Conversation("tcp", stream, client, server, title, sections, ladder(), segs);
    }

    private String endState(Role r) {
        return segs.get(segs.size() - 1).after(r).label();
    }

    private String direction(Segment s) {
        return s.src() + " → " + s.dst();
    }

    private static String states(TcpState before, TcpState after) {
        return before == after ? after.label() : before.label() + " → " + after.label();
    }

    private static String options(TcpOptions o) {
        if (o == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (o.mss() >= 0) {
            parts.add("MSS=" + o.mss());
        }
        if (o.windowScale() >= 0) {
            parts.add("WS=" + (1 << Math.min(o.windowScale(), TcpOptions.MAX_WINDOW_SCALE)));
        }
        if (o.sackPermitted()) {
            parts.add("SACK_PERM");
        }
        for (TcpOptions.SackBlock b : o.sackBlocks()) {
            parts.add("SACK " + b.left() + "-" + b.right());
        }
        if (o.tsValue() >= 0) {
            parts.add("TSval=" + o.tsValue() + " TSecr=" + o.tsEcho());
        }
        return String.join(" ", parts);
    }

    private String ackCell(Segment s) {
        return s.hasAck() ? Long.toString(s.ack()) : "";
    }

    private List<String> handshakeRow(Segment s) {
        return List.of(Long.toString(s.frame()), Say.seconds(s.timeNanos()), direction(s), s.flagList(),
                Long.toString(s.seq()), ackCell(s), Long.toString(s.rawSeq()), s.hasAck() ? Long.toString(s.rawAck()) : "",
                Integer.toString(s.len()), options(s.options()), states(s.clientBefore(), s.clientAfter()),
                states(s.serverBefore(), s.serverAfter()));
    }

    private void transitions(Segment s, List<Sentence> out) {
        for (Transition t : s.transitions()) {
            out.add(say.it("transition", s.frame(), t.endpoint().label(), t.from().label(), t.to().label(),
                    t.cause(say.locale())));
        }
    }

    private Section handshake() {
        List<Table.Row> rows = new ArrayList<>();
        List<Sentence> out = new ArrayList<>();
        boolean anySyn = false;
        boolean simultaneous = false;
        Segment firstSyn = null;
        Segment completing = null;
        for (Segment s : segs) {
            boolean completes = false;
            for (Transition t : s.transitions()) {
                completes |= t.why() == TransitionCause.ACK_COMPLETES_HANDSHAKE
                        || t.why() == TransitionCause.SYN_ACK_COMPLETES_SIMULTANEOUS;
                simultaneous |= t.why() == TransitionCause.SYN_CROSSED || t.why() == TransitionCause.SYN_IN_SYN_SENT;
            }
            boolean refused = s.rst() && s.rstCause() == RstCause.REFUSED;
            if (!s.syn() && !completes && !refused) {
                if (completing != null || anySyn && s.data()) {
                    break;
                }
                continue;
            }
            rows.add(new Table.Row(s.frame(), handshakeRow(s)));
            String who = say.role(s.from());
            String peer = say.role(s.from().peer());
            if (s.syn() && !s.hasAck()) {
                anySyn = true;
                if (firstSyn == null) {
                    firstSyn = s;
                    out.add(say.it("hs.syn", s.frame(), who, s.rawSeq(), s.seq(), s.nextSeq()));
                } else if (s.rawSeq() == firstSyn.rawSeq() && s.from() == firstSyn.from()) {
                    out.add(say.it("hs.syn.again", s.frame(), who, Say.seconds(s.timeNanos() - firstSyn.timeNanos()),
                            firstSyn.frame()));
                } else {
                    out.add(say.it("hs.syn", s.frame(), who, s.rawSeq(), s.seq(), s.nextSeq()));
                }
            } else if (s.syn()) {
                anySyn = true;
                boolean again = s.verdicts().contains(AnalysisFlag.RETRANSMISSION);
                out.add(say.it(again ? "hs.synack.again" : "hs.synack", s.frame(), who, s.rawSeq(), s.ack() - 1,
                        s.ack(), s.rawAck() - 1, s.rawAck(), peer));
            } else if (refused) {
                out.add(say.it("hs.refused", s.frame(), who, s.ack(), peer));
            } else {
                completing = s;
                out.add(say.it(s.data() ? "hs.ack.data" : "hs.ack", s.frame(), who, s.seq(), s.ack() - 1, s.ack(),
                        s.rawAck() - 1, s.rawAck(), peer, s.len()));
            }
            transitions(s, out);
        }
        if (!anySyn) {
            out.add(say.it("hs.midstream", segs.get(0).frame(), client, server));
            return new Section("handshake", new Table(HANDSHAKE_COLUMNS, rows), out);
        }
        if (firstSyn == null) {
            out.add(say.it("hs.nosyn", segs.get(0).frame()));
        }
        if (simultaneous) {
            out.add(say.it("hs.simultaneous"));
        }
        boolean answered = segs.stream().anyMatch(x -> x.syn() && x.hasAck());
        if (summary != null && answered) {
            negotiation(out);
            if (summary.irttNanos() > 0 && firstSyn != null && completing != null) {
                out.add(say.it("hs.irtt", Say.seconds(summary.irttNanos()), firstSyn.frame(), completing.frame(),
                        Say.millis(summary.irttNanos())));
            }
        }
        if (completing == null && !simultaneous) {
            boolean refused = segs.stream().anyMatch(s -> s.rst() && s.rstCause() == RstCause.REFUSED);
            if (!refused) {
                out.add(say.it("hs.incomplete", endState(Role.CLIENT), endState(Role.SERVER)));
            }
        }
        return new Section("handshake", new Table(HANDSHAKE_COLUMNS, rows), out);
    }

    private void negotiation(List<Sentence> out) {
        ConnectionSummary c = summary;
        if (c.clientMss() > 0 && c.serverMss() > 0) {
            out.add(say.it("hs.mss", c.clientMss(), c.serverMss()));
        } else if (c.clientMss() > 0 || c.serverMss() > 0) {
            out.add(say.it("hs.mss.one", c.clientMss() > 0 ? say.role(Role.CLIENT) : say.role(Role.SERVER),
                    Math.max(c.clientMss(), c.serverMss()), c.clientMss() > 0 ? say.role(Role.SERVER) : say.role(Role.CLIENT)));
        }
        if (c.clientWindowScale() >= 0 && c.serverWindowScale() >= 0) {
            out.add(say.it("hs.ws", c.clientWindowScale(), 1 << c.clientWindowScale(), c.serverWindowScale(),
                    1 << c.serverWindowScale()));
        } else {
            out.add(say.it("hs.ws.none"));
        }
        out.add(say.it(c.sack() ? "hs.sack" : "hs.sack.none"));
        out.add(say.it(c.timestamps() ? "hs.ts" : "hs.ts.none"));
    }

    /** The first later segment from the other side whose ack reaches the next seq of segment {@code i}, or null. */
    private Segment coveringAck(int i) {
        return cover[i] < 0 ? null : segs.get(cover[i]);
    }

    private Section data() {
        List<Table.Row> rows = new ArrayList<>();
        List<Sentence> out = new ArrayList<>();
        boolean cumulative = false;
        boolean piggybacked = false;
        boolean delayed = false;
        // how many data segments each ACK covers first: more than one makes it cumulative
        int[] covers = new int[segs.size()];
        for (int k = 0; k < segs.size(); k++) {
            if (segs.get(k).data() && cover[k] >= 0) {
                covers[cover[k]]++;
            }
        }
        for (int i = 0; i < segs.size(); i++) {
            Segment s = segs.get(i);
            if (!s.data() || s.syn()) {
                continue;
            }
            Segment a = coveringAck(i);
            List<String> kinds = new ArrayList<>();
            if (a != null) {
                if (a.data() || a.fin()) {
                    kinds.add(say.word("kind.piggybacked"));
                    piggybacked = true;
                }
                int covered = covers[cover[i]];
                if (covered > 1) {
                    kinds.add(say.word("kind.cumulative", covered));
                    cumulative = true;
                }
                if (a.timeNanos() - s.timeNanos() >= DELAYED_ACK_NANOS) {
                    kinds.add(say.word("kind.delayed", Say.millis(a.timeNanos() - s.timeNanos())));
                    delayed = true;
                }
                if (kinds.isEmpty()) {
                    kinds.add(say.word("kind.immediate"));
                }
            }
            rows.add(new Table.Row(s.frame(), List.of(Long.toString(s.frame()), Say.seconds(s.timeNanos()), direction(s),
                    Long.toString(s.seq()), Integer.toString(s.len()), Long.toString(s.nextSeq()),
                    a == null ? "" : Long.toString(a.frame()), a == null ? "" : Long.toString(a.ack()),
                    String.join(", ", kinds), s.payloadPreview(32))));
            String who = say.role(s.from());
            if (a == null) {
                out.add(say.it("data.unacked", s.frame(), s.seq(), s.len(), s.nextSeq(), who));
            } else if (a.ack() == s.nextSeq()) {
                out.add(say.it("data.acked", s.frame(), s.seq(), s.len(), s.nextSeq(), a.frame(), a.ack(),
                        Say.seconds(a.timeNanos() - s.timeNanos())));
            } else {
                out.add(say.it("data.acked.more", s.frame(), s.seq(), s.len(), s.nextSeq(), a.frame(), a.ack(),
                        Say.seconds(a.timeNanos() - s.timeNanos())));
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        if (cumulative) {
            out.add(say.it("data.kind.cumulative"));
        }
        if (piggybacked) {
            out.add(say.it("data.kind.piggybacked"));
        }
        if (delayed) {
            out.add(say.it("data.kind.delayed"));
        }
        return new Section("data", new Table(DATA_COLUMNS, rows), out);
    }

    /** The largest payload the sender of {@code r} may put in one segment: the peer's MSS, less 12 with timestamps. */
    private int effectiveMss(Role sender) {
        if (summary == null) {
            return -1;
        }
        int mss = sender == Role.CLIENT ? summary.serverMss() : summary.clientMss();
        if (mss <= 0) {
            return -1;
        }
        return summary.timestamps() ? mss - 12 : mss;
    }

    private Section segmentation() {
        List<Table.Row> rows = new ArrayList<>();
        List<Sentence> out = new ArrayList<>();
        int i = 0;
        boolean tsWarned = false;
        while (i < segs.size()) {
            Segment s = segs.get(i);
            if (!s.data() || s.syn() || s.verdicts().contains(AnalysisFlag.RETRANSMISSION)) {
                i++;
                continue;
            }
            // A write, as far as the wire shows: contiguous segments from one side, nothing from
            // the other side carrying data in between, up to the one with PSH (Linux sets PSH on the
            // last segment of a write).
            List<Segment> run = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            run.add(s);
            at.add(i);
            int j = i + 1;
            Segment last = s;
            int lastAt = i;
            while (!last.psh() && j < segs.size()) {
                Segment n = segs.get(j);
                if (n.from() != s.from()) {
                    if (n.data()) {
                        break;
                    }
                    j++;
                    continue;
                }
                if (!n.data() || n.seq() != last.nextSeq()) {
                    break;
                }
                run.add(n);
                at.add(j);
                last = n;
                lastAt = j;
                j++;
            }
            int mss = effectiveMss(s.from());
            long bytes = 0;
            for (Segment r : run) {
                bytes += r.len();
            }
            for (Segment r : run) {
                if (mss > 0 && r.len() > mss) {
                    out.add(say.it("seg.offload", r.frame(), r.len(), mss, (r.len() + mss - 1) / mss));
                }
            }
            if (run.size() > 1 || mss > 0 && bytes > mss) {
                List<String> sizes = new ArrayList<>();
                for (Segment r : run) {
                    sizes.add(Integer.toString(r.len()));
                }
                List<Segment> acks = new ArrayList<>();
                for (int r : at) {
                    Segment a = coveringAck(r);
                    if (a != null && !acks.contains(a)) {
                        acks.add(a);
                    }
                }
                List<String> ackText = new ArrayList<>();
                for (Segment a : acks) {
                    ackText.add(a.frame() + " (ack=" + a.ack() + ")");
                }
                String frames = run.get(0).frame() + "-" + run.get(run.size() - 1).frame();
                long expected = mss > 0 ? (bytes + mss - 1) / mss : -1;
                rows.add(new Table.Row(run.get(0).frame(), List.of(frames, direction(s), Long.toString(bytes),
                        mss > 0 ? Integer.toString(mss) : "", expected > 0 ? Long.toString(expected) : "",
                        String.join(" + ", sizes), String.join(", ", ackText))));
                String who = say.role(s.from());
                if (mss > 0) {
                    out.add(say.it(expected == run.size() ? "seg.write" : "seg.write.other", frames, who, bytes, mss,
                            expected, String.join(" + ", sizes), run.size()));
                } else {
                    out.add(say.it("seg.write.nomss", frames, who, bytes, String.join(" + ", sizes), run.size()));
                }
                if (acks.size() == 1 && run.size() > 1) {
                    out.add(say.it("seg.ack.one", acks.get(0).frame(), acks.get(0).ack(), run.size()));
                } else if (acks.size() == run.size() && run.size() > 1) {
                    out.add(say.it("seg.ack.each", String.join(", ", ackText), run.size()));
                } else if (acks.size() > 1) {
                    out.add(say.it("seg.ack.some", String.join(", ", ackText), run.size(), acks.size()));
                } else if (acks.isEmpty()) {
                    out.add(say.it("seg.ack.none"));
                }
                if (summary != null && summary.timestamps() && !tsWarned && run.get(0).len() == mss) {
                    out.add(say.it("seg.timestamps", mss + 12, mss));
                    tsWarned = true;
                }
            }
            i = Math.max(i + 1, lastAt + 1);
        }
        if (rows.isEmpty() && out.isEmpty()) {
            return null;
        }
        return new Section("segmentation", new Table(SEGMENTATION_COLUMNS, rows), out);
    }

    private Section teardown() {
        int first = -1;
        for (int i = 0; i < segs.size(); i++) {
            if (segs.get(i).fin()) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return null;
        }
        List<Table.Row> rows = new ArrayList<>();
        List<Sentence> out = new ArrayList<>();
        Segment fin1 = segs.get(first);
        Role closer = fin1.from();
        out.add(say.it("fin.first", say.role(closer), fin1.frame(), fin1.seq()));
        Segment fin2 = null;
        Segment ack1 = null;
        Segment ack2 = null;
        long halfClose = 0;
        List<Long> halfFrames = new ArrayList<>();
        for (int i = first; i < segs.size(); i++) {
            Segment s = segs.get(i);
            boolean acksFin1 = s.from() != closer && s.hasAck() && s.ack() >= fin1.nextSeq() && ack1 == null;
            boolean acksFin2 = fin2 != null && s.from() != fin2.from() && s.hasAck() && s.ack() >= fin2.nextSeq()
                    && ack2 == null;
            boolean isFin2 = s.fin() && s.from() != closer && fin2 == null;
            if (s.from() != closer && s.data() && fin2 == null) {
                halfClose += s.len();
                halfFrames.add(s.frame());
            }
            if (!(s.fin() || acksFin1 || acksFin2 || s.rst())) {
                continue;
            }
            rows.add(new Table.Row(s.frame(), List.of(Long.toString(s.frame()), Say.seconds(s.timeNanos()),
                    direction(s), s.flagList(), Long.toString(s.seq()), ackCell(s), Integer.toString(s.len()),
                    states(s.clientBefore(), s.clientAfter()), states(s.serverBefore(), s.serverAfter()))));
            String who = say.role(s.from());
            if (s.fin() && (s == fin1 || isFin2)) {
                out.add(say.it("fin.fin", s.frame(), who, s.seq() + s.len(), s.nextSeq()));
            }
            if (acksFin1) {
                ack1 = s;
                out.add(say.it("fin.ack", s.frame(), who, fin1.seq() + fin1.len(), s.ack(), fin1.frame()));
            }
            if (isFin2) {
                fin2 = s;
            }
            if (acksFin2) {
                ack2 = s;
                out.add(say.it("fin.ack", s.frame(), who, fin2.seq() + fin2.len(), s.ack(), fin2.frame()));
            }
            transitions(s, out);
        }
        // the analysis found the FINs crossed (its second FIN's ack does not cover the first)
        boolean crossed = fin2 != null && fin2.transitions().stream().anyMatch(t -> t.why() == TransitionCause.FINS_CROSSED);
        if (crossed) {
            out.add(say.it("fin.crossed", fin2.frame(), say.role(fin2.from()), say.role(closer), fin2.ack(), fin1.frame(),
                    fin1.nextSeq()));
        } else if (fin2 != null && ack1 != null && ack2 != null) {
            if (ack1 == fin2) {
                out.add(say.it("fin.three", fin2.frame(), say.role(fin2.from()), say.role(closer)));
            } else {
                out.add(say.it("fin.four", fin1.frame(), ack1.frame(), fin2.frame(), ack2.frame()));
            }
        } else if (fin2 == null) {
            out.add(say.it("fin.half.open", say.role(closer), say.role(closer.peer())));
        }
        if (halfClose > 0) {
            out.add(say.it("fin.halfclose", say.role(closer.peer()), halfClose, halfFrames.size(), say.role(closer)));
        }
        for (Role r : Role.values()) {
            out.add(say.it("fin.path", say.role(r), path(r)));
            if (endState(r).equals(TcpState.TIME_WAIT.label())) {
                out.add(say.it("fin.timewait", say.role(r)));
            }
        }
        return new Section("teardown", new Table(TEARDOWN_COLUMNS, rows), out);
    }

    /** The states {@code role} passed through, "ESTABLISHED → FIN-WAIT-1 → ...". */
    private String path(Role role) {
        List<String> states = new ArrayList<>();
        states.add(segs.get(0).before(role).label());
        for (Segment s : segs) {
            for (Transition t : s.transitions()) {
                if (t.endpoint() == role) {
                    states.add(t.to().label());
                }
            }
        }
        return String.join(" → ", states);
    }

    private Section resets() {
        List<Table.Row> rows = new ArrayList<>();
        List<Sentence> out = new ArrayList<>();
        for (Segment s : segs) {
            if (!s.rst()) {
                continue;
            }
            rows.add(new Table.Row(s.frame(), List.of(Long.toString(s.frame()), Say.seconds(s.timeNanos()), direction(s),
                    s.flagList(), Long.toString(s.seq()), ackCell(s), Integer.toString(s.len()),
                    states(s.clientBefore(), s.clientAfter()), states(s.serverBefore(), s.serverAfter()))));
            RstCause cause = s.rstCause() == null ? RstCause.UNKNOWN : s.rstCause();
            String who = say.role(s.from());
            String peer = say.role(s.from().peer());
            out.add(say.it("rst.cause." + cause.code(), s.frame(), who, peer, s.seq()));
            if (s.rstDetail() != null) {
                out.add(say.it("rst.evidence", s.frame(), s.rstDetail().text(say.locale())));
            } else if (s.rstEvidence() != null && !s.rstEvidence().isEmpty()) {
                out.add(say.it("rst.evidence", s.frame(), s.rstEvidence()));
            }
            out.add(say.it("rst.app." + cause.code(), who, peer));
            if (cause != RstCause.REFUSED) {
                // a refusal's transitions were said with the handshake
                transitions(s, out);
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        return new Section("reset", new Table(TEARDOWN_COLUMNS, rows), out);
    }

    private Section verdicts() {
        List<Sentence> out = new ArrayList<>();
        List<Table.Row> rows = new ArrayList<>();
        long[] highest = {Long.MIN_VALUE, Long.MIN_VALUE};
        // by side and seq, of the segments before this one that carry data, a SYN or a FIN: the
        // first (what a retransmission repeats) and the latest (the timeout is the gap to it)
        List<java.util.Map<Long, Segment>> firstSent = List.of(new java.util.HashMap<>(), new java.util.HashMap<>());
        List<java.util.Map<Long, Segment>> lastSent = List.of(new java.util.HashMap<>(), new java.util.HashMap<>());
        for (int i = 0; i < segs.size(); i++) {
            Segment s = segs.get(i);
            int side = s.from().ordinal();
            long expected = highest[side];
            String who = say.role(s.from());
            String peer = say.role(s.from().peer());
            List<String> names = new ArrayList<>();
            for (AnalysisFlag f : AnalysisFlag.values()) {
                if (!s.verdicts().contains(f)) {
                    continue;
                }
                names.add(f.words());
                switch (f) {
                    case RETRANSMISSION -> {
                        Segment orig = firstSent.get(side).get(s.seq());
                        Segment last = lastSent.get(side).getOrDefault(s.seq(), s);
                        out.add(orig != null
                                ? say.it("verdict.retransmission", s.frame(), s.seq(), expected, who, orig.frame(),
                                        Say.seconds(s.timeNanos() - last.timeNanos()), last.frame())
                                : say.it("verdict.retransmission.unseen", s.frame(), s.seq(), expected, who));
                    }
                    case FAST_RETRANSMISSION -> out.add(say.it("verdict.fast_retransmission", s.frame(), s.seq(), peer));
                    case SPURIOUS_RETRANSMISSION -> out.add(say.it("verdict.spurious_retransmission", s.frame(), s.seq(), peer));
                    case OUT_OF_ORDER -> out.add(say.it("verdict.out_of_order", s.frame(), s.seq(), expected));
                    case DUPLICATE_ACK -> out.add(say.it("verdict.duplicate_ack", s.frame(), s.dupAckNumber(),
                            s.dupAckFrame(), s.ack(), who));
                    case LOST_SEGMENT -> out.add(say.it("verdict.lost_segment", s.frame(), s.seq(), expected,
                            expected == Long.MIN_VALUE ? "?" : Long.toString(s.seq() - expected)));
                    case ACK_LOST_SEGMENT -> out.add(say.it("verdict.ack_lost_segment", s.frame(), s.ack(), peer));
                    default -> out.add(say.it("verdict." + f.field(), s.frame(), s.seq(), who, s.window()));
                }
            }
            if (!names.isEmpty()) {
                rows.add(new Table.Row(s.frame(), List.of(Long.toString(s.frame()), Say.seconds(s.timeNanos()),
                        direction(s), s.flagList(), Long.toString(s.seq()), ackCell(s), Integer.toString(s.len()),
                        String.join(", ", names))));
            }
            highest[side] = Math.max(expected, s.nextSeq());
            if (s.data() || s.syn() || s.fin()) {
                firstSent.get(side).putIfAbsent(s.seq(), s);
                lastSent.get(side).put(s.seq(), s);
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        return new Section("verdicts", new Table(List.of("frame", "time", "direction", "flags", "seq", "ack", "len",
                "verdicts"), rows), out);
    }

    /** Every segment of the connection, one row each: what the ladder's arrows link to. */
    private Section packets() {
        List<Table.Row> rows = new ArrayList<>();
        for (Segment s : segs) {
            List<String> names = new ArrayList<>();
            for (AnalysisFlag f : AnalysisFlag.values()) {
                if (s.verdicts().contains(f)) {
                    names.add(f.words());
                }
            }
            rows.add(new Table.Row(s.frame(), List.of(Long.toString(s.frame()), Say.seconds(s.timeNanos()), direction(s),
                    s.flagList(), Long.toString(s.seq()), ackCell(s), Integer.toString(s.len()), Long.toString(s.nextSeq()),
                    Long.toString(s.window()), String.join(", ", names), states(s.clientBefore(), s.clientAfter()),
                    states(s.serverBefore(), s.serverAfter()))));
        }
        List<Sentence> out = new ArrayList<>();
        if (summary != null) {
            ConnectionSummary c = summary;
            out.add(say.it("tcp.counts", c.clientPackets(), c.clientPayload(), c.serverPackets(), c.serverPayload(),
                    c.retransmissions(), c.dupAcks(), c.zeroWindows(), c.outOfOrder()));
            if (c.ackRtts() > 0) {
                out.add(say.it("tcp.rtt", c.ackRtts(), Say.millis(c.ackRttMinNanos()), Say.millis(c.ackRttMeanNanos()),
                        Say.millis(c.ackRttMaxNanos())));
            }
        }
        return new Section("packets", new Table(List.of("frame", "time", "direction", "flags", "seq", "ack", "len",
                "next_seq", "window", "verdicts", "client_state", "server_state"), rows), out);
    }

    private Ladder ladder() {
        List<Ladder.Arrow> arrows = new ArrayList<>();
        List<Ladder.Mark> marks = new ArrayList<>();
        Segment first = segs.get(0);
        marks.add(new Ladder.Mark(-1, 0, first.clientBefore().label(), ""));
        marks.add(new Ladder.Mark(-1, 1, first.serverBefore().label(), ""));
        for (Segment s : segs) {
            int from = s.from() == Role.CLIENT ? 0 : 1;
            StringBuilder label = new StringBuilder(s.flagList().replace(", ", ","));
            label.append(" seq=").append(s.seq());
            if (s.hasAck()) {
                label.append(" ack=").append(s.ack());
            }
            label.append(" len=").append(s.len());
            arrows.add(new Ladder.Arrow(s.frame(), s.timeNanos(), from, 1 - from, label.toString(), s.problem()));
            for (Transition t : s.transitions()) {
                marks.add(new Ladder.Mark(s.frame(), t.endpoint() == Role.CLIENT ? 0 : 1, t.to().label(),
                        t.cause(say.locale())));
            }
        }
        return new Ladder(List.of(client, server), arrows, marks);
    }
}
