package org.tcplab.report;

import java.util.ArrayList;
import java.util.List;
import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.analysis.Role;
import org.tcplab.tcp.TcpOptions;

/**
 * The time-sequence graph of one direction of a connection (Stevens's and tcptrace's picture):
 * each data segment as a bar from seq to seq + len at its time, the peer's ACK line and the
 * receive-window line (ack + window) as steps, retransmissions and SACK blocks marked, labelled
 * axes and a legend.
 */
final class TimeSequenceSvg {
    private static final int W = 720;
    private static final int H = 340;
    private static final int L = 80;
    private static final int R = 20;
    private static final int T = 20;
    private static final int B = 70;

    private TimeSequenceSvg() {
    }

    /** The sender whose data the graph shows: the side that sent the most payload; null when neither sent any. */
    static Role sender(List<Segment> segs) {
        long[] bytes = new long[2];
        for (Segment s : segs) {
            bytes[s.from().ordinal()] += s.len();
        }
        if (bytes[0] == 0 && bytes[1] == 0) {
            return null;
        }
        return bytes[0] >= bytes[1] ? Role.CLIENT : Role.SERVER;
    }

    static String draw(Conversation c, Role sender, Say say) {
        List<Segment> segs = c.segments();
        // the time axis spans the data and the ACKs that cover it, not the handshake and teardown
        long t0 = Long.MAX_VALUE;
        long lastData = 0;
        long highest = 0;
        for (Segment s : segs) {
            if (s.from() == sender && s.data()) {
                t0 = Math.min(t0, s.timeNanos());
                lastData = Math.max(lastData, s.timeNanos());
                highest = Math.max(highest, s.nextSeq());
            }
        }
        long t1 = lastData;
        for (Segment s : segs) {
            if (s.from() != sender && s.hasAck() && s.timeNanos() >= lastData) {
                t1 = s.timeNanos();
                if (s.ack() >= highest) {
                    break;
                }
            }
        }
        long margin = Math.max(1, (t1 - t0) / 20);
        t0 = Math.max(segs.get(0).timeNanos(), t0 - margin);
        t1 = t1 + margin;
        long minSeq = Long.MAX_VALUE;
        long maxSeq = Long.MIN_VALUE;
        long base = 0;
        for (Segment s : segs) {
            if (s.from() == sender) {
                minSeq = Math.min(minSeq, s.seq());
                maxSeq = Math.max(maxSeq, s.nextSeq());
                base = s.rawSeq() - s.seq();
            } else if (s.hasAck() && !s.rst()) {
                // the window line may run far above the data: it is clipped, not allowed to squash the data
                maxSeq = Math.max(maxSeq, s.ack());
                minSeq = Math.min(minSeq, s.ack());
            }
        }
        if (maxSeq <= minSeq) {
            maxSeq = minSeq + 1;
        }
        maxSeq += Math.max(1, (maxSeq - minSeq) / 10);
        if (t1 <= t0) {
            t1 = t0 + 1;
        }
        double sx = (W - L - R) / (double) (t1 - t0);
        double sy = (H - T - B) / (double) (maxSeq - minSeq);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"tsg\" data-sender=\"").append(sender.label()).append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(W).append(' ').append(H).append("\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" role=\"img\">\n");
        // axes with five ticks each
        sb.append("<line class=\"axis\" x1=\"").append(L).append("\" y1=\"").append(H - B).append("\" x2=\"").append(W - R)
                .append("\" y2=\"").append(H - B).append("\"/>\n");
        sb.append("<line class=\"axis\" x1=\"").append(L).append("\" y1=\"").append(T).append("\" x2=\"").append(L)
                .append("\" y2=\"").append(H - B).append("\"/>\n");
        for (int i = 0; i <= 4; i++) {
            double tx = L + (W - L - R) * i / 4.0;
            long tn = t0 + (t1 - t0) * i / 4;
            sb.append("<text class=\"tick\" x=\"").append(Svg.n(tx)).append("\" y=\"").append(H - B + 14)
                    .append("\" text-anchor=\"middle\">").append(Say.seconds(tn)).append("</text>\n");
            double ty = H - B - (H - T - B) * i / 4.0;
            long sv = minSeq + (maxSeq - minSeq) * i / 4;
            sb.append("<text class=\"tick\" x=\"").append(L - 4).append("\" y=\"").append(Svg.n(ty + 4))
                    .append("\" text-anchor=\"end\">").append(sv).append("</text>\n");
        }
        sb.append("<text class=\"axislabel\" x=\"").append((W + L) / 2).append("\" y=\"").append(H - B + 32)
                .append("\" text-anchor=\"middle\">").append(Svg.esc(say.word("report.axis.time"))).append("</text>\n");
        sb.append("<text class=\"axislabel\" transform=\"rotate(-90)\" x=\"").append(-(H - B + T) / 2).append("\" y=\"14\" text-anchor=\"middle\">")
                .append(Svg.esc(say.word("report.axis.seq"))).append("</text>\n");
        List<String> ackPts = new ArrayList<>();
        List<String> winPts = new ArrayList<>();
        // the ACK and window lines start where they stand at the left edge
        for (Segment s : segs) {
            if (s.timeNanos() >= t0) {
                break;
            }
            if (s.from() != sender && s.hasAck() && !s.rst()) {
                ackPts.clear();
                winPts.clear();
                ackPts.add(L + "," + Svg.n(H - B - (s.ack() - minSeq) * sy));
                winPts.add(L + "," + Svg.n(H - B - (s.ack() + s.window() - minSeq) * sy));
            }
        }
        for (Segment s : segs) {
            if (s.timeNanos() < t0 || s.timeNanos() > t1) {
                continue;
            }
            double x = L + (s.timeNanos() - t0) * sx;
            if (s.from() == sender) {
                if (!s.data()) {
                    continue;
                }
                boolean re = s.verdicts().contains(AnalysisFlag.RETRANSMISSION)
                        || s.verdicts().contains(AnalysisFlag.FAST_RETRANSMISSION)
                        || s.verdicts().contains(AnalysisFlag.SPURIOUS_RETRANSMISSION);
                double y1 = H - B - (s.seq() - minSeq) * sy;
                double y2 = H - B - (s.seq() + s.len() - minSeq) * sy;
                sb.append("<g class=\"seg").append(re ? " retransmission" : "").append("\" data-frame=\"").append(s.frame())
                        .append("\"><title>frame ").append(s.frame()).append(": seq=").append(s.seq()).append(" len=")
                        .append(s.len()).append("</title><line x1=\"").append(Svg.n(x)).append("\" y1=\"").append(Svg.n(y1))
                        .append("\" x2=\"").append(Svg.n(x)).append("\" y2=\"").append(Svg.n(y2)).append("\"/>")
                        .append("<line x1=\"").append(Svg.n(x - 3)).append("\" y1=\"").append(Svg.n(y2)).append("\" x2=\"")
                        .append(Svg.n(x + 3)).append("\" y2=\"").append(Svg.n(y2)).append("\"/></g>\n");
            } else if (s.hasAck() && !s.rst()) {
                double ya = H - B - (s.ack() - minSeq) * sy;
                double yw = H - B - (s.ack() + s.window() - minSeq) * sy;
                if (!ackPts.isEmpty()) {
                    String[] prevA = ackPts.get(ackPts.size() - 1).split(",");
                    ackPts.add(Svg.n(x) + "," + prevA[1]);
                    String[] prevW = winPts.get(winPts.size() - 1).split(",");
                    winPts.add(Svg.n(x) + "," + prevW[1]);
                }
                ackPts.add(Svg.n(x) + "," + Svg.n(ya));
                winPts.add(Svg.n(x) + "," + Svg.n(yw));
                TcpOptions o = s.options();
                if (o != null) {
                    for (TcpOptions.SackBlock b : o.sackBlocks()) {
                        long left = (b.left() - base) & 0xFFFFFFFFL;
                        long right = (b.right() - base) & 0xFFFFFFFFL;
                        sb.append("<line class=\"sack\" data-frame=\"").append(s.frame()).append("\" x1=\"").append(Svg.n(x))
                                .append("\" y1=\"").append(Svg.n(H - B - (left - minSeq) * sy)).append("\" x2=\"")
                                .append(Svg.n(x)).append("\" y2=\"").append(Svg.n(H - B - (right - minSeq) * sy))
                                .append("\"/>\n");
                    }
                }
            }
        }
        if (!ackPts.isEmpty()) {
            // and run on to the right edge
            ackPts.add((W - R) + "," + ackPts.get(ackPts.size() - 1).split(",")[1]);
            winPts.add((W - R) + "," + winPts.get(winPts.size() - 1).split(",")[1]);
            String clip = "clip-" + c.anchor();
            sb.append("<clipPath id=\"").append(clip).append("\"><rect x=\"").append(L).append("\" y=\"").append(T)
                    .append("\" width=\"").append(W - L - R).append("\" height=\"").append(H - T - B).append("\"/></clipPath>\n");
            sb.append("<polyline class=\"ackline\" points=\"").append(String.join(" ", ackPts)).append("\"/>\n");
            sb.append("<polyline class=\"winline\" clip-path=\"url(#").append(clip).append(")\" points=\"")
                    .append(String.join(" ", winPts)).append("\"/>\n");
        }
        int ly = H - 18;
        legend(sb, 90, ly, "#1f5fbf", "", say.word("report.legend.data"));
        legend(sb, 300, ly, "#0a7d32", "", say.word("report.legend.ack"));
        legend(sb, 510, ly, "#b8860b", "4 3", say.word("report.legend.window"));
        legend(sb, 90, ly + 14, "#c0392b", "", say.word("report.legend.retransmission"));
        legend(sb, 300, ly + 14, "#8e44ad", "", say.word("report.legend.sack"));
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void legend(StringBuilder sb, int x, int y, String colour, String dash, String text) {
        sb.append("<g class=\"legend\"><line stroke=\"").append(colour).append("\" stroke-width=\"2\"")
                .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append(" x1=\"").append(x).append("\" y1=\"").append(y - 4)
                .append("\" x2=\"").append(x + 18).append("\" y2=\"").append(y - 4).append("\"/><text x=\"").append(x + 22)
                .append("\" y=\"").append(y).append("\">").append(Svg.esc(text)).append("</text></g>\n");
    }
}
