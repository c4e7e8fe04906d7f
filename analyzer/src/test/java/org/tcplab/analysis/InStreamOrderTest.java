package org.tcplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InStreamOrderTest {
    private final List<Integer> out = new ArrayList<>();
    private final InStreamOrder order = new InStreamOrder(c -> out.add(c.stream()));

    private static ConnectionSummary summary(int stream) {
        return new ConnectionSummary(stream, null, null, 0, 0, 0, 0, 0, 0, 0, 0, false, false, -1, -1, -1, -1, false,
                false, 0, 0, 0, 0, null, null, null, TcpState.CLOSED, TcpState.CLOSED, "OTH", "", true, 0, 0, 0, 0, 0, 0,
                -1, -1, -1);
    }

    private void retired(int stream) {
        order.retired(stream, summary(stream));
    }

    @Test
    void aSummaryWaits_onlyForTheLowerStreamsStillOpen() {
        retired(1);
        retired(2);
        assertEquals(List.of(), out, "stream 0 is still open");
        assertEquals(2, order.waiting());
        retired(0);
        assertEquals(List.of(0, 1, 2), out);
        retired(3);
        assertEquals(List.of(0, 1, 2, 3), out, "nothing lower is open: out at once");
        assertEquals(0, order.waiting());
    }

    @Test
    void aStreamWithoutSummary_letsTheNextOnesGo() {
        retired(1);
        order.retired(0, null);
        assertEquals(List.of(1), out);
    }

    @Test
    void aStreamSeenAgain_comesAfterItsFirstSummary_orAtOnceWhenItsTurnIsPast() {
        retired(1);
        retired(1); // freed, seen again, freed again: both wait for stream 0
        retired(0);
        assertEquals(List.of(0, 1, 1), out);
        retired(0); // stream 0 again, after its turn
        assertEquals(List.of(0, 1, 1, 0), out);
    }

    @Test
    void manyWaiting_growTheRing_andFinishReleasesEverything() {
        for (int s = 1; s < 5000; s++) {
            retired(s);
        }
        assertEquals(4999, order.waiting());
        order.finish();
        assertEquals(4999, out.size());
        for (int i = 0; i < out.size(); i++) {
            assertEquals(i + 1, out.get(i));
        }
    }

    /** The sink of {@code conns | head}: its reader went away after the first summary. */
    private static final class ClosedAfterOne implements java.util.function.Consumer<ConnectionSummary> {
        final List<Integer> got = new ArrayList<>();

        @Override
        public void accept(ConnectionSummary c) {
            got.add(c.stream());
            if (got.size() > 1) {
                throw new java.io.UncheckedIOException(new java.io.IOException("Broken pipe"));
            }
        }
    }

    @Test
    void aSinkThatFails_leavesTheRingWhole_soFinishEnds_andNothingGoesTwice() {
        ClosedAfterOne sink = new ClosedAfterOne();
        InStreamOrder failing = new InStreamOrder(sink);
        for (int s = 1; s < 6; s++) {
            failing.retired(s, summary(s));
        }
        assertThrows(java.io.UncheckedIOException.class, () -> failing.retired(0, summary(0)));
        assertEquals(List.of(0, 1), sink.got, "stream 1's summary was handed on when the sink failed");
        // a slot counted out twice (once per failed try) would leave finish() looping for ever
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            while (failing.waiting() > 0) {
                assertThrows(java.io.UncheckedIOException.class, failing::finish);
            }
            failing.finish();
        });
        assertEquals(List.of(0, 1, 2, 3, 4, 5), sink.got, "each summary reached the sink once, in stream order");
        assertEquals(0, failing.waiting());
    }
}
