package org.tcplab.gen.scenario;

import java.util.List;

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

    /**
     * What the student would see instead of what this scenario shows, one line each, when this
     * namespace's kernel is not set as the lab sets its own (loopback MTU 1500, segmentation
     * offload off, the sysctls an injected echo request needs). Empty when it is. Said before the
     * scenario runs; the run itself then checks what the kernel did.
     */
    default List<String> caveats(KernelFacts kernel) {
        return List.of();
    }

    void run(ScenarioContext ctx) throws Exception;
}
