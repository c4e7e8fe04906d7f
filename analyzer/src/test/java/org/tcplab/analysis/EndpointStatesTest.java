package org.tcplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcplab.analysis.Segments.*;
import static org.tcplab.analysis.TcpState.*;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every arrow of RFC 9293's state diagram (§3.3.2, figure 5), plus RST from every state. */
class EndpointStatesTest {
    private static void assertMoved(List<Transition> ts, String endpoint, TcpState from, TcpState to) {
        assertTrue(ts.stream().anyMatch(t -> t.endpoint().label().equals(endpoint) && t.from() == from && t.to() == to),
                endpoint + " " + from + " -> " + to + " expected in " + ts);
    }

    @Nested
    class Opening {
        @Test
        void closed_sendsSyn_becomesSynSent() {
            Segments s = new Segments().client(SYN, 0, 0, 0);
            assertMoved(s.transitions, "client", CLOSED, SYN_SENT);
            assertEquals(SYN_SENT, s.clientState());
            assertEquals(LISTEN, s.serverState());
        }

        @Test
        void listen_receivesSyn_sendsSynAck_becomesSynReceived() {
            Segments s = new Segments().client(SYN, 0, 0, 0).server(SYN | ACK, 0, 1, 0);
            assertMoved(s.transitions, "server", LISTEN, SYN_RECEIVED);
            assertTrue(s.transitions.get(0).cause().contains("ack is the client's ISN + 1 because a SYN consumes one sequence number"),
                    s.transitions.get(0).cause());
        }

        @Test
        void synSent_receivesSynAck_becomesEstablished() {
            Segments s = new Segments().client(SYN, 0, 0, 0).server(SYN | ACK, 0, 1, 0);
            assertMoved(s.transitions, "client", SYN_SENT, ESTABLISHED);
        }

        @Test
        void synReceived_receivesAck_becomesEstablished() {
            Segments s = new Segments().handshake();
            assertMoved(s.transitions, "server", SYN_RECEIVED, ESTABLISHED);
            assertEquals(ESTABLISHED, s.clientState());
            assertEquals(ESTABLISHED, s.serverState());
        }

        @Test
        void synSent_receivesSyn_becomesSynReceived_simultaneousOpen() {
            Segments s = new Segments().client(SYN, 0, 0, 0);
            s.send(false, SYN, S_ISN, 0, 0, 65535);
            assertMoved(s.transitions, "server", SYN_SENT, SYN_RECEIVED);
            assertMoved(s.transitions, "client", SYN_SENT, SYN_RECEIVED);
            s.client(SYN | ACK, 0, 1, 0);
            assertMoved(s.transitions, "server", SYN_RECEIVED, ESTABLISHED);
            s.server(SYN | ACK, 0, 1, 0);
            assertMoved(s.transitions, "client", SYN_RECEIVED, ESTABLISHED);
            assertEquals(ESTABLISHED, s.clientState());
            assertEquals(ESTABLISHED, s.serverState());
        }

        @Test
        void retransmittedSyn_changesNothing() {
            Segments s = new Segments().client(SYN, 0, 0, 0).client(SYN, 0, 0, 0);
            assertTrue(s.transitions.isEmpty(), s.transitions.toString());
            assertEquals(SYN_SENT, s.clientState());
        }

        @Test
        void synSent_receivesRstAck_becomesClosed_refused() {
            Segments s = new Segments().client(SYN, 0, 0, 0).server(RST | ACK, 0, 1, 0);
            assertMoved(s.transitions, "client", SYN_SENT, CLOSED);
            assertEquals(RstCause.REFUSED, s.c.rstCause());
        }

        @Test
        void synReceived_receivesRst_returnsToListen() {
            Segments s = new Segments().client(SYN, 0, 0, 0).server(SYN | ACK, 0, 1, 0).client(RST, 1, 0, 0);
            assertMoved(s.transitions, "server", SYN_RECEIVED, LISTEN);
        }
    }

    @Nested
    class Closing {
        @Test
        void established_sendsFin_becomesFinWait1_andPeerBecomesCloseWait() {
            Segments s = new Segments().handshake().client(FIN | ACK, 1, 1, 0);
            assertMoved(s.transitions, "client", ESTABLISHED, FIN_WAIT_1);
            assertMoved(s.transitions, "server", ESTABLISHED, CLOSE_WAIT);
        }

