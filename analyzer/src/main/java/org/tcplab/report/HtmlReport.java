package org.tcplab.report;

import java.util.List;
import java.util.Locale;
import org.tcplab.analysis.Role;

/**
 * The report as one self-contained HTML file: inline CSS and SVG, no script, nothing fetched, laid
 * out to print on A4. Each conversation has its tables (rows anchored by frame, so the ladder's
 * arrows link to them), its ladder diagram and, for TCP with data, the time-sequence graph.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:"DejaVu Sans","Noto Sans CJK SC",sans-serif;font-size:10pt;margin:1.2em;color:#111}
            h1{font-size:15pt}h2{font-size:12.5pt;border-bottom:1px solid #999;margin-top:1.6em}h3{font-size:11pt;margin:1em 0 .3em}
            table{border-collapse:collapse;margin:.3em 0;font-size:8.5pt}
            th,td{border:1px solid #bbb;padding:1px 4px;text-align:left;vertical-align:top}th{background:#eee}
            tr:target{background:#ffef9e}ul{margin:.2em 0 .6em;padding-left:1.3em}li{margin:.15em 0}
            svg{max-width:100%;height:auto;display:block;margin:.4em 0}
            .lifeline{stroke:#444;stroke-width:1.5}.endpoint{font-weight:bold;font-size:12px}.colhead{font-size:10px;fill:#555}
            .arrow line{stroke:#1f5fbf;stroke-width:1.3}.arrow.problem line{stroke:#c0392b}.arrow a{text-decoration:none}
            .label{font-size:10.5px;font-family:"DejaVu Sans Mono",monospace;fill:#111}.frame,.time{font-size:10px;fill:#555}
            .state{font-size:10px;fill:#0a7d32;font-weight:bold}
            .axis{stroke:#333}.tick{font-size:9px}.axislabel{font-size:10px}
            .seg line{stroke:#1f5fbf;stroke-width:1.6}.seg.retransmission line{stroke:#c0392b}
            .ackline{fill:none;stroke:#0a7d32;stroke-width:1.2}.winline{fill:none;stroke:#b8860b;stroke-width:1;stroke-dasharray:4 3}
            .sack{stroke:#8e44ad;stroke-width:3}.legend text{font-size:10px}
            .gen{color:#777;font-size:8pt}
            @page{size:A4;margin:12mm}
            @media print{body{margin:0;font-size:9pt}h2{break-before:auto}h2,h3{break-after:avoid}svg,table{break-inside:avoid}}
            """;

    private HtmlReport() {
    }

    public static String render(CaptureReport r, Locale locale) {
        Say say = new Say(locale);
        StringBuilder sb = new StringBuilder(16384);
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(Svg.esc(r.lang())).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"generator\" content=\"tcplab analyzer report\">\n<title>")
                .append(Svg.esc(say.word("report.title", r.file()))).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(Svg.esc(say.word("report.title", r.file()))).append("</h1>\n<p>")
                .append(Svg.esc(say.word("report.summary", r.packets(), r.span()))).append("</p>\n");
        sb.append("<h2>").append(Svg.esc(say.word("report.health"))).append("</h2>\n");
        list(sb, r.health());
        if (r.conversations().isEmpty()) {
            sb.append("<p>").append(Svg.esc(say.word("report.none"))).append("</p>\n");
        }
        for (Conversation c : r.conversations()) {
            sb.append("<section class=\"conversation ").append(c.kind()).append("\" id=\"").append(c.anchor()).append("\">\n<h2>")
                    .append(Svg.esc(c.title().text())).append("</h2>\n");
            if (!c.ladder().arrows().isEmpty()) {
                sb.append("<h3>").append(Svg.esc(say.word("report.ladder"))).append("</h3>\n");
                sb.append(LadderSvg.draw(c, say));
            }
            if ("tcp".equals(c.kind())) {
                Role sender = TimeSequenceSvg.sender(c.segments());
                if (sender != null) {
                    Segment s0 = null;
                    for (Segment s : c.segments()) {
                        if (s.from() == sender) {
                            s0 = s;
                            break;
                        }
                    }
                    sb.append("<h3>").append(Svg.esc(say.word("report.tsg"))).append(": ")
                            .append(Svg.esc(say.word("report.tsg.of", say.role(sender), s0.src(), s0.dst()))).append("</h3>\n");
                    sb.append(TimeSequenceSvg.draw(c, sender, say));
                }
            }
            java.util.Set<Long> anchored = new java.util.HashSet<>();
            for (Section s : c.sections()) {
                sb.append("<h3>").append(Svg.esc(say.word("section." + s.kind()))).append("</h3>\n");
                table(sb, s.table(), c, say, anchored);
                list(sb, s.sentences());
            }
            sb.append("</section>\n");
        }
        sb.append("<p class=\"gen\">").append(Svg.esc(say.word("report.generated"))).append("</p>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void list(StringBuilder sb, List<Sentence> ss) {
        if (ss.isEmpty()) {
            return;
        }
        sb.append("<ul>\n");
        for (Sentence s : ss) {
            sb.append("<li data-key=\"").append(Svg.esc(s.key())).append("\">").append(Svg.esc(s.text())).append("</li>\n");
        }
        sb.append("</ul>\n");
    }

    private static void table(StringBuilder sb, Table t, Conversation c, Say say, java.util.Set<Long> anchored) {
        if (t.isEmpty()) {
            return;
        }
        sb.append("<table>\n<tr>");
        for (String col : t.columns()) {
            sb.append("<th>").append(Svg.esc(say.word("col." + col))).append("</th>");
        }
        sb.append("</tr>\n");
        for (Table.Row row : t.rows()) {
            sb.append("<tr");
            // the first row that shows a frame is the one the ladder's arrow links to
            if (row.frame() > 0 && anchored.add(row.frame())) {
                sb.append(" id=\"").append(c.anchor()).append("-f").append(row.frame()).append('"');
            }
            sb.append('>');
            for (String cell : row.cells()) {
                sb.append("<td>").append(Svg.esc(cell)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }
}
