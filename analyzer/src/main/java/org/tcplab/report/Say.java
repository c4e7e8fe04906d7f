package org.tcplab.report;

import java.util.Arrays;
import java.util.Locale;
import org.tcplab.analysis.Role;
import org.tcplab.analysis.TransitionCause;
import org.tcplab.decode.IcmpNames;
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

    /**
     * An ICMP type and code in the report's language, "time exceeded (TTL exceeded in transit)":
     * the bundle's names (icmp.name.4.11, icmp.code.4.11.0), for what IcmpNames names; a type or
     * code it does not know, by its number. The code is left out where IcmpNames leaves it out.
     */
    String icmp(boolean v6, int type, int code) {
        String v = v6 ? "6." : "4.";
        String t = words.has("icmp.name." + v + type) ? words.say("icmp.name." + v + type) : words.say("icmp.name.unknown", type);
        if (IcmpNames.code(v6, type, code) == null) {
            return t;
        }
        String key = "icmp.code." + v + type + "." + code;
        return words.say("icmp.described", t, words.has(key) ? words.say(key) : words.say("icmp.code.unknown", code));
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
