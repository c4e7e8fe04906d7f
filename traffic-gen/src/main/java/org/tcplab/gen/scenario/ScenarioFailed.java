package org.tcplab.gen.scenario;

/** The exchange did not go as the scenario expects; the message says what happened instead. */
public final class ScenarioFailed extends Exception {
    public ScenarioFailed(String message) {
        super(message, null, false, false);
    }
}