        @Test
        void finWait1_receivesAckOfFin_becomesFinWait2() {
            Segments s = new Segments().handshake().client(FIN | ACK, 1, 1, 0).server(ACK, 1, 2, 0);
            assertMoved(s.transitions, "client", FIN_WAIT_1, FIN_WAIT_2);
        }

        @Test
        void closeWait_sendsFin_becomesLastAck_andFinWait2_becomesTimeWait() {
            Segments s = new Segments().handshake().client(FIN | ACK, 1, 1, 0).server(ACK, 1, 2, 0).server(FIN | ACK, 1, 2, 0);
            assertMoved(s.transitions, "server", CLOSE_WAIT, LAST_ACK);
            assertMoved(s.transitions, "client", FIN_WAIT_2, TIME_WAIT);
        }

        @Test
        void lastAck_receivesAckOfFin_becomesClosed() {
            Segments s = new Segments().handshake().client(FIN | ACK, 1, 1, 0).server(ACK, 1, 2, 0).server(FIN | ACK, 1, 2, 0)
                    .client(ACK, 2, 2, 0);
            assertMoved(s.transitions, "server", LAST_ACK, CLOSED);
            assertEquals(TIME_WAIT, s.clientState());
            assertEquals(CLOSED, s.serverState());
        }

        @Test
        void finWait1_receivesFinAckOfItsFin_becomesFinWait2ThenTimeWait() {
            Segments s = new Segments().handshake().client(FIN | ACK, 1, 1, 0).server(FIN | ACK, 1, 2, 0);
            // the server's CLOSE-WAIT came with the client's FIN; this FIN+ACK moves the server to LAST-ACK
            // and the client through both arrows, ACK first (RFC 9293 §3.10.7.4)
            assertEquals(List.of(LAST_ACK, FIN_WAIT_2, TIME_WAIT),
                    s.transitions.stream().map(Transition::to).toList(), s.transitions.toString());
        }

        @Test
        void finWait1_receivesFin_becomesClosing_thenAck_becomesTimeWait_simultaneousClose() {
            Segments s = new Segments().handshake().client(FIN | ACK, 1, 1, 0);
            s.send(false, FIN | ACK, S_ISN + 1, C_ISN + 1, 0, 65535); // server's FIN crosses the client's: acks only 1
            assertMoved(s.transitions, "client", FIN_WAIT_1, CLOSING);
            assertMoved(s.transitions, "server", CLOSE_WAIT, CLOSING);
            s.server(ACK, 2, 2, 0);
            assertMoved(s.transitions, "client", CLOSING, TIME_WAIT);
        }

        @Test
        void finsCrossed_theSecondFinAcksOnlyUpToTheFirst_itsSenderGoesToClosing_andBothEndInTimeWait() {
            Segments s = new Segments().handshake().client(FIN | ACK, 1, 1, 0);
            assertMoved(s.transitions, "server", ESTABLISHED, CLOSE_WAIT); // placed as arrived, until evidence says not
            s.transitions.clear();
            s.server(FIN | ACK, 1, 1, 0); // ack 1 = the client's FIN's seq: sent before that FIN arrived
            assertEquals(List.of("server CLOSE-WAIT>CLOSING FINS_CROSSED", "client FIN-WAIT-1>CLOSING FIN_IN_FIN_WAIT_1"),
                    s.transitions.stream().map(t -> t.endpoint() + " " + t.from().label() + ">" + t.to().label() + " "
                            + t.why()).toList());
            assertTrue(s.transitions.get(0).cause().contains("does not acknowledge the client's FIN (frame 4)"),
                    s.transitions.get(0).cause());
            s.server(ACK, 2, 2, 0).client(ACK, 2, 2, 0); // each side acknowledges the other's FIN
            assertEquals(TIME_WAIT, s.clientState());
            assertEquals(TIME_WAIT, s.serverState());
        }

