package org.tcplab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tcplab.analysis.Role;
import org.tcplab.wire.TcpFlags;
import org.tcplab.words.Wording;

/**
 * What a report says about one frame: each sentence that opens with "frame N:" (the state
 * changes, the seq/ack arithmetic, the verdicts, the RST cause), with the section it is in, and
 * the conversation it belongs to. The console's {@code explain N} and the CLI's {@code explain}
 * print it under the packet's own line.
 */
public record FrameStory(Conversation conversation, List<Line> lines) {
    /** One sentence and the title of its section. */
    public record Line(String section, Sentence sentence) {
    }

    public FrameStory {
        lines = List.copyOf(lines);
    }

    /** The story of {@code frame} in the first conversation that names it; an empty story when none does. */
    public static FrameStory of(CaptureReport report, long frame, Locale locale) {
        List<FrameStory> all = all(report, frame, locale);
        return all.isEmpty() ? new FrameStory(null, List.of()) : all.get(0);
    }

    /**
     * The story of {@code frame} in every conversation that names it, in the report's order: a
     * traceroute probe is in its UDP exchange and in its route, an ICMP error in its own
     * conversation and in the route it drew. Where a conversation says nothing else about the
     * frame but has a table row of it (a hop of a route), that row is told, column by column.
     */
    public static List<FrameStory> all(CaptureReport report, long frame, Locale locale) {
        Wording words = Wording.of(Say.BUNDLE, locale);
        Wording english = Wording.of(Say.BUNDLE, Locale.ENGLISH);
        Say say = new Say(locale);
        List<FrameStory> out = new ArrayList<>();
        for (Conversation c : report.conversations()) {
            List<Line> lines = new ArrayList<>();
            List<Line> rows = new ArrayList<>();
            for (Section s : c.sections()) {
                String title = words.say("section." + s.kind());
                for (Table.Row r : s.table().rows()) {
                    if (r.tells(frame)) {
                        rows.add(new Line(title, row(s.table(), r, frame, title, say)));
                    }
                }
                for (Sentence t : s.sentences()) {
                    if (about(t, frame, english)) {
                        lines.add(new Line(title, t));
                    }
                }
            }
            if (!lines.isEmpty() || !rows.isEmpty() || arrow(c, frame)) {
                List<Line> all = new ArrayList<>();
                String title = words.say("section.numbers");
                for (Sentence t : numbers(c, frame, say)) {
                    all.add(new Line(title, t));
                }
                // a row only where nothing else tells the frame: a segment's row repeats its own line
                all.addAll(all.isEmpty() && lines.isEmpty() ? rows : lines);
                out.add(new FrameStory(c, all));
            }
        }
        return out;
    }

