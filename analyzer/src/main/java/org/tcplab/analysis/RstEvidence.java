package org.tcplab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tcplab.words.Wording;

/**
 * Why an RST was judged as it was, as the numbers and roles that show it: worded from
 * Causes.properties ({@code evidence.CAUSE}) in any language, so a report in Chinese says it in
 * Chinese. Made once per RST, never on the per-segment path.
 */
public record RstEvidence(RstCause cause, List<Object> args) {
    public RstEvidence {
        args = List.copyOf(args);
    }

    static RstEvidence of(RstCause cause, Object... args) {
        return new RstEvidence(cause, List.of(args));
    }

    /** The evidence in {@code locale}: roles and state names as that language writes them. */
    public String text(Locale locale) {
        Wording w = Wording.of("org.tcplab.analysis.Causes", locale);
        List<Object> shown = new ArrayList<>(args.size());
        for (Object a : args) {
            shown.add(a instanceof Role r ? w.say(r.label()) : a instanceof TcpState s ? s.label() : a);
        }
        return w.say("evidence." + cause.code(), shown.toArray());
    }

    @Override
    public String toString() {
        return text(Locale.ROOT);
    }
}
