package org.tcplab.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.Consumer;
import org.tcplab.tcp.TcpAnnotation;
import org.tcplab.tcp.TcpSegment;
import org.tcplab.tcp.TcpStreamTracker;

/**
 * The lifecycle of connections on top of the stream numbering: one {@link Connection} per tshark
 * stream, made at its first segment, fed every segment of it, summarised and freed when it is done.
 *
 * <p>Bounds on the analysis state (the stream numbering itself stays, as in tshark): a finished
 * connection (both ends CLOSED or TIME-WAIT) quiet for {@link #FINISHED_NANOS} of capture time, or
 * any connection idle for {@link #IDLE_NANOS}, is summarised and freed at the next sweep (late
 * duplicates of a final ACK still find the state, as in tshark); beyond {@link #maxTracked} live
 * connections the oldest is summarised and freed early, and counted. A later segment of a freed
 * stream starts a fresh analysis, as for a capture that begins mid-connection.
 *
 * <p>Built for millions of connections: what is due is found in two queues by due time
 * ({@link RetirementQueue}), so a sweep touches only what it frees; freed connection objects are
 * reset and reused (the steady state allocates none); summaries go out as connections are freed,
 * in stream order when asked ({@link InStreamOrder}).
 */
public final class ConnectionTracker {
    public static final long IDLE_NANOS = 300_000_000_000L;
    public static final long FINISHED_NANOS = 10_000_000_000L;
    /**
     * How often, in capture time, held connections are checked against those bounds. A check when
     * nothing is due is a look at the heads of two queues; checking every 10 ms rather than every
     * second frees connections closer to their due time, and the objects freed are then reused
     * while still in cache (conns on the million-connection capture: 0.84 of the time with 1 s).
     */
    static final long SWEEP_NANOS = 10_000_000L;

    /** The numbering this tracker's segments were annotated by: it also keeps each stream's endpoints. */
    private final TcpStreamTracker streams;
    private Connection[] connections = new Connection[256];
    private int streamCount;
    private long lastSweep = Long.MIN_VALUE;
    private int maxTracked = 1 << 20;
    private int live;
    /** Live streams in the order their connections were made, for the cap (freed ones are skipped lazily). */
    private int[] fifo = new int[1024];
    private int fifoHead;
    private int fifoTail;
    /** Finished connections by when they have been quiet for FINISHED_NANOS; every live one by IDLE_NANOS. */
    private final RetirementQueue finishedQueue = new RetirementQueue();
    private final RetirementQueue idleQueue = new RetirementQueue();
    /** Streams found due in one sweep, retired together; and a sum of what warming them read, so the reads stay. */
    private final int[] due = new int[64];
    private long warmed;
    /** Freed connection objects, reset, for the next connections: steady state allocates none. */
    private Connection[] pool = new Connection[64];
    private int pooled;
    private int serials;
    private long evictedEarly;
    private long evictedIdle;
    private long captureStart;
    private boolean recordTransitions = true;
    /** Where each freed connection goes: its stream and its summary (null when it had none); null: nowhere. */
    private java.util.function.ObjIntConsumer<ConnectionSummary> retired;
    private InStreamOrder order;
    private final Connection.Segment segment = new Connection.Segment();

    /** A tracker of its own stream numbering (tests that annotate through {@link #streams()}). */
    public ConnectionTracker() {
        this(new TcpStreamTracker());
    }

    /** Connections of the streams {@code streams} numbers: every segment analysed here was annotated by it. */
    public ConnectionTracker(TcpStreamTracker streams) {
        this.streams = streams;
    }

    public TcpStreamTracker streams() {
        return streams;
    }

    /**
     * Off: endpoint states still change, but {@link ConnectionAnnotation#transitions()} stays empty,
     * for a pass that prints no packet (a quarter of a million records fewer on the benchmark capture).
     */
    public void recordTransitions(boolean on) {
        this.recordTransitions = on;
    }

    /** Where summaries of freed connections go, in the order they are freed. */
    public void onRetired(Consumer<ConnectionSummary> sink) {
        this.order = null;
        this.retired = (summary, stream) -> {
            if (summary != null) {
                sink.accept(summary);
            }
        };
    }

    /**
     * Where summaries go in stream order, each as soon as every lower stream's connection has been
     * freed (see {@link InStreamOrder}); {@link #retireAll} hands on the rest.
     */
    public void onRetiredInStreamOrder(Consumer<ConnectionSummary> sink) {
        InStreamOrder o = new InStreamOrder(sink);
        this.order = o;
        this.retired = (summary, stream) -> o.retired(stream, summary);
    }

    /** A pass over a capture that may fail on its input (IOException) or on writing a row. */
    @FunctionalInterface
    public interface Pass {
        void run() throws IOException;
    }

