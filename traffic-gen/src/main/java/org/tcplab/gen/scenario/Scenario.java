package org.tcplab.gen.scenario;

/**
 * One lab scenario: real sockets through the kernel's own TCP stack on loopback. It prints what it
 * does step by step and throws {@link ScenarioFailed} when the exchange did not go as expected.
 */
public interface Scenario {
    String name();

    /** One line on what it shows. */
    String description();

    /** The capture filter that keeps this scenario's packets. */
    default String filter(int port) {
        return "tcp port " + port;
    }

    void run(ScenarioContext ctx) throws Exception;
}
