package org.tcplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tcplab.analysis.Segments.ACK;
import static org.tcplab.analysis.Segments.FIN;
import static org.tcplab.analysis.Segments.PSH;
import static org.tcplab.analysis.Segments.RST;
import static org.tcplab.analysis.Segments.SYN;

import org.junit.jupiter.api.Test;

/**
 * conn_state and history as Zeek gives them, one case each, with the rule of Zeek's that decides
 * it (zeek/zeek a13de64: TCPSessionAdapter.cc, TCP_Endpoint.cc, TCP_Reassembler.cc and
 * scripts/base/protocols/conn/main.zeek). The client is 10.0.0.1:40000 and the server
 * 10.0.0.2:80 (80 is one of Zeek's likely server ports) unless the ports are set.
 */
class ZeekConnectionTest {

    private static void assertZeek(String connState, String history, Segments s) {
        ZeekConnection z = s.connection().zeek;
        assertEquals(connState + " " + history, z.connState() + " " + z.history());
    }

    // --- conn_state

    @Test
    void noSyn_bothSidesFin_isSF() {
        // PARTIAL endpoints go to CLOSED on their FIN, and two CLOSED endpoints are SF whether or
        // not a SYN was seen (conn_state: "rs == TCP_CLOSED && os == TCP_CLOSED")
        Segments s = new Segments().client(PSH | ACK, 1, 1, 10).server(ACK, 1, 11, 0).client(FIN | ACK, 11, 1, 0)
                .server(FIN | ACK, 1, 12, 0).client(ACK, 12, 2, 0);
        assertZeek("SF", "DaFfA", s);
    }

    @Test
    void synAckOnly_fromLikelyServerPort_neverClosed_isS1() {
        // WantConnection: the first packet is no SYN and comes from a likely server port (80), so the
        // roles flip at once ('^' first); the responder's SYN+ACK establishes it, and the
        // originator's ACK with its peer established establishes the originator: S1
        Segments s = new Segments().server(SYN | ACK, 0, 1, 0).client(ACK, 1, 1, 0).client(PSH | ACK, 1, 1, 5)
                .server(ACK, 1, 6, 0);
        assertZeek("S1", "^hADa", s);
    }

    @Test
    void synAckOnly_noLikelyPort_flipsAtTheFirstAck_isOTH() {
        // no port is likely: the SYN+ACK's sender stays the originator (a stealth scan looks like
        // that) until an ACK or data arrives while the history is just "H": then Zeek flips and
        // rewrites it to "^h" (TCP_Endpoint::CheckHistory). The SYN+ACK's sender stays in
        // SYN_ACK_SENT and the other side becomes PARTIAL, so the state is OTH
        Segments s = new Segments().ports(40000, 5000).server(SYN | ACK, 0, 1, 0).client(ACK, 1, 1, 0)
                .client(PSH | ACK, 1, 1, 5).server(ACK, 1, 6, 0);
        assertZeek("OTH", "^hADa", s);
    }

    @Test
    void rstAfterBothFins_isSF() {
        // UpdateClosedState: an RST from a CLOSED endpoint whose peer is CLOSED too changes nothing
        Segments s = new Segments().handshake().client(PSH | ACK, 1, 1, 10).server(ACK, 1, 11, 0)
                .client(FIN | ACK, 11, 1, 0).server(FIN | ACK, 1, 12, 0).client(ACK, 12, 2, 0).server(RST, 2, 0, 0);
        assertZeek("SF", "ShADaFfr", s);
    }

    @Test
    void synThenFinThenRst_noSynAck_isOTH() {
        // the originator ends in RESET and the responder never answered: RSTOS0 only when the whole
        // history matches /^?S[^HAFGIQ]*R.*/, and the F breaks that
        Segments s = new Segments().client(SYN, 0, 0, 0).client(FIN, 1, 0, 0).client(RST, 2, 0, 0);
        assertZeek("OTH", "SFR", s);
    }

    @Test
    void synThenRst_noSynAck_isRSTOS0() {
        Segments s = new Segments().client(SYN, 0, 0, 0).client(RST, 1, 0, 0);
        assertZeek("RSTOS0", "SR", s);
    }

    @Test
    void synAnsweredByRst_isREJ() {
        // the responder in RESET while the originator is still in SYN_SENT
        Segments s = new Segments().client(SYN, 0, 0, 0).server(RST | ACK, 0, 1, 0);
        assertZeek("REJ", "Sr", s);
    }

    @Test
    void established_originatorAborts_isRSTO() {
        Segments s = new Segments().handshake().client(PSH | ACK, 1, 1, 10).client(RST | ACK, 11, 1, 0);
        assertZeek("RSTO", "ShADR", s);
    }

    @Test
    void synNoAnswer_isS0() {
        assertZeek("S0", "S", new Segments().client(SYN, 0, 0, 0));
    }

    @Test
    void originatorClosed_responderSilent_isS2_andTheReverseS3() {
        assertZeek("S2", "ShAF", new Segments().handshake().client(FIN | ACK, 1, 1, 0));
        assertZeek("S3", "ShAf", new Segments().handshake().server(FIN | ACK, 1, 1, 0));
    }

    // --- history letters

