package org.tcplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcplab.decode.Packets.ipv4;
import static org.tcplab.decode.Packets.tcp;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcplab.capture.LinkTypes;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.PacketDecoder;
import org.tcplab.tcp.TcpAnnotation;
import org.tcplab.tcp.TcpSegment;
import org.tcplab.tcp.TcpStreamTracker;

/**
 * The connection table's memory: what one tracked connection costs, that finished connections are
 * freed, and that the cap holds with a count of what it evicted.
 */
class ConnectionMemoryTest {
    private static final int CONNECTIONS = 50_000;

    // a fresh tracker and its buffers for each test (JUnit makes an instance per test)
    private final PacketDecoder d = new PacketDecoder();
    private final DecodedPacket p = new DecodedPacket();
    private final TcpSegment g = new TcpSegment();
    private final TcpAnnotation a = new TcpAnnotation();
    private final ConnectionAnnotation c = new ConnectionAnnotation();
    private final ConnectionTracker t = new ConnectionTracker();
    private final TcpStreamTracker streams = t.streams();
    private final List<ConnectionSummary> out = new ArrayList<>();

    private void handshake(int i, boolean close) {
        handshake(i, close, i * 1000L);
    }

    private void handshake(int i, boolean close, long startTime) {
        int client = 0x0A000000 | i;
        int server = 0xAC100001;
        int port = 1024 + (i % 60000);
        long time = startTime;
        int[][] segs = close
                ? new int[][] {{1, 0x002, 0, 0}, {0, 0x012, 0, 1}, {1, 0x010, 1, 1}, {1, 0x011, 1, 1}, {0, 0x011, 1, 2}, {1, 0x010, 2, 2}}
                : new int[][] {{1, 0x002, 0, 0}, {0, 0x012, 0, 1}, {1, 0x010, 1, 1}, {1, 0x018, 1, 1}};
        for (int[] s : segs) {
            boolean fromClient = s[0] == 1;
            long seq = (fromClient ? 1000 : 5000) + s[2];
            long ack = (fromClient ? 5000 : 1000) + s[3];
            byte[] ip = ipv4(fromClient ? client : server, fromClient ? server : client, 6, 0, 0,
                    tcp(fromClient ? port : 80, fromClient ? 80 : port, seq, ack, s[1], 1000, new byte[0], s[1] == 0x018 ? 100 : 0));
            d.decode(ip, 0, ip.length, ip.length, LinkTypes.IPV4, p);
            g.fill(p, time++, i, ip.length);
            streams.annotate(g, a);
            t.analyse(g, a, c);
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void openConnections_costAFewHundredBytesEach() {
        handshake(0, false); // warm the classes
        long before = usedHeap();
        for (int i = 1; i <= CONNECTIONS; i++) {
            handshake(i, false);
        }
        long after = usedHeap();
        long perConnection = (after - before) / CONNECTIONS;
        System.out.printf("tracked connection: %d bytes of heap each (%d open connections)%n", perConnection, CONNECTIONS);
        assertEquals(CONNECTIONS + 1, t.tracked());
        assertTrue(perConnection < 2048, perConnection + " bytes per connection");
    }

    @Test
    void aStreamWhoseConnectionWasFreed_keepsUnder128Bytes() {
        t.onRetiredInStreamOrder(out::add);
        handshake(0, true, 0); // warm the classes
        int n = (1 << 17) - 1; // with the first, the arrays exactly full: no doubling in the figure
        long before = usedHeap();
        for (int i = 1; i <= n; i++) {
            // each connection finds the one before quiet for more than 10 s: freed, its summary out
            handshake(i, true, i * 11_000_000_000L);
            if (i % 4096 == 0) {
                out.clear(); // as conns prints them
            }
        }
        long after = usedHeap();
        long perStream = (after - before) / n;
        long kept = streams.bytes() / (n + 1);
        System.out.printf("stream kept for the whole capture: %d bytes in the numbering's arrays, %d bytes of heap"
                + " each (%d streams)%n", kept, perStream, n + 1);
        assertEquals(1, t.tracked());
        // the flow table's key (40) and index (8 to 16), base sequence numbers (8), state bits (4), times (16)
        assertTrue(kept <= 84, kept + " bytes per stream");
        // the heap also holds the connection table's slot; G1 rounds the large arrays up to whole regions
        assertTrue(perStream < 192, perStream + " bytes of heap per stream");
    }

    @Test
    void finishedConnections_areSummarisedAndFreedOnceQuiet() {
        t.onRetired(out::add);
        for (int i = 0; i < 1000; i++) {
            // one connection every 11 s of capture time: each finds the one before quiet for longer than 10 s
            handshake(i, true, 1_000_000_000L + i * 11_000_000_000L);
        }
        assertEquals(1, t.tracked(), "all but the last were closed long enough to be freed");
        assertEquals(999, out.size());
        assertEquals("SF", out.get(0).connState());
        assertEquals("TIME-WAIT", out.get(0).clientState().label());
        assertEquals("CLOSED", out.get(0).serverState().label());
        // all but the first ran on a reused connection object: each summary as the first's
        for (ConnectionSummary c : out) {
            assertEquals(out.get(0).history(), c.history());
            assertEquals(out.get(0).clientPackets(), c.clientPackets());
            assertEquals(out.get(0).durationNanos(), c.durationNanos());
            assertEquals(out.get(0).irttNanos(), c.irttNanos());
        }
    }

    @Test
    void inStreamOrder_summariesComeOutWhileTheCaptureIsRead() {
        t.onRetiredInStreamOrder(out::add);
        for (int i = 0; i < 1000; i++) {
            handshake(i, true, i * 11_000_000_000L);
        }
        assertEquals(999, out.size(), "each connection but the last is out before the capture ends");
        t.retireAll();
        assertEquals(1000, out.size());
        for (int i = 0; i < out.size(); i++) {
            assertEquals(i, out.get(i).stream());
        }
    }

    @Test
    void theCap_evictsTheOldestEarly_andCountsThem() {
        t.onRetired(out::add);
        t.maxTracked(100);
        for (int i = 0; i < 1000; i++) {
            handshake(i, false);
        }
        assertEquals(100, t.tracked());
        assertEquals(900, t.evictedEarly());
        assertEquals(900, out.size());
        assertEquals(0, out.get(0).stream(), "the oldest goes first");
        assertEquals("S1", out.get(0).connState());
    }
}
