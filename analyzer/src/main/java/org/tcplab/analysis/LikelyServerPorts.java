package org.tcplab.analysis;

/**
 * The TCP ports Zeek takes for servers when it decides who opened a connection it did not see
 * start: {@code likely_server_ports} as the base scripts that {@code zeek -r} loads fill it (each
 * protocol's {@code Analyzer::register_for_ports} adds its server ports, e.g. HTTP's 80, 81, 631,
 * 1080, 3128, 8000, 8080, 8888 in scripts/base/protocols/http/main.zeek).
 */
final class LikelyServerPorts {
    private static final int[] PORTS = {
        21, 22, 25, 53, 79, 80, 81, 88, 135, 139, 143, 389, 443, 445, 465, 502, 514, 563, 585, 587, 614, 631, 636,
        989, 990, 992, 993, 995, 1080, 1434, 1883, 2811, 3128, 3268, 3306, 3389, 5222, 5223, 5269, 5432, 6379,
        6666, 6667, 6668, 6669, 8000, 8080, 8888, 20000,
    };
    private static final boolean[] LIKELY = new boolean[65536];

    static {
        for (int p : PORTS) {
            LIKELY[p] = true;
        }
    }

    private LikelyServerPorts() {
    }

    static boolean contains(int port) {
        return port >= 0 && port < LIKELY.length && LIKELY[port];
    }
}