    @Test
    void synAndSynAckCapturedReversed_flipKeepsTheLettersCase() {
        // UpdateInactiveState: the responder's plain SYN while the originator is in SYN_ACK_SENT is
        // a SYN/SYN-ACK reversal; Connection::FlipRoles appends '^' and leaves the letters before it
        // as they were written (Zeek's core.connection_flipped baseline: Hs^ADadFf)
        Segments s = new Segments().ports(40000, 5000).server(SYN | ACK, 0, 1, 0).client(SYN, 0, 0, 0)
                .client(ACK, 1, 1, 0).client(PSH | ACK, 1, 1, 5).server(ACK, 1, 6, 0).server(PSH | ACK, 1, 6, 7)
                .client(ACK, 6, 8, 0);
        assertZeek("S1", "Hs^ADad", s);
    }

    @Test
    void retransmittedSyn_writesNoT() {
        // 'T' comes from update_last_seq only for a packet with payload that does not go beyond
        // what its sender sent; a SYN again with the same number writes no second 'S' either
        Segments s = new Segments().client(SYN, 0, 0, 0).client(SYN, 0, 0, 0).server(SYN | ACK, 0, 1, 0)
                .client(ACK, 1, 1, 0);
        assertZeek("S1", "ShA", s);
    }

    @Test
    void retransmittedPayload_writesT_at1And10() {
        Segments s = new Segments().handshake().client(PSH | ACK, 1, 1, 100);
        for (int i = 0; i < 10; i++) {
            s.client(PSH | ACK, 1, 1, 100);
        }
        assertZeek("S1", "ShADTT", s);
    }

    @Test
    void zeroWindows_writeW_at1And10_not15Times() {
        Segments s = new Segments().handshake().client(PSH | ACK, 1, 1, 10);
        for (int i = 0; i < 15; i++) {
            s.send(false, ACK, Segments.S_ISN + 1, Segments.C_ISN + 11, 0, 0);
        }
        assertZeek("S1", "ShADaww", s);
    }

    @Test
    void ackPastUnseenBytes_writesG_forTheDataSender() {
        // TCP_Reassembler::Undelivered: the server acknowledges 201 but bytes 1-100 were never seen;
        // both endpoints are ESTABLISHED, so it is a content gap, in the client's case
        Segments s = new Segments().handshake().client(PSH | ACK, 101, 1, 100).server(ACK, 1, 201, 0);
        assertZeek("S1", "ShADaG", s);
    }

    @Test
    void outOfOrderArrival_isNoGap_butFillingTheHoleIsT() {
        // no acknowledgement passes the hole, so no 'G'; the late segment ends below the highest
        // sequence number sent, which update_last_seq counts as a retransmission
        Segments s = new Segments().handshake().client(PSH | ACK, 101, 1, 100).client(PSH | ACK, 1, 1, 100)
                .server(ACK, 1, 201, 0);
        assertZeek("S1", "ShADTa", s);
    }

    @Test
    void ackPastUnseenBytes_inAnRst_isNoGap() {
        // the acknowledgement is applied after the state machine: the RST's sender is RESET, not clean
        Segments s = new Segments().handshake().client(PSH | ACK, 101, 1, 100).server(RST | ACK, 1, 201, 0);
        assertZeek("RSTR", "ShADr", s);
    }

    @Test
    void finAndRstTogether_isI_synAndFin_isQ() {
        assertZeek("RSTO", "ShAI", new Segments().handshake().client(FIN | RST | ACK, 1, 1, 0));
        // a SYN+FIN takes the originator to SYN_SENT and then CLOSED: SH
        assertZeek("SH", "Q", new Segments().client(SYN | FIN, 0, 0, 0));
    }

    @Test
    void finAgainWithAnotherNumber_isWrittenAgain() {
        // f, h, r, s repeat when the sequence number differs from the last packet of that kind
        Segments s = new Segments().handshake().client(FIN | ACK, 1, 1, 0).client(FIN | ACK, 1, 1, 0)
                .client(PSH | FIN | ACK, 1, 1, 5);
        assertZeek("S2", "ShAFF", s);
    }

    @Test
    void badChecksum_isC_andTheSegmentIsOtherwiseIgnored() {
        // TCPAnalyzer::ValidateChecksum: a scaled 'C' and no further analysis, so the good copy
        // that follows is the data's first sight ('D'), not a retransmission
        Segments s = new Segments().handshake().badChecksum().client(PSH | ACK, 1, 1, 10).client(PSH | ACK, 1, 1, 10);
        assertZeek("S1", "ShACD", s);
        for (int i = 0; i < 9; i++) {
            s.badChecksum().server(ACK, 1, 11, 0);
        }
        assertZeek("S1", "ShACDc", s);
        s.badChecksum().server(ACK, 1, 11, 0);
        assertZeek("S1", "ShACDcc", s);
    }

    @Test
    void analysisStartedByTheOtherDirection_takesThatSenderForTheOriginator() {
        // a stream's analysis freed and started again (idle, or --max-tracked) may first see a
        // packet of direction 1: Zeek's originator is the sender of the first packet it sees
        ZeekConnection z = new ZeekConnection(new ZeekEndpoint(), new ZeekEndpoint());
        z.packet(1, SYN | ACK, 5000, 1001, 0, 0, 65535, 5000, 40000);
        assertEquals(1, z.originatorDirection());
        z.packet(0, ACK, 1001, 5001, 0, 0, 65535, 40000, 5000);
        assertEquals("OTH ^hA", z.connState() + " " + z.history());
        assertEquals(0, z.originatorDirection());
    }

    @Test
    void dataFromLikelyServerPortFirst_flipsAtCreation() {
        // WantConnection: a non-SYN from a likely server port to an unlikely one
        Segments s = new Segments().server(PSH | ACK, 1, 1, 10).client(ACK, 1, 11, 0);
        assertZeek("OTH", "^dA", s);
        assertEquals(1, s.connection().zeek.originatorDirection());
    }
}
