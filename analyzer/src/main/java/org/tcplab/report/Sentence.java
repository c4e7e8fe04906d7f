package org.tcplab.report;

import java.util.List;

/**
 * One sentence of a report: the bundle key it was made from, the numbers and names that filled
 * it, and the words in the report's language. JSON carries all three, so a script can read the
 * numbers without parsing the words.
 */
public record Sentence(String key, List<Object> args, String text) {
    public Sentence {
        args = List.copyOf(args);
    }
}
