package org.tcplab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A student's answer table as CSV: a header row naming the columns ({@code frame} and any of
 * {@link AnswerChecker#COLUMNS}), one row per frame, lines starting with {@code #} are comments, and
 * a {@code # numbers: raw} (or {@code relative}) comment says which numbers the table uses.
 */
public record AnswerSheet(List<String> columns, List<Row> rows, String numbers, List<String> problems) {
    /** One row: its line in the file, the frame, and the cells by column. */
    public record Row(int line, long frame, Map<String, String> cells) {
    }

    /** Parses the CSV; a bad header is an {@link IllegalArgumentException} with a one-line reason. */
    public static AnswerSheet parse(String text) {
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String numbers = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String c = line.substring(1).strip().toLowerCase(Locale.ROOT);
                if (c.startsWith("numbers:")) {
                    String v = c.substring(8).strip();
                    if (v.equals("raw") || v.equals("relative")) {
                        numbers = v;
                    } else {
                        throw new IllegalArgumentException("line " + (i + 1) + ": '# numbers:' must be raw or relative, not '" + v + "'");
                    }
                }
                continue;
            }
            List<String> cells = split(line);
            if (columns == null) {
                columns = new ArrayList<>();
                for (String h : cells) {
                    String name = h.strip().toLowerCase(Locale.ROOT);
                    if (!name.equals("frame") && !AnswerChecker.COLUMNS.contains(name)) {
                        throw new IllegalArgumentException("line " + (i + 1) + ": unknown column '" + h.strip() + "'; expected frame, "
                                + String.join(", ", AnswerChecker.COLUMNS));
                    }
                    columns.add(name);
                }
                if (!columns.contains("frame")) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": the header has no 'frame' column");
                }
                continue;
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            String frameText = null;
            for (int k = 0; k < columns.size(); k++) {
                String v = k < cells.size() ? cells.get(k).strip() : "";
                if (columns.get(k).equals("frame")) {
                    frameText = v;
                } else {
                    byColumn.put(columns.get(k), v);
                }
            }
            long frame;
            try {
                frame = Long.parseLong(frameText);
            } catch (NumberFormatException e) {
                problems.add("line " + (i + 1) + ": '" + frameText + "' is not a frame number");
                continue;
            }
            rows.add(new Row(i + 1, frame, byColumn));
        }
        if (columns == null) {
            throw new IllegalArgumentException("no header row (frame, seq, ack, ...)");
        }
        return new AnswerSheet(columns, rows, numbers, problems);
    }

    /** A CSV line's cells; a cell in double quotes may hold commas ("SYN, ACK"). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /**
     * The blank sheet for a report: every frame of each TCP connection (handshake, data and its
     * ACKs, teardown), the frame filled in, every other column empty.
     */
    public static String template(CaptureReport report, String file) {
        StringBuilder sb = new StringBuilder();
        sb.append("# tcplab answer sheet for ").append(file).append(": fill in each cell, then run\n");
        sb.append("#   analyzer check ").append(file).append(" --answers THIS.csv\n");
        sb.append("# seq/ack/next_seq relative (as Wireshark shows them); write '# numbers: raw' to use raw ones.\n");
        sb.append("# flags as Wireshark lists them (\"SYN, ACK\"); states after the segment (RFC 9293 names); rtt in seconds.\n");
        sb.append("# numbers: relative\n");
        sb.append("frame,").append(String.join(",", AnswerChecker.COLUMNS)).append('\n');
        for (Conversation c : report.conversations()) {
            if (!c.kind().equals("tcp")) {
                continue;
            }
            sb.append("# TCP stream ").append(c.index()).append(": ").append(c.a()).append(" -> ").append(c.b()).append('\n');
            java.util.Set<Long> frames = new java.util.TreeSet<>();
            for (Section s : c.sections()) {
                if (s.kind().equals("packets")) {
                    for (Table.Row r : s.table().rows()) {
                        frames.add(r.frame());
                    }
                }
            }
            for (long f : frames) {
                sb.append(f).append(",".repeat(AnswerChecker.COLUMNS.size())).append('\n');
            }
        }
        return sb.toString();
    }
}