        @Test
        void finsCrossed_seenFromTheOtherSide_endTheSame() {
            // the same close captured where the server's FIN is seen first (at the server's host)
            Segments s = new Segments().handshake().server(FIN | ACK, 1, 1, 0).client(FIN | ACK, 1, 1, 0);
            assertMoved(s.transitions, "client", CLOSE_WAIT, CLOSING);
            assertMoved(s.transitions, "server", FIN_WAIT_1, CLOSING);
            s.client(ACK, 2, 2, 0).server(ACK, 2, 2, 0);
            assertEquals(TIME_WAIT, s.clientState());
            assertEquals(TIME_WAIT, s.serverState());
        }

        @Test
        void aFinThatAcksThePeersFin_isAPassiveClose_notACrossing() {
            Segments s = new Segments().handshake().client(FIN | ACK, 1, 1, 0).server(FIN | ACK, 1, 2, 0);
            assertMoved(s.transitions, "server", CLOSE_WAIT, LAST_ACK);
            assertTrue(s.transitions.stream().noneMatch(t -> t.why() == TransitionCause.FINS_CROSSED));
        }

        @Test
        void halfClose_dataFromCloseWait_keepsStates() {
            Segments s = new Segments().handshake().client(FIN | ACK, 1, 1, 0).server(ACK, 1, 2, 0)
                    .server(PSH | ACK, 1, 2, 100).client(ACK, 2, 101, 0);
            assertTrue(s.transitions.isEmpty());
            assertEquals(FIN_WAIT_2, s.clientState());
            assertEquals(CLOSE_WAIT, s.serverState());
        }

        @Test
        void retransmittedFin_changesNothing() {
            Segments s = new Segments().handshake().client(FIN | ACK, 1, 1, 0).client(FIN | ACK, 1, 1, 0);
            assertTrue(s.transitions.isEmpty(), s.transitions.toString());
        }
    }

    @Nested
    class Reset {
        /** Drives the client into {@code state}; returns null where that state needs another path. */
        private Segments clientIn(TcpState state) {
            Segments s = new Segments();
            switch (state) {
                case SYN_SENT -> s.client(SYN, 0, 0, 0);
                case ESTABLISHED -> s.handshake();
                case FIN_WAIT_1 -> s.handshake().client(FIN | ACK, 1, 1, 0);
                case FIN_WAIT_2 -> s.handshake().client(FIN | ACK, 1, 1, 0).server(ACK, 1, 2, 0);
                case CLOSE_WAIT -> s.handshake().server(FIN | ACK, 1, 1, 0);
                case LAST_ACK -> s.handshake().server(FIN | ACK, 1, 1, 0).client(FIN | ACK, 1, 2, 0);
                case CLOSING -> {
                    s.handshake().client(FIN | ACK, 1, 1, 0);
                    s.send(false, FIN | ACK, S_ISN + 1, C_ISN + 1, 0, 65535);
                }
                case SYN_RECEIVED -> {
                    s.client(SYN, 0, 0, 0);
                    s.send(false, SYN, S_ISN, 0, 0, 65535);
                }
                default -> {
                    return null;
                }
            }
            assertEquals(state, s.clientState());
            return s;
        }

        @ParameterizedTest
        @EnumSource(value = TcpState.class, names = {"SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2",
                "CLOSE_WAIT", "CLOSING", "LAST_ACK"})
        void anySynchronizedState_receivesRst_becomesClosed(TcpState state) {
            Segments s = clientIn(state);
            long nextServerSeq = s.connection().dirs[1 - s.connection().clientDirection()].nextSeq;
            s.send(false, RST, nextServerSeq, 0, 0, 0);
            // the client opened actively, so even from SYN-RECEIVED (a simultaneous open) an RST closes it;
            // only a passive open returns to LISTEN (RFC 9293 §3.10.7.4; synReceived_receivesRst_returnsToListen)
            assertMoved(s.transitions, "client", state, CLOSED);
            assertEquals(CLOSED, s.clientState());
        }

        @ParameterizedTest
        @EnumSource(value = TcpState.class, names = {"SYN_SENT", "SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2",
                "CLOSE_WAIT", "CLOSING", "LAST_ACK"})
        void anyState_sendsRst_becomesClosed(TcpState state) {
            Segments s = clientIn(state);
            long next = s.connection().dirs[s.connection().clientDirection()].nextSeq;
            s.send(true, RST | ACK, next, S_ISN + 1, 0, 0);
            assertMoved(s.transitions, "client", state, CLOSED);
        }