    /**
     * Runs {@code pass} with each summary going to {@code rows} in stream order as its connection
     * retires, then summarises every connection still held, also after a damaged part of the
     * capture, before its error propagates. Not after a row failed to write (its reader went away,
     * as in {@code conns | head}): the rest could not be written either.
     */
    public void summarise(Consumer<ConnectionSummary> rows, Pass pass) throws IOException {
        onRetiredInStreamOrder(rows);
        boolean rowsFailed = false;
        try {
            pass.run();
        } catch (UncheckedIOException e) {
            rowsFailed = true;
            throw e;
        } finally {
            if (!rowsFailed) {
                retireAll();
            }
        }
    }

    public void maxTracked(int max) {
        this.maxTracked = Math.max(1, max);
    }

    /** Live connections whose analysis state is held. */
    public int tracked() {
        return live;
    }

    /** Connections freed before they finished because of the cap. */
    public long evictedEarly() {
        return evictedEarly;
    }

    public long evictedIdle() {
        return evictedIdle;
    }

    /** Capture time of the first frame, for the summaries' relative start. */
    public void captureStart(long nanos) {
        if (captureStart == 0) {
            captureStart = nanos;
        }
    }

    /** The analysis state of a stream, or null when it was freed (or never made). */
    public Connection connection(int stream) {
        return stream < streamCount ? connections[stream] : null;
    }

    /**
     * Analyses one segment the stream tracker has annotated: sequence analysis, both endpoints'
     * states, the RST cause, into {@code out}. Nothing for a segment without a stream or without a
     * whole header (tshark gives those no analysis either).
     */
    public void analyse(TcpSegment p, TcpAnnotation a, ConnectionAnnotation out) {
        out.reset();
        if (!a.hasStream()) {
            return;
        }
        int s = a.stream();
        if (a.newStream()) {
            newStream(s, p, a.direction());
        }
        if (!a.relative()) {
            Connection c = connections[s];
            if (c != null && !c.idleQueued) {
                // never analysed, so quiet since time 0: freed at the next sweep, as an idle one
                queueIdle(s, c);
            }
            return;
        }
        int dir = a.direction();
        Connection.Segment g = segment;
        g.dir = dir;
        g.seq = p.seq();
        g.ack = p.ack();
        g.relSeq = a.seq();
        g.relAck = a.ack();
        g.seglen = p.payloadLength();
        g.payloadCaptured = p.payloadCaptured();
        g.checksumBad = p.checksumBad();
        g.ipChecksumBad = p.ipChecksumBad();
        g.flags = p.flags();
        g.window = p.window();
        g.fwdScale = a.windowScale();
        g.revScale = a.peerWindowScale();
        g.baseFwd = a.baseSeq();
        g.sport = p.sport();
        g.dport = p.dport();
        g.frameLength = p.frameLength();
        g.time = p.timeNanos();
        g.frame = p.frame();
        g.sackDelivered = p.sackDelivered();
        g.synMss = p.synMss();
        g.synWindowScale = p.synWindowScale();
        g.synSackPermitted = p.synSackPermitted();
        g.synTimestamps = p.synTimestamps();
        Connection c = connections[s];
        if (c == null) {
            // a segment of a stream whose analysis was freed: start afresh
            c = open(s, p, dir);
        }
        c.analyse(g, out.verdict, recordTransitions ? out.transitions : null, out.rst);
        out.analysed = true;
        out.firstRttNanos = c.firstRttNanos();
        out.clientDirection = c.clientDirection();
        out.fromClient = c.clientDirection() == dir;
        out.clientState = c.clientState();
        out.serverState = c.serverState();
        afterSegment(s, c, out.clientState.done() && out.serverState.done(), p.timeNanos());
    }

    private void newStream(int s, TcpSegment p, int dir) {
        if (s >= connections.length) {
            connections = Arrays.copyOf(connections, Math.max(s + 1, connections.length * 2));
        }
        streamCount = Math.max(streamCount, s + 1);
        open(s, p, dir);
    }

    /** A connection for stream {@code s}, its ends as segment {@code p} (sent in direction {@code dir}) names them. */
    private Connection open(int s, TcpSegment p, int dir) {
        Connection c = take();
        c.ends(p, dir);
        connections[s] = c;
        track(s, c);
        return c;
    }

    private Connection take() {
        Connection c = pooled > 0 ? pool[--pooled] : new Connection();
        c.serial = ++serials;
        return c;
    }

    /** Summarises and frees one stream's analysis state; the object goes back to the pool. */
    private void retire(int s) {
        Connection c = connections[s];
        if (c == null) {
            return;
        }
        if (retired != null) {
            int cd = c.clientDirection();
            retired.accept(cd >= 0 ? c.summary(s, c.end(cd), c.end(1 - cd), captureStart) : null, s);
        }
        connections[s] = null;
        live--;
        c.reset();
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = c;
    }

    /** Summarises every connection still held (at the end of a capture), in stream order. */
    public void retireAll() {
        for (int s = 0; s < streamCount; s++) {
            retire(s);
        }
        if (order != null) {
            order.finish();
        }
    }

