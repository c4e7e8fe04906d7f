package org.tcplab.gen.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scenarios by name, in the order the lab runs them. */
public final class Scenarios {
    private Scenarios() {
    }

    public static Map<String, Scenario> all() {
        Map<String, Scenario> m = new LinkedHashMap<>();
        for (Scenario s : List.of(new Greeting(1), RstScenarios.REFUSED, RstScenarios.ABORT,
                RstScenarios.UNREAD, RstScenarios.AFTER_CLOSE, new RstOutOfWindow(), new Exchange("20215120807 lyh"),
                new Segment(2950), new UdpEcho("udp-echo", 16, 3), new UdpEcho("udp-big", 4000, 1),
                new UdpLossy(0.5, 7, 4), new PortScan(10, new int[] {1, 3, 7}, 4, 500), new IcmpEcho(3, 0x4242),
                new SimultaneousClose(), new Bulk(2 << 20), new Traceroute(8), new Pmtud(), new UdpSpoof(),
                new FileTransfer(100_000, null), new Http(), new Chat(3), new UdpBroadcast())) {
            m.put(s.name(), s);
        }
        return m;
    }
}
