package org.tcplab.analysis;

/**
 * Why an endpoint changed state. The words are made only when asked for ({@link Transition#cause()}),
 * from Causes.properties: the analysis itself keeps the kind and the numbers, so that a pass that
 * prints no transitions (conns) builds no strings per segment.
 */
public enum TransitionCause {
    RST_INSTEAD_OF_LISTEN, SENT_RST, SENT_SYN, SYN_CROSSED, SENT_SYN_ACK, SENT_SYN_ACK_IN_SYN_SENT, SENT_FIN_ACTIVE,
    SENT_FIN_PASSIVE, RST_IN_SYN_RECEIVED, REFUSED, RESET, SYN_IN_SYN_SENT, SYN_ACK_ESTABLISHES, SYN_ACK_COMPLETES_SIMULTANEOUS,
    ACK_COMPLETES_HANDSHAKE, FIN_ACKED_IN_FIN_WAIT_1, FIN_ACKED_IN_CLOSING, FIN_ACKED_IN_LAST_ACK, FIN_IN_ESTABLISHED,
    FIN_IN_FIN_WAIT_1, FIN_IN_FIN_WAIT_2, FINS_CROSSED;

    private static final String CAUSES = "org.tcplab.analysis.Causes";
    /** read prints a cause per transition: its bundle is looked up once, not per line. */
    private static final org.tcplab.words.Wording ENGLISH = org.tcplab.words.Wording.of(CAUSES, java.util.Locale.ROOT);
    private static final String[] ROLE = {ENGLISH.say(Role.CLIENT.label()), ENGLISH.say(Role.SERVER.label())};

    /** The cause in plain English words with the numbers, relative sequence numbers. */
    String describe(Transition t) {
        return ENGLISH.say(name(), ROLE[t.endpoint().ordinal()], ROLE[t.peer().ordinal()], t.seq(), t.ack(), t.number());
    }

    /**
     * The cause in plain words in {@code locale} (Causes.properties and its translations): the
     * words live in the bundle, the numbers come from the transition.
     */
    public String describe(Transition t, java.util.Locale locale) {
        org.tcplab.words.Wording w = org.tcplab.words.Wording.of(CAUSES, locale);
        return w.say(name(), w.say(t.endpoint().label()), w.say(t.peer().label()), t.seq(), t.ack(), t.number());
    }

    /** "client" or "server" in {@code locale}. */
    public static String roleName(Role role, java.util.Locale locale) {
        return org.tcplab.words.Wording.of(CAUSES, locale).say(role.label());
    }
}
