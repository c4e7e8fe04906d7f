package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios as commands of their own are honest about the kernel they run on: in a fresh
 * namespace (loopback MTU 65536, segmentation offload on, the echo sysctls off) each says before it
 * runs what the student will see instead and the lab command that shows the real thing, and does
 * not claim "as expected"; set up as the lab sets its namespace, each checks the kernel's own
 * account (the connection's MSS from ss -ti, the IP fragment counters, the replies) and says so.
 */
class StandaloneScenariosTest {
    @TempDir
    Path dir;

    private static void assertHas(String out, String text) {
        assertTrue(out.contains(text), "missing: " + text + "\n" + out);
    }

    @Test
    void freshNamespace_eachScenarioSaysWhatItWillShowInstead_andIsNotAsExpected() throws Exception {
        String out = NamespaceScript.run(dir, """
                $TG segment --port 7001; echo "segment exit $?"
                $TG udp-big; echo "udp-big exit $?"
                $TG icmp-echo --count 2; echo "icmp-echo exit $?"
                """);
        assertHas(out, "segment: lo here has MTU 65536 and segmentation offload on: a capture on lo shows the 2950 bytes"
                + " as one segment, not cut at the MSS; for the real thing run it in the lab: sudo bin/traffic-gen lab --out DIR"
                + " segment\n");
        assertHas(out, "segment did not go as expected: ");
        assertHas(out, "segment exit 1");
        assertHas(out, "udp-big: lo here has MTU 65536: the 4000-byte datagram fits in one packet and is not fragmented;"
                + " for the real thing run it in the lab: sudo bin/traffic-gen lab --out DIR udp-big\n");
        assertHas(out, "udp-big did not go as expected: the kernel did not fragment the 4000-byte datagram");
        assertHas(out, "udp-big exit 1");
        assertHas(out, "icmp-echo: the kernel answers a packet injected on lo only with"
                + " net.ipv4.conf.lo.route_localnet=1 and net.ipv4.conf.lo.accept_local=1 (here 0 and 0): expect the requests"
                + " and no replies; for the real thing run it in the lab: sudo bin/traffic-gen lab --out DIR icmp-echo --count 2");
        assertHas(out, "only 0 of 2 echo requests answered");
        assertHas(out, "icmp-echo exit 1");
        assertTrue(!out.contains(": as expected"), out);
    }

    @Test
    void setUpAsTheLab_eachScenarioChecksTheKernel_andSaysAsExpected() throws Exception {
        String out = NamespaceScript.run(dir, """
                ip link set lo mtu 1500
                ethtool -K lo tso off gso off gro off > /dev/null
                sysctl -q -w net.ipv4.tcp_timestamps=0 net.ipv4.conf.lo.route_localnet=1 net.ipv4.conf.lo.accept_local=1
                $TG segment; echo "segment exit $?"
                $TG segment --bytes 100000; echo "segment 100000 exit $?"
                $TG udp-big; echo "udp-big exit $?"
                $TG icmp-echo --count 2; echo "icmp-echo exit $?"
                """);
        assertHas(out, "the kernel's MSS for this connection is 1460 (ss -ti): 1460 + 1460 + 30\n");
        assertHas(out, "segment exit 0");
        assertHas(out, "the kernel's MSS for this connection is 1460 (ss -ti): 68 segments of 1460 and one of 720\n");
        assertHas(out, "segment 100000 exit 0");
        assertHas(out, "the kernel cut it into 3 IP fragments and the receiver reassembled 1 datagram");
        assertHas(out, "udp-big exit 0");
        assertHas(out, "2 packets transmitted, 2 received");
        assertHas(out, "icmp-echo exit 0");
        assertTrue(!out.contains("for the real thing"), out);
    }
}
