package org.tcplab.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tcplab.analysis.Role;
import org.tcplab.analysis.TcpState;
import org.tcplab.analysis.Transition;

/**
 * Checks a student's table of seq, ack, len, next seq, flags, states and RTT against the capture.
 * Each wrong cell gets the right value, the rule that gives it with the numbers, and, when the
 * wrong value has a telling shape, the likely mistake: a SYN or FIN not counted, the length
 * forgotten, seq and ack swapped, raw numbers for relative ones, the ack of another segment.
 */
public final class AnswerChecker {
    /** The columns a sheet may have besides {@code frame}. */
    public static final List<String> COLUMNS = List.of("seq", "ack", "len", "next_seq", "flags", "client_state",
            "server_state", "rtt");

    /**
     * A state as a student may write it, in RFC 9293's name: any case, '_' or ' ' for '-', and the
     * short forms of RFC 793 (SYN-RCVD), of ss (SYN-RECV, ESTAB) and of netstat (FIN_WAIT1, CLOSE).
     */
    static String stateName(String given) {
        String n = given.trim().toUpperCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return switch (n) {
            case "SYN-RCVD", "SYN-RECV" -> "SYN-RECEIVED";
            case "ESTAB" -> "ESTABLISHED";
            case "FIN-WAIT1" -> "FIN-WAIT-1";
            case "FIN-WAIT2" -> "FIN-WAIT-2";
            case "CLOSE" -> "CLOSED";
            default -> n;
        };
    }

    /** One checked cell. {@code right} null: the cell is right. */
    public record Verdict(long frame, String column, String given, String right, String why) {
        public boolean ok() {
            return right == null;
        }
    }

    /** The result: every cell's verdict, and whether the numbers were read as raw. */
    public record Result(List<Verdict> cells, boolean raw, List<String> problems) {
        public long wrong() {
            return cells.stream().filter(v -> !v.ok()).count();
        }
    }

    private final Say say;
    private final Map<Long, Segment> byFrame = new HashMap<>();
    private final Map<Long, List<Segment>> streamOf = new HashMap<>();

    public AnswerChecker(CaptureReport report, Locale locale) {
        this.say = new Say(locale);
        for (Conversation c : report.conversations()) {
            for (Segment s : c.segments()) {
                byFrame.put(s.frame(), s);
                streamOf.put(s.frame(), c.segments());
            }
        }
    }

    /** Checks the sheet: a header row, then one row per frame; {@code numbers}: "raw", "relative", or null to detect. */
    public Result check(AnswerSheet sheet) {
        List<String> problems = new ArrayList<>(sheet.problems());
        boolean raw = sheet.numbers() != null ? sheet.numbers().equals("raw") : detectRaw(sheet);
        List<Verdict> out = new ArrayList<>();
        for (AnswerSheet.Row row : sheet.rows()) {
            Segment s = byFrame.get(row.frame());
            if (s == null) {
                problems.add(say.word("check.noframe", row.line(), row.frame()));
                continue;
            }
            for (Map.Entry<String, String> cell : row.cells().entrySet()) {
                if (cell.getValue().isBlank()) {
                    continue;
                }
                out.add(check(s, cell.getKey(), cell.getValue().trim(), raw));
            }
        }
        return new Result(out, raw, problems);
    }

    private boolean detectRaw(AnswerSheet sheet) {
        int rel = 0;
        int raw = 0;
        for (AnswerSheet.Row row : sheet.rows()) {
            Segment s = byFrame.get(row.frame());
            if (s == null) {
                continue;
            }
            for (String col : List.of("seq", "ack", "next_seq")) {
                Long v = number(row.cells().get(col));
                if (v == null) {
                    continue;
                }
                long[] both = values(s, col);
                rel += v == both[0] ? 1 : 0;
                raw += v == both[1] ? 1 : 0;
                // a number beyond any relative value in a short lab capture is raw
                raw += v > 100_000_000L && v != both[0] ? 1 : 0;
            }
        }
        return raw > rel;
    }

    /** {relative, raw} for seq, ack and next_seq. */
    private static long[] values(Segment s, String col) {
        long base = s.rawSeq() - s.seq();
        long ackBase = s.rawAck() - s.ack();
        return switch (col) {
            case "seq" -> new long[] {s.seq(), s.rawSeq()};
            case "ack" -> new long[] {s.ack(), s.rawAck()};
            default -> new long[] {s.nextSeq(), (s.nextSeq() + base) & 0xFFFFFFFFL};
        };
    }