        @Test
        void rstOutsideTheWindow_isIgnored() {
            Segments s = new Segments().handshake();
            s.send(false, RST, S_ISN + 1 + 1_000_000, 0, 0, 0);
            assertEquals(RstCause.OUT_OF_WINDOW, s.c.rstCause());
            assertEquals(ESTABLISHED, s.clientState(), "RFC 5961: the receiver ignores it");
        }

        @Test
        void rstOutsideTheWindow_closesNothing_soTheFinAfterItClosesFirst() {
            Segments s = new Segments().handshake();
            s.send(false, RST, S_ISN + 1 + 1_000_000, 0, 0, 0);
            s.send(true, FIN | ACK, C_ISN + 1, S_ISN + 1, 0, 65535);
            List<ConnectionSummary> out = new java.util.ArrayList<>();
            s.tracker().onRetired(out::add);
            s.tracker().retireAll();
            ConnectionSummary.Closing first = out.get(0).closedFirst();
            assertEquals(Role.CLIENT, first.by(), "the client's FIN, not the server's ignored RST");
            assertFalse(first.rst());
            assertEquals(RstCause.OUT_OF_WINDOW, out.get(0).rstCause(), "the RST is still told of");
        }
    }

    @Nested
    class Inference {
        @Test
        void midConnection_firstSegmentFromTheLowerPort_clientIsItsReceiver() {
            Segments s = new Segments().server(PSH | ACK, 1, 1, 10); // 10.0.0.2:80 -> 10.0.0.1:40000
            assertEquals(ESTABLISHED, s.clientState());
            assertEquals(ESTABLISHED, s.serverState());
            assertTrue(s.connection().rolesInferred);
            assertFalse(s.c.fromClient(), "the segment came from port 80, the lower one: the server");
            ConnectionSummary summary = summary(s);
            assertEquals(40000, summary.client().port());
            assertEquals(80, summary.server().port());
        }

        @Test
        void midConnection_firstSegmentFromTheHigherPort_clientIsItsSender() {
            Segments s = new Segments().client(PSH | ACK, 1, 1, 10); // 10.0.0.1:40000 -> 10.0.0.2:80
            assertTrue(s.connection().rolesInferred);
            assertTrue(s.c.fromClient(), "the segment came from port 40000, the higher one: the client");
            assertEquals(40000, summary(s).client().port());
        }

        @Test
        void midConnection_equalPorts_clientIsTheFirstSender() {
            Segments s = new Segments();
            byte[] seg = org.tcplab.decode.Packets.tcp(5000, 5000, 100, 200, PSH | ACK, 1000, new byte[0], 10);
            s.sendRaw(org.tcplab.decode.Packets.ipv4(org.tcplab.decode.Packets.addr(10, 0, 0, 2),
                    org.tcplab.decode.Packets.addr(10, 0, 0, 1), 6, 0, 0, seg));
            assertTrue(s.c.fromClient());
            assertEquals(org.tcplab.decode.Packets.addr(10, 0, 0, 2), (int) summary(s).client().lo());
        }

        private ConnectionSummary summary(Segments s) {
            List<ConnectionSummary> out = new java.util.ArrayList<>();
            s.tracker().onRetired(out::add);
            s.tracker().retireAll();
            return out.get(0);
        }

        @Test
        void captureStartingAtSynAck_clientWasSynSent() {
            Segments s = new Segments().server(SYN | ACK, 0, 1, 0);
            assertMoved(s.transitions, "server", LISTEN, SYN_RECEIVED);
            assertMoved(s.transitions, "client", SYN_SENT, ESTABLISHED);
        }

        @Test
        void reuseAfterTimeWait_isANewConnection() {
            Segments s = new Segments().handshake().client(FIN | ACK, 1, 1, 0).server(FIN | ACK, 1, 2, 0).client(ACK, 2, 2, 0);
            int first = s.a.stream();
            s.send(true, SYN, 777_777, 0, 0, 65535);
            assertEquals(first + 1, s.a.stream());
            assertMoved(s.transitions, "client", CLOSED, SYN_SENT);
        }
    }
}
