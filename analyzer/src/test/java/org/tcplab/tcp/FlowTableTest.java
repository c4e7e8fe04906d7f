package org.tcplab.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlowTableTest {

    @Test
    void bothDirections_findTheSameValue_andSayWhichWasStored() {
        FlowTable t = new FlowTable(16);
        assertEquals(-1, t.get(4, 0, 0x0A000001, 40000, 0, 0x0A000002, 80));
        t.put(4, 0, 0x0A000001, 40000, 0, 0x0A000002, 80, 0);
        assertEquals(0, t.get(4, 0, 0x0A000002, 80, 0, 0x0A000001, 40000));
        boolean reversed = t.lastLookupWasSwapped();
        assertEquals(0, t.get(4, 0, 0x0A000001, 40000, 0, 0x0A000002, 80));
        assertTrue(reversed != t.lastLookupWasSwapped());
        assertEquals(-1, t.get(6, 0, 0x0A000001, 40000, 0, 0x0A000002, 80), "another family is another flow");
    }

    @Test
    void aMillionFlows_growTheIndex_andKeepEveryKey() {
        FlowTable t = new FlowTable(16);
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            assertEquals(-1, t.get(4, 0, 0x0A000000L | i, 1024 + i % 60000, 0, 0xAC100001L, 80));
            t.put(4, 0, 0x0A000000L | i, 1024 + i % 60000, 0, 0xAC100001L, 80, i);
        }
        assertEquals(n, t.size());
        for (int i = 0; i < n; i += 997) {
            assertEquals(i, t.get(4, 0, 0xAC100001L, 80, 0, 0x0A000000L | i, 1024 + i % 60000));
        }
        // each flow: 40 bytes of key, and an index at most half full of 8-byte slots
        assertTrue(t.bytes() <= n * (40L + 16) * 2, t.bytes() + " bytes");
        int end = t.addressLo(12345, 0) == 0xAC100001L ? 1 : 0;
        assertEquals(0x0A000000L | 12345, t.addressLo(12345, end));
        assertEquals(1024 + 12345 % 60000, t.port(12345, end));
        assertEquals(80, t.port(12345, 1 - end));
        assertEquals(4, t.family(12345));
    }

    @Test
    void aKeyPutAgain_pointsAtTheNewValue_andTheOldKeepsItsKey() {
        FlowTable t = new FlowTable(16);
        t.put(4, 0, 1, 1000, 0, 2, 80, 0);
        assertEquals(0, t.get(4, 0, 1, 1000, 0, 2, 80));
        t.put(4, 0, 1, 1000, 0, 2, 80, 1);
        assertEquals(1, t.get(4, 0, 2, 80, 0, 1, 1000));
        assertEquals(1, t.size());
        assertEquals(t.port(0, 0), t.port(1, 0));
        assertFalse(t.addressLo(0, 0) == t.addressLo(0, 1));
    }
}
