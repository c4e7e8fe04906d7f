package org.tcplab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tcplab.words.Wording;

/**
 * The report as text for a terminal, or as Markdown that pastes into a lab report: the same
 * sections, tables aligned in columns (text) or as pipe tables (md), the ladder drawn in characters.
 */
public final class PlainReport {
    private final boolean markdown;
    private final Wording words;

    private PlainReport(boolean markdown, Locale locale) {
        this.markdown = markdown;
        this.words = Wording.of(Say.BUNDLE, locale);
    }

    public static String text(CaptureReport r, Locale locale) {
        return new PlainReport(false, locale).render(r);
    }

    public static String markdown(CaptureReport r, Locale locale) {
        return new PlainReport(true, locale).render(r);
    }

    private String render(CaptureReport r) {
        StringBuilder sb = new StringBuilder();
        if (markdown) {
            sb.append("<!-- ").append(words.say("report.generated")).append(" -->\n");
            sb.append("# ").append(words.say("report.title", r.file())).append("\n\n");
        } else {
            sb.append(words.say("report.title", r.file())).append('\n');
        }
        sb.append(words.say("report.summary", r.packets(), r.span())).append("\n\n");
        heading(sb, 2, words.say("report.health"));
        bullets(sb, r.health());
        if (r.conversations().isEmpty()) {
            sb.append(words.say("report.none")).append('\n');
        }
        for (Conversation c : r.conversations()) {
            heading(sb, 2, c.title().text());
            for (Section s : c.sections()) {
                heading(sb, 3, words.say("section." + s.kind()));
                table(sb, s.table());
                bullets(sb, s.sentences());
            }
            // a route is a table of hops: it has no packets of its own to draw
            if (!c.ladder().arrows().isEmpty()) {
                heading(sb, 3, words.say("report.ladder"));
                if (markdown) {
                    sb.append("```\n");
                }
                for (String line : LadderText.draw(c.ladder())) {
                    sb.append(markdown ? "" : "  ").append(line).append('\n');
                }
                if (markdown) {
                    sb.append("```\n");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private void heading(StringBuilder sb, int level, String title) {
        if (markdown) {
            sb.append("#".repeat(level)).append(' ').append(title).append("\n\n");
        } else if (level == 2) {
            sb.append("== ").append(title).append("\n\n");
        } else {
            sb.append("-- ").append(title).append("\n");
        }
    }

    private void bullets(StringBuilder sb, List<Sentence> ss) {
        for (Sentence s : ss) {
            sb.append(markdown ? "- " : "  * ").append(markdown ? escape(s.text()) : s.text()).append('\n');
        }
        if (!ss.isEmpty()) {
            sb.append('\n');
        }
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }

    private void table(StringBuilder sb, Table t) {
        if (t.isEmpty()) {
            return;
        }
        List<String> head = new ArrayList<>();
        for (String c : t.columns()) {
            head.add(words.say("col." + c));
        }
        if (markdown) {
            sb.append("| ").append(String.join(" | ", head)).append(" |\n|");
            for (int i = 0; i < head.size(); i++) {
                sb.append("---|");
            }
            sb.append('\n');
            for (Table.Row r : t.rows()) {
                List<String> cells = new ArrayList<>();
                for (String c : r.cells()) {
                    cells.add(c.isEmpty() ? " " : escape(c));
                }
                sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
            }
            sb.append('\n');
            return;
        }
        int[] w = new int[head.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Width.of(head.get(i));
        }
        for (Table.Row r : t.rows()) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], Width.of(r.cells().get(i)));
            }
        }
        line(sb, head, w);
        for (Table.Row r : t.rows()) {
            line(sb, r.cells(), w);
        }
        sb.append('\n');
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        StringBuilder l = new StringBuilder("  ");
        for (int i = 0; i < w.length; i++) {
            l.append(Width.pad(cells.get(i), w[i])).append("  ");
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
