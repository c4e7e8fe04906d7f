package org.tcplab.report;

import java.util.List;
import java.util.Locale;
import org.tcplab.output.ByteSink;
import org.tcplab.words.Wording;

/**
 * The report as one JSON document for scripts: the same sections, each table's rows keyed by
 * column, each sentence with its bundle key, its numbers and its words, and each ladder.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static String render(CaptureReport r, Locale locale) {
        Wording w = Wording.of(Say.BUNDLE, locale);
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\n  \"generated\": ");
        str(sb, w.say("report.generated"));
        sb.append(",\n  \"file\": ");
        str(sb, r.file());
        sb.append(",\n  \"lang\": ");
        str(sb, r.lang());
        sb.append(",\n  \"packets\": ").append(r.packets()).append(",\n  \"span\": ").append(r.span());
        sb.append(",\n  \"damage\": ");
        str(sb, r.damage());
        sb.append(",\n  \"health\": ");
        sentences(sb, r.health(), "  ");
        sb.append(",\n  \"conversations\": [");
        for (int i = 0; i < r.conversations().size(); i++) {
            Conversation c = r.conversations().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"kind\": ");
            str(sb, c.kind());
            sb.append(", \"index\": ").append(c.index()).append(", \"a\": ");
            str(sb, c.a());
            sb.append(", \"b\": ");
            str(sb, c.b());
            sb.append(",\n     \"title\": ");
            sentence(sb, c.title());
            sb.append(",\n     \"sections\": [");
            for (int k = 0; k < c.sections().size(); k++) {
                Section s = c.sections().get(k);
                sb.append(k == 0 ? "\n" : ",\n").append("       {\"kind\": ");
                str(sb, s.kind());
                sb.append(", \"title\": ");
                str(sb, w.say("section." + s.kind()));
                sb.append(",\n        \"rows\": [");
                List<String> cols = s.table().columns();
                for (int j = 0; j < s.table().rows().size(); j++) {
                    Table.Row row = s.table().rows().get(j);
                    sb.append(j == 0 ? "\n          {" : ",\n          {");
                    for (int x = 0; x < cols.size(); x++) {
                        if (x > 0) {
                            sb.append(", ");
                        }
                        str(sb, cols.get(x));
                        sb.append(": ");
                        value(sb, row.cells().get(x));
                    }
                    sb.append('}');
                }
                sb.append(s.table().rows().isEmpty() ? "]" : "\n        ]");
                sb.append(",\n        \"sentences\": ");
                sentences(sb, s.sentences(), "        ");
                sb.append('}');
            }
            sb.append("\n     ],\n     \"ladder\": {\"endpoints\": [");
            for (int k = 0; k < c.ladder().endpoints().size(); k++) {
                if (k > 0) {
                    sb.append(", ");
                }
                str(sb, c.ladder().endpoints().get(k));
            }
            sb.append("], \"arrows\": [");
            for (int k = 0; k < c.ladder().arrows().size(); k++) {
                Ladder.Arrow a = c.ladder().arrows().get(k);
                sb.append(k == 0 ? "\n" : ",\n").append("       {\"frame\": ").append(a.frame()).append(", \"time\": ")
                        .append(Say.seconds(a.timeNanos())).append(", \"from\": ").append(a.from()).append(", \"to\": ")
                        .append(a.to()).append(", \"label\": ");
                str(sb, a.label());
                sb.append(", \"problem\": ").append(a.problem()).append('}');
            }
            sb.append(c.ladder().arrows().isEmpty() ? "]" : "\n     ]").append(", \"states\": [");
            for (int k = 0; k < c.ladder().marks().size(); k++) {
                Ladder.Mark m = c.ladder().marks().get(k);
                sb.append(k == 0 ? "\n" : ",\n").append("       {\"frame\": ").append(m.frame()).append(", \"endpoint\": ")
                        .append(m.endpoint()).append(", \"state\": ");
                str(sb, m.state());
                sb.append(", \"cause\": ");
                str(sb, m.cause());
                sb.append('}');
            }
            sb.append(c.ladder().marks().isEmpty() ? "]" : "\n     ]").append("}}");
        }
        sb.append(r.conversations().isEmpty() ? "]" : "\n  ]").append("\n}\n");
        return sb.toString();
    }

    private static void sentences(StringBuilder sb, List<Sentence> ss, String indent) {
        sb.append('[');
        for (int i = 0; i < ss.size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n").append(indent).append("  ");
            sentence(sb, ss.get(i));
        }
        sb.append(ss.isEmpty() ? "]" : "\n" + indent + "]");
    }

    private static void sentence(StringBuilder sb, Sentence s) {
        sb.append("{\"key\": ");
        str(sb, s.key());
        sb.append(", \"args\": [");
        for (int i = 0; i < s.args().size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object a = s.args().get(i);
            if (a instanceof Number) {
                sb.append(a);
            } else {
                str(sb, String.valueOf(a));
            }
        }
        sb.append("], \"text\": ");
        str(sb, s.text());
        sb.append('}');
    }

    /** A cell: an integer or a decimal as a number, anything else as a string, empty as null. */
    private static void value(StringBuilder sb, String v) {
        if (v.isEmpty()) {
            sb.append("null");
        } else if (v.matches("-?(0|[1-9][0-9]{0,17})(\\.[0-9]+)?")) {
            sb.append(v);
        } else {
            str(sb, v);
        }
    }

    /** A JSON string (or null), escaped as every JSON output of the project is, by {@link ByteSink#putJson}. */
    static void str(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append(new ByteSink().putJson(s));
    }
}