    private static Long number(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Verdict check(Segment s, String col, String given, boolean raw) {
        long f = s.frame();
        return switch (col) {
            case "seq", "ack", "next_seq" -> numeric(s, col, given, raw);
            case "len" -> {
                Long v = number(given);
                if (v != null && v == s.len()) {
                    yield new Verdict(f, col, given, null, null);
                }
                String hint = v != null && s.len() > 0 && v == s.nextSeq() ? say.word("check.hint.len.next") : null;
                yield wrong(f, col, given, Integer.toString(s.len()), say.word("check.rule.len", s.len()), hint);
            }
            case "flags" -> {
                Set<String> want = flagSet(s.flagList());
                Set<String> got = flagSet(given);
                if (want.equals(got)) {
                    yield new Verdict(f, col, given, null, null);
                }
                yield wrong(f, col, given, s.flagList(), say.word("check.rule.flags", s.flagList()), null);
            }
            case "client_state", "server_state" -> {
                Role r = col.startsWith("client") ? Role.CLIENT : Role.SERVER;
                TcpState want = s.after(r);
                String norm = stateName(given);
                if (norm.equals(want.label())) {
                    yield new Verdict(f, col, given, null, null);
                }
                String why = null;
                for (Transition t : s.transitions()) {
                    if (t.endpoint() == r) {
                        why = t.cause(say.locale());
                    }
                }
                String hint = norm.equals(s.before(r).label()) ? say.word("check.hint.state.before") : null;
                yield wrong(f, col, given, want.label(), say.word("check.rule.state", col, want.label(),
                        why != null ? why : say.word("check.rule.state.same", say.role(r), want.label())), hint);
            }
            case "rtt" -> {
                if (s.ackRttNanos() < 0) {
                    yield wrong(f, col, given, "", say.word("check.rule.rtt.none"), null);
                }
                double want = s.ackRttNanos() / 1e9;
                Double got = decimal(given);
                // a hand-computed RTT from the rounded times tshark shows: within a microsecond, or 1 %
                if (got != null && Math.abs(got - want) <= Math.max(1.5e-6, want * 0.01)) {
                    yield new Verdict(f, col, given, null, null);
                }
                String hint = got != null && Math.abs(got * 1e-3 - want) <= Math.max(1.5e-6, want * 0.01)
                        ? say.word("check.hint.rtt.ms") : null;
                yield wrong(f, col, given, Say.seconds(s.ackRttNanos()),
                        say.word("check.rule.rtt", Say.seconds(s.ackRttNanos()), s.ackedFrame()), hint);
            }
            default -> new Verdict(f, col, given, null, null);
        };
    }

    private static Double decimal(String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Set<String> flagSet(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : text.toUpperCase(Locale.ROOT).replace("[", "").replace("]", "").split("[,+/ |]+")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }

    private Verdict wrong(long frame, String col, String given, String right, String rule, String hint) {
        String why = hint == null ? rule : rule + " " + hint;
        return new Verdict(frame, col, given, right, why);
    }

    private Verdict numeric(Segment s, String col, String given, boolean raw) {
        long f = s.frame();
        Long v = number(given);
        long[] both = values(s, col);
        long want = raw ? both[1] : both[0];
        if (v != null && v == want) {
            return new Verdict(f, col, given, null, null);
        }
        String rule = rule(s, col, raw);
        String hint = null;
        if (v != null) {
            if (v == (raw ? both[0] : both[1])) {
                hint = say.word(raw ? "check.hint.relative" : "check.hint.raw");
            } else if (Math.abs(v - want) == 1 && synOrFinInvolved(s, col)) {
                hint = say.word("check.hint.one");
            } else if ("seq".equals(col) && v == (raw ? s.rawAck() : s.ack()) || "ack".equals(col) && v == (raw ? s.rawSeq() : s.seq())) {
                hint = say.word("check.hint.swapped");
            } else if ("next_seq".equals(col) && v == (raw ? s.rawSeq() : s.seq()) + (s.syn() || s.fin() ? 1 : 0) && s.len() > 0) {
                hint = say.word("check.hint.len");
            } else if ("ack".equals(col)) {
                Segment acked = ackedSegment(s);
                Segment other = segmentEndingAt(s, v, raw);
                if (acked != null && v == (raw ? acked.rawSeq() : acked.seq()) && acked.len() > 0) {
                    hint = say.word("check.hint.len");
                } else if (other != null) {
                    hint = say.word("check.hint.wrongsegment", other.frame());
                }
            }
        }
        return wrong(f, col, given, Long.toString(want), rule, hint);
    }

    /** A SYN or FIN this number must count: the segment's own for next_seq, the previous one's for seq, the acknowledged one's for ack. */
    private boolean synOrFinInvolved(Segment s, String col) {
        if ("next_seq".equals(col)) {
            return s.syn() || s.fin();
        }
        if ("ack".equals(col)) {
            Segment acked = ackedSegment(s);
            return acked != null && (acked.syn() || acked.fin());
        }
        Segment prev = previousOfSameSide(s);
        return prev != null && (prev.syn() || prev.fin());
    }

    /** The segment its sender sent before this one, or null for its first. */
    private Segment previousOfSameSide(Segment s) {
        Segment prev = null;
        for (Segment o : streamOf.get(s.frame())) {
            if (o.frame() >= s.frame()) {
                break;
            }
            if (o.from() == s.from()) {
                prev = o;
            }
        }
        return prev;
    }

    /** The peer's segment whose next seq this segment's ack equals: the last one it acknowledges. */
    private Segment ackedSegment(Segment s) {
        Segment best = null;
        for (Segment o : streamOf.get(s.frame())) {
            if (o.frame() >= s.frame()) {
                break;
            }
            if (o.from() != s.from() && o.nextSeq() == s.ack() && (o.len() > 0 || o.syn() || o.fin())) {
                best = o;
            }
        }
        return best;
    }

    private Segment segmentEndingAt(Segment s, long v, boolean raw) {
        for (Segment o : streamOf.get(s.frame())) {
            if (o.from() != s.from() && o != s) {
                long next = raw ? (o.nextSeq() + o.rawSeq() - o.seq()) & 0xFFFFFFFFL : o.nextSeq();
                if (next == v && (o.len() > 0 || o.syn() || o.fin())) {
                    return o;
                }
            }
        }
        return null;
    }

    /** The rule that gives the right value, with the numbers. */
    private String rule(Segment s, String col, boolean raw) {
        long off = raw ? s.rawSeq() - s.seq() : 0;
        switch (col) {
            case "next_seq" -> {
                String extra = (s.syn() ? " + 1 (SYN)" : "") + (s.fin() ? " + 1 (FIN)" : "");
                return say.word("check.rule.next", values(s, col)[raw ? 1 : 0], s.seq() + off, s.len(), extra);
            }
            case "seq" -> {
                Segment prev = previousOfSameSide(s);
                if (prev == null) {
                    return s.syn() ? say.word(raw ? "check.rule.seq.isn.raw" : "check.rule.seq.isn", s.seq() + off)
                            : say.word("check.rule.seq.first", s.seq() + off);
                }
                String extra = (prev.syn() ? " + 1 (SYN)" : "") + (prev.fin() ? " + 1 (FIN)" : "");
                if (prev.nextSeq() != s.seq()) {
                    return say.word("check.rule.seq.jump", s.seq() + off, prev.frame());
                }
                return say.word("check.rule.seq", s.seq() + off, prev.seq() + off, prev.len(), extra, prev.frame());
            }
            default -> {
                long ackOff = raw ? s.rawAck() - s.ack() : 0;
                if (!s.hasAck()) {
                    return say.word("check.rule.ack.none");
                }
                Segment acked = ackedSegment(s);
                if (acked == null) {
                    return say.word("check.rule.ack.same", s.ack() + ackOff);
                }
                List<Long> frames = new ArrayList<>();
                long previousAck = Long.MIN_VALUE;
                for (Segment o : streamOf.get(s.frame())) {
                    if (o.frame() >= s.frame()) {
                        break;
                    }
                    if (o.from() == s.from() && o.hasAck() && o.ack() < s.ack()) {
                        previousAck = Math.max(previousAck, o.ack());
                    }
                }
                for (Segment o : streamOf.get(s.frame())) {
                    if (o.frame() >= s.frame()) {
                        break;
                    }
                    if (o.from() != s.from() && (o.len() > 0 || o.syn() || o.fin()) && o.nextSeq() <= s.ack()
                            && o.nextSeq() > previousAck) {
                        frames.add(o.frame());
                    }
                }
                if (frames.size() <= 1) {
                    String extra = (acked.syn() ? " + 1 (SYN)" : "") + (acked.fin() ? " + 1 (FIN)" : "");
                    return say.word("check.rule.ack", s.ack() + ackOff, acked.seq() + ackOff, acked.len(), extra,
                            acked.frame());
                }
                Segment first = byFrame.get(frames.get(0));
                long bytes = 0;
                int syns = 0;
                int fins = 0;
                for (long fr : frames) {
                    Segment o = byFrame.get(fr);
                    bytes += o.len();
                    syns += o.syn() ? 1 : 0;
                    fins += o.fin() ? 1 : 0;
                }
                String extra = (syns > 0 ? " + 1 (SYN)" : "") + (fins > 0 ? " + 1 (FIN)" : "");
                return say.word("check.rule.ack.many", s.ack() + ackOff, first.seq() + ackOff, bytes, extra,
                        frames.get(0) + "-" + frames.get(frames.size() - 1));
            }
        }
    }
}
