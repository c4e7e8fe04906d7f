package org.tcplab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands on connection summaries in stream order while the capture is still being read: a
 * summary waits only until every lower stream's first connection has been freed (the watermark
 * is the oldest stream still open), so what waits is the summaries of the streams that retired
 * while an older one stayed open, not every summary of the capture.
 *
 * <p>A stream seen again after its connection was freed gets a second summary when that one is
 * freed: right away if the stream's turn has passed, else after its first, as a sort by stream
 * that keeps the order of freeing among equals would put it.
 */
final class InStreamOrder {
    /** A stream's first connection was freed without a summary (it never had a whole segment). */
    private static final Object NONE = new Object();

    private final Consumer<ConnectionSummary> sink;
    /** Ring from stream {@link #next}: null while its first connection is open, else NONE, a summary, or a list. */
    private Object[] slots = new Object[64];
    private int head;
    private int next;
    /** Slots in the ring that are not null. */
    private int filled;

    InStreamOrder(Consumer<ConnectionSummary> sink) {
        this.sink = sink;
    }

    /** Summaries waiting for an older stream. */
    int waiting() {
        int n = 0;
        for (Object o : slots) {
            n += o == null || o == NONE ? 0 : o instanceof List<?> l ? l.size() : 1;
        }
        return n;
    }

    /** A connection of {@code stream} was freed: its summary, or null when it has none. */
    @SuppressWarnings("unchecked")
    void retired(int stream, ConnectionSummary summary) {
        if (stream < next) {
            if (summary != null) {
                sink.accept(summary);
            }
            return;
        }
        int at = slot(stream);
        Object o = slots[at];
        if (o == null) {
            slots[at] = summary == null ? NONE : summary;
            filled++;
        } else if (summary != null) {
            if (o == NONE) {
                slots[at] = summary;
            } else if (o instanceof List<?> l) {
                ((List<ConnectionSummary>) l).add(summary);
            } else {
                List<ConnectionSummary> l = new ArrayList<>(2);
                l.add((ConnectionSummary) o);
                l.add(summary);
                slots[at] = l;
            }
        }
        if (stream == next) {
            release(false);
        }
    }

    /** Everything still waiting, in stream order: at the end of the capture. */
    void finish() {
        release(true);
    }

    @SuppressWarnings("unchecked")
    private void release(boolean all) {
        int mask = slots.length - 1;
        while (true) {
            Object o = slots[head];
            if (o == null) {
                if (!all || filled == 0) {
                    return;
                }
            } else {
                filled--;
            }
            // the slot is taken before the sink sees it: a sink that throws (its reader went
            // away) leaves the ring consistent, so nothing is handed on twice and a later
            // finish() still ends when the ring is empty
            slots[head] = null;
            head = (head + 1) & mask;
            next++;
            if (o instanceof ConnectionSummary s) {
                sink.accept(s);
            } else if (o instanceof List<?> l) {
                for (ConnectionSummary s : (List<ConnectionSummary>) l) {
                    sink.accept(s);
                }
            }
        }
    }

    /** The ring index of {@code stream}, growing the ring to reach it. */
    private int slot(int stream) {
        int offset = stream - next;
        if (offset >= slots.length) {
            int n = slots.length;
            while (n <= offset) {
                n *= 2;
            }
            Object[] bigger = new Object[n];
            for (int i = 0; i < slots.length; i++) {
                bigger[i] = slots[(head + i) & (slots.length - 1)];
            }
            slots = bigger;
            head = 0;
        }
        return (head + offset) & (slots.length - 1);
    }
}
