package org.tcplab.report;

/**
 * The ladder diagram as inline SVG: a lifeline per endpoint, an arrow per packet labelled with
 * its flags and numbers and linked to its table row, the frame number and time on the left, and
 * each endpoint's state written on its lifeline where it changes, the cause on hover.
 */
final class LadderSvg {
    static final int WIDTH = 720;
    private static final int LEFT = 210;
    private static final int RIGHT = 590;
    private static final int TOP = 56;
    private static final int ROW = 34;

    private LadderSvg() {
    }

    static String draw(Conversation c, Say say) {
        Ladder l = c.ladder();
        int height = TOP + 24 + ROW * l.arrows().size() + 20;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"ladder\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\">\n");
        sb.append("<defs><marker id=\"head-").append(c.anchor())
                .append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/></marker></defs>\n");
        int[] x = {LEFT, RIGHT};
        for (int i = 0; i < 2; i++) {
            sb.append("<text class=\"endpoint\" x=\"").append(x[i]).append("\" y=\"18\" text-anchor=\"middle\">")
                    .append(Svg.esc(l.endpoints().get(i))).append("</text>\n");
            sb.append("<line class=\"lifeline\" data-endpoint=\"").append(Svg.esc(l.endpoints().get(i))).append("\" x1=\"")
                    .append(x[i]).append("\" y1=\"26\" x2=\"").append(x[i]).append("\" y2=\"").append(height - 8)
                    .append("\"/>\n");
        }
        sb.append("<text class=\"colhead\" x=\"8\" y=\"18\">").append(Svg.esc(say.word("col.frame")))
                .append("</text><text class=\"colhead\" x=\"52\" y=\"18\">").append(Svg.esc(say.word("col.time")))
                .append("</text>\n");
        marks(sb, l, -1, TOP - 12, c);
        for (int k = 0; k < l.arrows().size(); k++) {
            Ladder.Arrow a = l.arrows().get(k);
            int y = TOP + 18 + ROW * k;
            int x1 = x[a.from()];
            int x2 = x[a.to()];
            String cls = a.problem() ? "arrow problem" : "arrow";
            sb.append("<g class=\"").append(cls).append("\" data-frame=\"").append(a.frame()).append("\">")
                    .append("<a href=\"#").append(c.anchor()).append("-f").append(a.frame()).append("\">")
                    .append("<title>frame ").append(a.frame()).append(": ").append(Svg.esc(a.label())).append("</title>")
                    .append("<text class=\"frame\" x=\"8\" y=\"").append(y + 4).append("\">").append(a.frame()).append("</text>")
                    .append("<text class=\"time\" x=\"52\" y=\"").append(y + 4).append("\">")
                    .append(Say.seconds(a.timeNanos())).append("</text>")
                    .append("<line x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(x2 + (x2 > x1 ? -1 : 1)).append("\" y2=\"").append(y + 10).append("\" marker-end=\"url(#head-")
                    .append(c.anchor()).append(")\"/>")
                    .append("<text class=\"label\" x=\"").append((x1 + x2) / 2).append("\" y=\"").append(y - 3)
                    .append("\" text-anchor=\"middle\">").append(Svg.esc(a.label())).append("</text></a></g>\n");
            marks(sb, l, a.frame(), y + 18, c);
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void marks(StringBuilder sb, Ladder l, long frame, int y, Conversation c) {
        int[] seen = new int[2];
        for (Ladder.Mark m : l.marks()) {
            if (m.frame() != frame) {
                continue;
            }
            boolean left = m.endpoint() == 0;
            int x = left ? LEFT - 6 : RIGHT + 6;
            int dy = 11 * seen[m.endpoint()]++;
            sb.append("<text class=\"state\" data-frame=\"").append(frame).append("\" data-endpoint=\"").append(m.endpoint())
                    .append("\" x=\"").append(x).append("\" y=\"").append(y + dy).append("\" text-anchor=\"")
                    .append(left ? "end" : "start").append("\">");
            if (!m.cause().isEmpty()) {
                sb.append("<title>").append(Svg.esc(m.cause())).append("</title>");
            }
            sb.append(Svg.esc(m.state())).append("</text>\n");
        }
    }
}
