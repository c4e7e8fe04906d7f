package org.tcplab.console;

import java.util.ArrayList;
import java.util.List;

/**
 * One command as typed: its text, and its words with where each stands in the text. Quotes
 * ('...' and "...") group words and are removed from them; a display filter is taken from the
 * raw text instead ({@link #rest}), so its string literals keep their quotes. {@code ;} outside
 * quotes ends a command, as in a shell.
 */
record Statement(String text, List<String> words, List<int[]> spans) {
    Statement {
        words = List.copyOf(words);
        spans = List.copyOf(spans);
    }

    /** The commands of a line (or of a script: newlines end commands too; # starts a comment). */
    static List<Statement> split(String input) {
        List<Statement> out = new ArrayList<>();
        int start = 0;
        char quote = 0;
        for (int i = 0; i <= input.length(); i++) {
            char c = i < input.length() ? input.charAt(i) : ';';
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < input.length()) {
                    i++;
                }
                if (i < input.length()) {
                    continue;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                continue;
            } else if (c == '#' && (i == start || Character.isWhitespace(input.charAt(i - 1)))) {
                int nl = input.indexOf('\n', i);
                add(out, input.substring(start, i));
                i = nl < 0 ? input.length() : nl;
                start = i + 1;
                continue;
            }
            if (c == ';' || c == '\n') {
                add(out, input.substring(start, Math.min(i, input.length())));
                start = i + 1;
            }
        }
        return out;
    }

    private static void add(List<Statement> out, String text) {
        Statement s = of(text);
        if (!s.words().isEmpty()) {
            out.add(s);
        }
    }

    /** The words of one command. An unclosed quote runs to the end of the text. */
    static Statement of(String typed) {
        String text = typed.strip();
        List<String> words = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int from = i;
            StringBuilder w = new StringBuilder();
            char quote = 0;
            while (i < n && (quote != 0 || !Character.isWhitespace(text.charAt(i)))) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else if (c == '\\' && quote == '"' && i + 1 < n) {
                        w.append(text.charAt(++i));
                    } else {
                        w.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else {
                    w.append(c);
                }
                i++;
            }
            words.add(w.toString());
            spans.add(new int[] {from, i});
        }
        return new Statement(text, words, spans);
    }

    String verb() {
        return words.get(0);
    }

    /** The raw text after word {@code k} (quotes kept), without the words at {@code skip} positions. */
    String rest(int k, java.util.Set<Integer> skip) {
        StringBuilder sb = new StringBuilder();
        for (int i = k + 1; i < spans.size(); i++) {
            if (skip.contains(i)) {
                continue;
            }
            int[] sp = spans.get(i);
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(text, sp[0], sp[1]);
        }
        return sb.toString();
    }
}
