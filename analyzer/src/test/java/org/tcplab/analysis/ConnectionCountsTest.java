package org.tcplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tcplab.analysis.Segments.ACK;
import static org.tcplab.analysis.Segments.PSH;
import static org.tcplab.analysis.Segments.SYN;

import org.junit.jupiter.api.Test;

/**
 * The summary's problem counts and ACK RTTs, on hand-built segments a millisecond apart (the
 * corpus check against tshark is TsharkConnectionCountsParityTest).
 */
class ConnectionCountsTest {
    private static ConnectionSummary summary(Segments s) {
        return s.connection().summary(0, null, null, 0);
    }

    @Test
    void handshakeOnly_noProblems_rttsOfBothSynsAcks() {
        ConnectionSummary c = summary(new Segments().handshake());
        assertEquals(0, c.retransmissions() + c.dupAcks() + c.zeroWindows() + c.outOfOrder());
        // the SYN+ACK acknowledges the SYN, the ACK the SYN+ACK: 1 ms each
        assertEquals(2, c.ackRtts());
        assertEquals(1_000_000, c.ackRttMinNanos());
        assertEquals(1_000_000, c.ackRttMeanNanos());
        assertEquals(1_000_000, c.ackRttMaxNanos());
    }

    @Test
    void synOnly_hasNoAckRtt_minMeanMaxAreMinusOne() {
        ConnectionSummary c = summary(new Segments().client(SYN, 0, 0, 0));
        assertEquals(0, c.ackRtts());
        assertEquals(-1, c.ackRttMinNanos());
        assertEquals(-1, c.ackRttMeanNanos());
        assertEquals(-1, c.ackRttMaxNanos());
    }

    @Test
    void everyKind_countedOncePerSegment() {
        Segments s = new Segments().handshake()                   // frames 1-3: RTTs 1 and 1 ms
                .client(PSH | ACK, 1, 1, 100).server(ACK, 1, 101, 0) // 4, 5: RTT 1 ms
                .client(PSH | ACK, 101, 1, 100).client(PSH | ACK, 201, 1, 100)
                .server(ACK, 1, 201, 0)                            // 8 acknowledges frame 6: RTT 2 ms
                .server(ACK, 1, 201, 0).server(ACK, 1, 201, 0)     // 9, 10: two duplicate ACKs
                .client(PSH | ACK, 201, 1, 100)                    // 11: fast retransmission
                .server(ACK, 1, 301, 0);                           // 12: times the original, frame 7: 5 ms
        s.send(false, ACK, Segments.S_ISN + 1, Segments.C_ISN + 301, 0, 0); // 13: zero window
        s.send(false, ACK, Segments.S_ISN + 1, Segments.C_ISN + 301, 0, 0); // 14: zero window again
        s.client(PSH | ACK, 401, 1, 100)                           // 15: 301-400 not captured (yet)
                .client(PSH | ACK, 301, 1, 100)                    // 16: out of order, within the 2 ms iRTT
                .client(PSH | ACK, 1, 1, 100);                     // 17: spurious: the server acknowledged it long ago
        ConnectionSummary c = summary(s);
        assertEquals(2, c.retransmissions(), "the fast one and the spurious one, once each");
        assertEquals(2, c.dupAcks());
        assertEquals(2, c.zeroWindows());
        assertEquals(1, c.outOfOrder());
        assertEquals(5, c.ackRtts());
        assertEquals(1_000_000, c.ackRttMinNanos());
        assertEquals(2_000_000, c.ackRttMeanNanos(), "(1 + 1 + 1 + 2 + 5) / 5 ms");
        assertEquals(5_000_000, c.ackRttMaxNanos());
    }
}