    /**
     * Notes whether both ends of stream {@code s} are done, then, once {@link #SWEEP_NANOS} of
     * capture time has passed since the last sweep, frees what has become due: a finished
     * connection quiet for FINISHED_NANOS, any connection quiet for IDLE_NANOS.
     */
    private void afterSegment(int s, Connection c, boolean done, long now) {
        c.finished = done;
        if (!c.idleQueued) {
            queueIdle(s, c);
        }
        if (done && !c.finishedQueued) {
            c.finishedQueued = true;
            finishedQueue.add(c.lastTime() + FINISHED_NANOS, s, c.serial);
        }
        if (lastSweep == Long.MIN_VALUE || now - lastSweep >= SWEEP_NANOS) {
            lastSweep = now;
            sweep(now);
        }
    }

    /** Puts a connection in the idle queue, due IDLE_NANOS after its latest segment (once: a sweep re-queues it). */
    private void queueIdle(int s, Connection c) {
        c.idleQueued = true;
        idleQueue.add(c.lastTime() + IDLE_NANOS, s, c.serial);
        compactQueues();
    }

    /** The connection a queue entry was made for, or null when it has been freed since. */
    private Connection entry(long ref) {
        Connection c = connections[RetirementQueue.stream(ref)];
        return c != null && c.serial == RetirementQueue.serial(ref) ? c : null;
    }

    private void sweep(long now) {
        while (finishedQueue.hasDueBefore(now)) {
            // the due ones a batch at a time: their state, 10 s of capture old, is brought in
            // from memory together (Connection#warm) before each is summarised and reset
            int n = 0;
            while (n < due.length && finishedQueue.hasDueBefore(now)) {
                long r = finishedQueue.poll();
                int o = RetirementQueue.stream(r);
                Connection c = entry(r);
                if (c == null) {
                    continue;
                }
                if (!c.finished) {
                    c.finishedQueued = false;
                } else if (now - c.lastTime() > FINISHED_NANOS) {
                    due[n++] = o;
                } else {
                    finishedQueue.add(c.lastTime() + FINISHED_NANOS, o, c.serial);
                }
            }
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += connections[due[i]].warm();
            }
            warmed += sum;
            for (int i = 0; i < n; i++) {
                retire(due[i]);
            }
        }
        while (idleQueue.hasDueBefore(now)) {
            long r = idleQueue.poll();
            int o = RetirementQueue.stream(r);
            Connection c = entry(r);
            if (c == null) {
                continue;
            }
            if (now - c.lastTime() > IDLE_NANOS) {
                retire(o);
                evictedIdle++;
            } else {
                idleQueue.add(c.lastTime() + IDLE_NANOS, o, c.serial);
            }
        }
    }

    private void track(int s, Connection c) {
        if (((fifoTail + 1) & (fifo.length - 1)) == fifoHead) {
            compactFifo();
        }
        if (((fifoTail + 1) & (fifo.length - 1)) == fifoHead) {
            int[] bigger = new int[fifo.length * 2];
            int n = 0;
            for (int i = fifoHead; i != fifoTail; i = (i + 1) & (fifo.length - 1)) {
                bigger[n++] = fifo[i];
            }
            fifo = bigger;
            fifoHead = 0;
            fifoTail = n;
        }
        fifo[fifoTail] = s;
        fifoTail = (fifoTail + 1) & (fifo.length - 1);
        live++;
        while (live > maxTracked && fifoHead != fifoTail) {
            int old = fifo[fifoHead];
            fifoHead = (fifoHead + 1) & (fifo.length - 1);
            if (connections[old] != null && old != s) {
                retire(old);
                evictedEarly++;
            }
        }
        // drop entries of streams already freed from the front of the queue
        while (fifoHead != fifoTail && connections[fifo[fifoHead]] == null) {
            fifoHead = (fifoHead + 1) & (fifo.length - 1);
        }
    }

    /**
     * Drops the entries of freed streams from the whole queue once they are most of it (a stream
     * open from the start would otherwise keep every later stream's entry), keeping the order.
     */
    private void compactFifo() {
        int mask = fifo.length - 1;
        int count = (fifoTail - fifoHead) & mask;
        if (count < 2 * live + 1024) {
            return;
        }
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int o = fifo[(fifoHead + i) & mask];
            if (connections[o] != null) {
                fifo[(fifoHead + kept++) & mask] = o;
            }
        }
        fifoTail = (fifoHead + kept) & mask;
    }

    /** The same for the retirement queues: entries of freed connections are dropped when they outnumber the open ones. */
    private void compactQueues() {
        if (idleQueue.size() > 2 * live + 1024) {
            idleQueue.compact(o -> connections[o] != null);
        }
        if (finishedQueue.size() > 2 * live + 1024) {
            finishedQueue.compact(o -> connections[o] != null);
        }
    }
}
