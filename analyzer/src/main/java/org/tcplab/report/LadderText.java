package org.tcplab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The ladder drawn in characters, in the style of {@code tshark -z flow,tcp}: frame and time on the
 * left, one column per endpoint, each arrow labelled, and under it each state that changed.
 */
final class LadderText {
    private LadderText() {
    }

    static List<String> draw(Ladder l) {
        int inner = 30;
        // the frame and time column: wider for a capture of more than a day (times of six digits and more)
        int left = 18;
        for (Ladder.Arrow a : l.arrows()) {
            inner = Math.max(inner, Width.of(a.label()) + 8);
            left = Math.max(left, Width.of(stamp(a)) + 1);
        }
        List<String> lines = new ArrayList<>();
        int stateCol = Math.max(14, Width.of(l.endpoints().get(0)) + 1);
        StringBuilder head = new StringBuilder(Width.pad("frame  time", left));
        head.append(Width.pad(l.endpoints().get(0), inner + 2)).append(l.endpoints().get(1));
        lines.add(head.toString());
        String initial = states(l, -1, left, inner);
        if (!initial.isBlank()) {
            lines.add(initial);
        }
        for (Ladder.Arrow a : l.arrows()) {
            String line = Width.pad(stamp(a), left);
            int dashes = inner - Width.of(a.label()) - 2;
            int before = Math.max(1, dashes / 2);
            int after = Math.max(1, dashes - before);
            StringBuilder arrow = new StringBuilder("|");
            if (a.from() == 0) {
                arrow.append("-".repeat(before)).append(' ').append(a.label()).append(' ').append("-".repeat(after - 1)).append(">|");
            } else {
                arrow.append("<").append("-".repeat(before - 1 < 0 ? 0 : before - 1)).append(' ').append(a.label()).append(' ')
                        .append("-".repeat(after)).append('|');
            }
            lines.add(line + arrow + (a.problem() ? "  !" : ""));
            String s = states(l, a.frame(), left, inner);
            if (!s.isBlank()) {
                lines.add(s);
            }
        }
        return lines;
    }

    /** "    7  0.000309": the arrow's frame and time. */
    private static String stamp(Ladder.Arrow a) {
        return Width.padLeft(Long.toString(a.frame()), 5) + "  " + Say.seconds(a.timeNanos());
    }

    private static String states(Ladder l, long frame, int left, int inner) {
        String a = "";
        String b = "";
        for (Ladder.Mark m : l.marks()) {
            if (m.frame() == frame) {
                if (m.endpoint() == 0) {
                    a = a.isEmpty() ? m.state() : a + " → " + m.state();
                } else {
                    b = b.isEmpty() ? m.state() : b + " → " + m.state();
                }
            }
        }
        if (a.isEmpty() && b.isEmpty()) {
            return "";
        }
        return (" ".repeat(left) + Width.pad(a, inner + 2) + b).stripTrailing();
    }
}
