package org.tcplab.analysis;

import java.util.Arrays;
import java.util.function.Consumer;
import org.tcplab.tcp.TcpAnnotation;
import org.tcplab.tcp.TcpSegment;
import org.tcplab.wire.IpEndpoint;

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
 */
public final class ConnectionTracker {
    public static final long IDLE_NANOS = 300_000_000_000L;
    public static final long FINISHED_NANOS = 10_000_000_000L;
    /**
     * How often, in capture time, held connections are checked against those bounds. Only capture
     * time can make a connection quiet, so checking more often frees nothing sooner.
     */
    static final long SWEEP_NANOS = 1_000_000_000L;

    private Connection[] connections = new Connection[256];
    /** Per stream: capture time of its latest segment, read by the sweep (no pointer chasing). */
    private long[] lastTime = new long[256];
    /** Per stream: both endpoints of its connection are done (CLOSED or TIME-WAIT). */
    private boolean[] finished = new boolean[256];
    /** Per stream: family, then srcHi, srcLo, sport, dstHi, dstLo, dport of its first segment (direction 0). */
    private long[] endpoints = new long[256 * 7];
    private int streams;
    private long lastSweep = Long.MIN_VALUE;
    private int maxTracked = 1 << 20;
    private int live;
    private int[] fifo = new int[1024];
    private int fifoHead;
    private int fifoTail;
    private long evictedEarly;
    private long evictedIdle;
    private long captureStart;
    private boolean recordTransitions = true;
    private Consumer<ConnectionSummary> retired = summary -> { };
    private final Connection.Segment segment = new Connection.Segment();

    /**
     * Off: endpoint states still change, but {@link ConnectionAnnotation#transitions()} stays empty,
     * for a pass that prints no packet (a quarter of a million records fewer on the benchmark capture).
     */
    public void recordTransitions(boolean on) {
        this.recordTransitions = on;
    }

    /** Where summaries of freed connections go (the conns command prints or keeps them). */
    public void onRetired(Consumer<ConnectionSummary> sink) {
        this.retired = sink;
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
        return stream < streams ? connections[stream] : null;
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
            newStream(s, p);
        }
        if (!a.relative()) {
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
        if ((g.flags & org.tcplab.wire.TcpFlags.SYN) != 0) {
            g.optionsData = p.options();
            g.optionsFrom = 0;
            g.optionsTo = p.optionsLength();
        } else {
            g.optionsData = null;
        }
        Connection c = connections[s];
        if (c == null) {
            // a segment of a stream whose analysis was freed: start afresh
            c = new Connection();
            connections[s] = c;
            track(s);
        }
        c.analyse(g, out.verdict, recordTransitions ? out.transitions : null, out.rst);
        out.analysed = true;
        out.firstRttNanos = c.firstRttNanos();
        out.clientDirection = c.clientDirection();
        out.fromClient = c.clientDirection() == dir;
        out.clientState = c.clientState();
        out.serverState = c.serverState();
        afterSegment(s, c.lastTime(), out.clientState.done() && out.serverState.done(), p.timeNanos());
    }

    private void newStream(int s, TcpSegment p) {
        if (s >= connections.length) {
            int n = Math.max(s + 1, connections.length * 2);
            connections = Arrays.copyOf(connections, n);
            lastTime = Arrays.copyOf(lastTime, n);
            finished = Arrays.copyOf(finished, n);
            endpoints = Arrays.copyOf(endpoints, n * 7);
        }
        streams = Math.max(streams, s + 1);
        int b = s * 7;
        endpoints[b] = p.family();
        endpoints[b + 1] = p.srcHi();
        endpoints[b + 2] = p.srcLo();
        endpoints[b + 3] = p.sport();
        endpoints[b + 4] = p.dstHi();
        endpoints[b + 5] = p.dstLo();
        endpoints[b + 6] = p.dport();
        connections[s] = new Connection();
        track(s);
    }

    /** The sender of a stream's first segment (direction 0) or the other end (1). */
    public IpEndpoint endpoint(int stream, int direction) {
        int b = stream * 7;
        int family = (int) endpoints[b];
        return direction == 0 ? new IpEndpoint(family, endpoints[b + 1], endpoints[b + 2], (int) endpoints[b + 3])
                : new IpEndpoint(family, endpoints[b + 4], endpoints[b + 5], (int) endpoints[b + 6]);
    }

    /** Summarises and frees one stream's analysis state. */
    private void retire(int s) {
        Connection c = connections[s];
        if (c == null) {
            return;
        }
        if (c.clientDirection() >= 0) {
            int cd = c.clientDirection();
            retired.accept(c.summary(s, endpoint(s, cd), endpoint(s, 1 - cd), captureStart));
        }
        connections[s] = null;
        live--;
    }

    /** Summarises every connection still held (at the end of a capture), in stream order. */
    public void retireAll() {
        for (int s = 0; s < streams; s++) {
            retire(s);
        }
    }

    /** Notes stream {@code s}'s latest time and whether both ends are done, then sweeps when due. */
    private void afterSegment(int s, long lastSegmentTime, boolean done, long now) {
        lastTime[s] = lastSegmentTime;
        finished[s] = done;
        if (lastSweep == Long.MIN_VALUE || now - lastSweep >= SWEEP_NANOS) {
            lastSweep = now;
            for (int i = fifoHead; i != fifoTail; i = (i + 1) & (fifo.length - 1)) {
                int o = fifo[i];
                if (connections[o] == null) {
                    continue;
                }
                long quiet = now - lastTime[o];
                if (finished[o] && quiet > FINISHED_NANOS) {
                    retire(o);
                } else if (quiet > IDLE_NANOS) {
                    retire(o);
                    evictedIdle++;
                }
            }
            while (fifoHead != fifoTail && connections[fifo[fifoHead]] == null) {
                fifoHead = (fifoHead + 1) & (fifo.length - 1);
            }
        }
    }

    private void track(int s) {
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
}
