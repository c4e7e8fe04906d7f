package org.tcplab.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colour for the console's output lines, by what a word is: TCP flags (SYN green, FIN yellow, RST
 * red), tshark's verdicts and RST causes (red), endpoint states (ESTABLISHED green, the closing
 * ones yellow, CLOSED grey). Only what the eye hunts for is coloured; none at all under NO_COLOR
 * or on a terminal without colours.
 */
final class Colour {
    private static final String RESET = "\u001b[0m";
    private static final Pattern WORDS = Pattern.compile(
            "\\[(?:SYN|FIN|RST|PSH|ACK|URG|ECE|CWR|NS|AE)(?:, (?:SYN|FIN|RST|PSH|ACK|URG|ECE|CWR|NS|AE))*\\]"
            + "|\\[(?:RST|TCP |Dup ACK|malformed|checksum BAD|bad checksum)[^\\]]*\\]"
            + "|\\b(?:SYN-SENT|SYN-RECEIVED|ESTABLISHED|FIN-WAIT-1|FIN-WAIT-2|CLOSE-WAIT|CLOSING|LAST-ACK|TIME-WAIT|LISTEN|CLOSED)\\b");

    private Colour() {
    }

    static String line(String s) {
        Matcher m = WORDS.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 32);
        int last = 0;
        do {
            String w = m.group();
            String c = colourOf(w);
            sb.append(s, last, m.start());
            if (c == null) {
                sb.append(w);
            } else {
                sb.append(c).append(w).append(RESET);
            }
            last = m.end();
        } while (m.find());
        return sb.append(s, last, s.length()).toString();
    }

    private static String colourOf(String w) {
        if (w.startsWith("[")) {
            if (w.contains("RST") || w.startsWith("[TCP ") || w.startsWith("[Dup ACK") || w.contains("malformed") || w.contains("BAD")
                    || w.contains("bad checksum")) {
                return "\u001b[1;31m";
            }
            if (w.contains("SYN")) {
                return "\u001b[32m";
            }
            if (w.contains("FIN")) {
                return "\u001b[33m";
            }
            return null;
        }
        return switch (w) {
            case "ESTABLISHED" -> "\u001b[32m";
            case "CLOSED" -> "\u001b[90m";
            case "LISTEN", "SYN-SENT", "SYN-RECEIVED" -> "\u001b[36m";
            default -> "\u001b[33m";
        };
    }
}
