package org.tcplab.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TcpOptionsTest {
    private static TcpOptions parse(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return TcpOptions.parse(b, 0, b.length);
    }

    @Test
    void linuxSyn_mssSackPermTimestampsNopWindowScale() {
        TcpOptions o = parse(2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7);
        assertEquals(1460, o.mss());
        assertTrue(o.sackPermitted());
        assertEquals(1, o.tsValue());
        assertEquals(0, o.tsEcho());
        assertEquals(7, o.windowScale());
        assertNull(o.error());
    }

    @Test
    void sackBlocks_areListedInOrder() {
        TcpOptions o = parse(1, 1, 5, 18, 0, 0, 0, 10, 0, 0, 0, 20, 0, 0, 0, 30, 0, 0, 0, 40);
        assertEquals(List.of(new TcpOptions.SackBlock(10, 20), new TcpOptions.SackBlock(30, 40)), o.sackBlocks());
    }

    @Test
    void lengthRunningPastTheHeader_stopsWithAReason() {
        TcpOptions o = parse(2, 4, 0x05, 0xb4, 8, 10, 1, 2);
        assertEquals(1460, o.mss());
        assertEquals("option kind 8 has invalid length 10", o.error());
    }

    @Test
    void unknownKinds_areKept_andEndOfListStops() {
        TcpOptions o = parse(30, 4, 0, 0, 0, 2, 4, 1, 1);
        assertEquals(List.of(30), o.unknownKinds());
        assertEquals(-1, o.mss(), "nothing is read after end-of-list");
    }

    @Test
    void windowScaleAboveFourteen_isReportedAsSent() {
        assertEquals(255, parse(3, 3, 255).windowScale());
        assertEquals(255, TcpOptions.windowScale(new byte[] {3, 3, (byte) 255}, 0, 3));
    }
}
