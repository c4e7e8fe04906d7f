package org.tcplab.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcplab.decode.Packets.addr;
import static org.tcplab.decode.Packets.ipv4;
import static org.tcplab.decode.Packets.tcp;

import org.junit.jupiter.api.Test;
import org.tcplab.capture.LinkTypes;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.PacketDecoder;

class TcpStreamTrackerTest {
    static final int SYN = 0x002;
    static final int ACK = 0x010;
    static final int FIN = 0x001;
    private static final int C = addr(192, 168, 0, 2);
    private static final int S = addr(192, 168, 0, 1);
    private static final byte[] WS7 = {1, 3, 3, 7};
    private final PacketDecoder decoder = new PacketDecoder();
    private final TcpStreamTracker tracker = new TcpStreamTracker();
    private final DecodedPacket p = new DecodedPacket();
    private final TcpAnnotation a = new TcpAnnotation();

    private TcpAnnotation segment(boolean fromClient, long seq, long ack, int flags, int window, byte[] options, int len) {
        byte[] seg = tcp(fromClient ? 50000 : 80, fromClient ? 80 : 50000, seq, ack, flags, window, options, len);
        byte[] ip = ipv4(fromClient ? C : S, fromClient ? S : C, 6, 0, 0, seg);
        decoder.decode(ip, 0, ip.length, ip.length, LinkTypes.IPV4, p);
        tracker.annotate(p, a);
        return a;
    }

    @Test
    void handshake_startsBothDirectionsAtZeroAndDataAtOne() {
        segment(true, 1000, 0, SYN, 64240, WS7, 0);
        assertEquals(0, a.seq());
        assertTrue(a.newStream());
        segment(false, 5000, 1001, SYN | ACK, 65160, WS7, 0);
        assertEquals(0, a.seq());
        assertEquals(1, a.ack());
        assertEquals(1, a.direction());
        segment(true, 1001, 5001, ACK, 502, new byte[0], 0);
        assertEquals(1, a.seq());
        assertEquals(1, a.ack());
        assertEquals(502L << 7, a.window(), "window scaled once both SYNs offered scaling (RFC 7323 §2.2)");
        segment(true, 1001, 5001, ACK, 502, new byte[0], 100);
        segment(false, 5001, 1101, ACK, 509, new byte[0], 0);
        assertEquals(101, a.ack());
        assertEquals(0, a.stream());
    }

    @Test
    void scaleOfferedByOneSideOnly_isNotApplied() {
        segment(true, 1000, 0, SYN, 64240, WS7, 0);
        segment(false, 5000, 1001, SYN | ACK, 65160, new byte[0], 0);
        segment(true, 1001, 5001, ACK, 502, new byte[0], 0);
        assertEquals(502, a.window());
        assertEquals(TcpAnnotation.SCALE_NONE, a.windowScale());
    }

    @Test
    void ownSynOffer_appliesBeforeThePeersSynIsSeen() {
        // a capture that starts at the SYN+ACK: the server's shift applies to its own windows (as tshark)
        segment(false, 5000, 1001, SYN | ACK, 65160, WS7, 0);
        segment(false, 5001, 1001, ACK, 100, new byte[0], 10);
        assertEquals(100L << 7, a.window());
        segment(true, 1001, 5011, ACK, 100, new byte[0], 0);
        assertEquals(100, a.window(), "the client's shift is unknown: its SYN was not captured");
        assertEquals(TcpAnnotation.SCALE_UNKNOWN, a.windowScale());
    }

    @Test
    void captureStartingMidConnection_countsFromTheFirstSegmentSeen() {
        segment(false, 9000, 3000, ACK, 100, new byte[0], 500);
        assertEquals(1, a.seq(), "first byte seen counts as 1");
        assertEquals(1, a.ack());
        segment(true, 3000, 9500, ACK, 100, new byte[0], 0);
        assertEquals(1, a.seq(), "the base of this direction came from the first segment's ack");
        assertEquals(501, a.ack());
        assertEquals(TcpAnnotation.SCALE_UNKNOWN, a.windowScale());
    }

    @Test
    void synWithANewIsnOnTheSamePorts_startsANewStream() {
        segment(true, 1000, 0, SYN, 64240, new byte[0], 0);
        segment(false, 5000, 1001, SYN | ACK, 65160, new byte[0], 0);
        segment(true, 1001, 5001, FIN | ACK, 100, new byte[0], 0);
        segment(true, 1000, 0, SYN, 64240, new byte[0], 0);
        assertEquals(0, a.stream(), "a retransmitted SYN (same ISN) stays in its stream");
        assertFalse(a.portsReused());
        segment(true, 777777, 0, SYN, 64240, new byte[0], 0);
        assertEquals(1, a.stream());
        assertTrue(a.portsReused());
        assertEquals(0, a.seq());
        segment(false, 4242, 777778, SYN | ACK, 65160, new byte[0], 0);
        assertEquals(1, a.stream());
        assertEquals(1, a.ack());
    }

    @Test
    void sequenceNumbersWrapAroundTwoToThe32() {
        segment(true, 0xFFFFFFF0L, 0, SYN, 1000, new byte[0], 0);
        segment(false, 10, 0xFFFFFFF1L, SYN | ACK, 1000, new byte[0], 0);
        segment(true, 0xFFFFFFF1L, 11, ACK, 1000, new byte[0], 100);
        segment(false, 11, 0x55L, ACK, 1000, new byte[0], 0);
        assertEquals(101, a.ack());
    }
}
