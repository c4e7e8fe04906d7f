package org.tcplab.report;

import java.util.Arrays;
import java.util.Locale;
import org.tcplab.analysis.Role;
import org.tcplab.analysis.TransitionCause;
import org.tcplab.words.Wording;

/** Makes a report's sentences in one language, from Report.properties and its translations. */
final class Say {
    static final String BUNDLE = "org.tcplab.report.Report";
    private final Wording words;
    private final Locale locale;

    Say(Locale locale) {
        this.locale = locale;
        this.words = Wording.of(BUNDLE, locale);
    }

    Locale locale() {
        return locale;
    }

    Sentence it(String key, Object... args) {
        return new Sentence(key, Arrays.asList(args), words.say(key, args));
    }

    /** A word or phrase of the bundle, not a sentence of the report. */
    String word(String key, Object... args) {
        return words.say(key, args);
    }

    String role(Role r) {
        return TransitionCause.roleName(r, locale);
    }

    /** Seconds with six decimals, cut (not rounded) as read and tshark print relative times. */
    static String seconds(long nanos) {
        StringBuilder sb = new StringBuilder(16);
        org.tcplab.output.TimeFormat.appendOffset(sb, nanos, 6);
        return sb.toString();
    }

    /** Milliseconds with three decimals, cut as {@link #seconds} is. */
    static String millis(long nanos) {
        StringBuilder sb = new StringBuilder(16);
        org.tcplab.output.TimeFormat.appendMillis(sb, nanos, 3);
        return sb.toString();
    }
}
