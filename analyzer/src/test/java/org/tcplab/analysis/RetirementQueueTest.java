package org.tcplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetirementQueueTest {

    private static List<Integer> drainBefore(RetirementQueue q, long now) {
        List<Integer> out = new ArrayList<>();
        while (q.hasDueBefore(now)) {
            out.add(RetirementQueue.stream(q.poll()));
        }
        return out;
    }

    @Test
    void entriesComeOutSoonestFirst_whateverOrderTheyCameIn() {
        RetirementQueue q = new RetirementQueue();
        SplittableRandom r = new SplittableRandom(7);
        long[] due = new long[5000];
        for (int s = 0; s < due.length; s++) {
            // mostly growing, as capture time is, with one in ten stepping back
            due[s] = 1000L * s + (r.nextInt(10) == 0 ? -r.nextInt(200_000) : 0);
            q.add(due[s], s, s + 1);
        }
        long last = Long.MIN_VALUE;
        int n = 0;
        while (q.size() > 0) {
            long ref = q.poll();
            int s = RetirementQueue.stream(ref);
            assertEquals(s + 1, RetirementQueue.serial(ref));
            assertTrue(due[s] >= last, "due " + due[s] + " after " + last);
            last = due[s];
            n++;
        }
        assertEquals(due.length, n);
    }

    @Test
    void onlyWhatIsDueStrictlyBeforeNow_comesOut() {
        RetirementQueue q = new RetirementQueue();
        q.add(10, 1, 1);
        q.add(20, 2, 1);
        q.add(15, 3, 1); // out of order: to the heap
        assertEquals(List.of(1), drainBefore(q, 15));
        assertEquals(List.of(3, 2), drainBefore(q, 21));
        assertFalse(q.hasDueBefore(Long.MAX_VALUE));
    }

    @Test
    void compact_dropsFreedStreams_andKeepsTheOrder() {
        RetirementQueue q = new RetirementQueue();
        for (int s = 0; s < 100; s++) {
            q.add(s, s, 0);
        }
        q.add(-1, 100, 0);
        q.compact(s -> s % 3 == 0 || s == 100);
        assertEquals(35, q.size());
        List<Integer> out = drainBefore(q, Long.MAX_VALUE);
        assertEquals(100, out.get(0));
        for (int i = 1; i < out.size(); i++) {
            assertEquals(3 * (i - 1), out.get(i));
        }
    }
}