    /** A table's row as a sentence: "frame 2 in the Route table: TTL 1, answered by 198.18.1.1, …". */
    private static Sentence row(Table t, Table.Row r, long frame, String section, Say say) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < t.columns().size() && i < r.cells().size(); i++) {
            // the frame column repeats what the sentence opens with
            if (!r.cells().get(i).isEmpty() && !t.columns().get(i).equals("frame")) {
                cells.add(say.word("explain.row.cell", say.word("col." + t.columns().get(i)), r.cells().get(i)));
            }
        }
        return say.it("explain.row", frame, section, String.join(say.word("explain.row.join"), cells));
    }

    /**
     * The segment's seq and ack worked out from the segments before it (RFC 9293 §3.4: a SYN and a
     * FIN each consume one sequence number, data one per byte): the segment of the same side it
     * continues, and the segment of the other side whose end its ack names.
     */
    static List<Sentence> numbers(Conversation c, long frame, Say say) {
        List<Segment> segs = c.segments();
        int at = -1;
        for (int i = 0; i < segs.size(); i++) {
            if (segs.get(i).frame() == frame) {
                at = i;
            }
        }
        List<Sentence> out = new ArrayList<>();
        if (at < 0) {
            return out;
        }
        Segment s = segs.get(at);
        String me = say.role(s.from());
        Segment before = null;
        Segment furthest = null;
        for (int i = 0; i < at; i++) {
            Segment p = segs.get(i);
            if (p.from() == s.from() && p.nextSeq() > p.seq()) {
                // the last segment of this side that consumed sequence space: pure ACKs consume none
                before = p;
                if (furthest == null || p.nextSeq() > furthest.nextSeq()) {
                    furthest = p;
                }
            }
        }
        boolean syn = TcpFlags.has(s.flags(), TcpFlags.SYN);
        if (syn && (before == null || !TcpFlags.has(before.flags(), TcpFlags.SYN))) {
            out.add(say.it("explain.seq.isn", frame, s.seq(), me, s.rawSeq()));
        } else if (before != null && before.nextSeq() == s.seq()) {
            out.add(say.it("explain.seq.next", frame, s.seq(), me, before.frame(), before.seq(),
                    before.nextSeq() - before.seq(), consumed(before, say)));
        } else if (furthest != null && s.seq() < furthest.nextSeq() && s.nextSeq() > s.seq()) {
            Segment original = null;
            for (int i = 0; i < at && original == null; i++) {
                Segment p = segs.get(i);
                if (p.from() == s.from() && p.seq() <= s.seq() && s.seq() < p.nextSeq()) {
                    original = p;
                }
            }
            // name the segment that sent these bytes only when the capture holds it
            out.add(original != null
                    ? say.it("explain.seq.again", frame, s.seq(), me, furthest.nextSeq(), original.frame())
                    : say.it("explain.seq.uncaptured", frame, s.seq(), me, furthest.nextSeq(), furthest.frame()));
        }
        if (TcpFlags.has(s.flags(), TcpFlags.ACK)) {
            Segment acked = null;
            for (int i = at - 1; i >= 0 && acked == null; i--) {
                Segment p = segs.get(i);
                if (p.from() != s.from() && p.nextSeq() == s.ack() && p.nextSeq() > p.seq()) {
                    acked = p;
                }
            }
            String peer = say.role(s.from() == Role.CLIENT ? Role.SERVER : Role.CLIENT);
            if (acked != null && acked.nextSeq() > acked.seq()) {
                boolean fresh = true;
                for (int i = at - 1; i >= 0; i--) {
                    Segment p = segs.get(i);
                    if (p.from() == s.from() && TcpFlags.has(p.flags(), TcpFlags.ACK) && p.ack() == s.ack()) {
                        fresh = p.frame() < acked.frame();
                        break;
                    }
                }
                out.add(fresh ? say.it("explain.ack", frame, s.ack(), me, peer, acked.frame(), acked.seq(),
                        acked.nextSeq() - acked.seq(), consumed(acked, say))
                        : say.it("explain.ack.old", frame, s.ack(), me, peer));
            }
        }
        return out;
    }

    /** What a segment consumed of the sequence space, in words: "9 data bytes", "SYN", "FIN", or both. */
    private static String consumed(Segment s, Say say) {
        List<String> parts = new ArrayList<>();
        if (TcpFlags.has(s.flags(), TcpFlags.SYN)) {
            parts.add(say.word("explain.consumed.syn"));
        }
        if (s.len() > 0) {
            parts.add(say.word("explain.consumed.data", s.len()));
        }
        if (TcpFlags.has(s.flags(), TcpFlags.FIN)) {
            parts.add(say.word("explain.consumed.fin"));
        }
        return String.join(" + ", parts);
    }

    /** A sentence about {@code frame}: its pattern starts with "frame {0}" and {0} is that frame. */
    private static boolean about(Sentence t, long frame, Wording english) {
        if (t.args().isEmpty() || !(t.args().get(0) instanceof Number n) || n.longValue() != frame) {
            return false;
        }
        String p = english.pattern(t.key());
        return p != null && p.startsWith("frame {0}");
    }

    private static boolean arrow(Conversation c, long frame) {
        for (Ladder.Arrow a : c.ladder().arrows()) {
            if (a.frame() == frame) {
                return true;
            }
        }
        return false;
    }

    /** The ladder of {@code c} drawn in characters, as the text report draws it. */
    public static List<String> ladder(Conversation c) {
        return LadderText.draw(c.ladder());
    }
}
