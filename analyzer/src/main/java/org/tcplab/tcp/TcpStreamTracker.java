package org.tcplab.tcp;

import java.util.Arrays;
import org.tcplab.analysis.Connection;
import org.tcplab.analysis.ConnectionSummary;
import org.tcplab.decode.DecodedPacket;

/**
 * Numbers TCP streams and computes relative sequence numbers exactly as tshark does in one pass
 * with default preferences (epan/dissectors/packet-tcp.c):
 * <ul>
 * <li>a stream is an address/port pair; a SYN (without ACK) whose sequence number differs from the
 * ISN already known for that direction starts a new stream ("port numbers reused");</li>
 * <li>each direction's base is the ISN when its SYN is seen, else the first sequence number seen
 * minus one, so that data starts at 1; the other direction's base may come first from an
 * acknowledgement (ack - 1) when the capture starts mid-connection;</li>
 * <li>no relative numbers for a segment shorter than its own header;</li>
 * <li>a direction's windows are scaled by the shift its own SYN offered (capped at 14, RFC 7323
 * §2.3) once that SYN is seen, unless a SYN came without the option, which turns scaling off
 * both ways (§2.2).</li>
 * </ul>
 * State lives in flat arrays indexed by stream so the hot path allocates nothing.
 */
public final class TcpStreamTracker {
    static final int SYN = 0x002;
    static final int ACK = 0x010;

    private final FlowTable table = new FlowTable(1024);
    private int streams;
    private Connection[] connections = new Connection[256];
    /**
     * Bounds on the analysis state (the stream numbering itself stays, as in tshark): a finished
     * connection (both ends CLOSED or TIME-WAIT) quiet for {@link #FINISHED_NANOS} of capture time,
     * or any connection idle for {@link #IDLE_NANOS}, is summarised and freed at the next sweep
     * (late duplicates of a final ACK still find the state, as in tshark); beyond {@link #maxTracked} live connections the
     * oldest is summarised and freed early, and counted. A later segment of a freed stream starts
     * a fresh analysis, as for a capture that begins mid-connection.
     */
    public static final long IDLE_NANOS = 300_000_000_000L;
    public static final long FINISHED_NANOS = 10_000_000_000L;
    /**
     * How often, in capture time, held connections are checked against those bounds. Only capture
     * time can make a connection quiet, so checking more often frees nothing sooner.
     */
    static final long SWEEP_NANOS = 1_000_000_000L;
    private long lastSweep = Long.MIN_VALUE;
    private int maxTracked = 1 << 20;
    private int live;
    private int[] fifo = new int[1024];
    private int fifoHead;
    private int fifoTail;
    private long evictedEarly;
    private long evictedIdle;
    /** Per stream: capture time of its latest segment, read by the sweep (no pointer chasing). */
    private long[] lastTime = new long[256];
    private java.util.function.Consumer<ConnectionSummary> retired = summary -> { };
    private boolean connectionAnalysis = true;
    private boolean recordTransitions = true;

    /**
     * Off: endpoint states still change, but {@link TcpAnnotation#transitions()} stays empty, for
     * a pass that prints no packet (a quarter of a million records fewer on the benchmark capture).
     */
    public void recordTransitions(boolean on) {
        this.recordTransitions = on;
    }

    /**
     * Off: only tshark's per-packet fields (stream, relative numbers, window), without the
     * sequence analysis, the endpoint states and the summaries: the fast path for reading.
     */
    public void connectionAnalysis(boolean on) {
        this.connectionAnalysis = on;
    }
    private final Connection.Segment segment = new Connection.Segment();
    /** Per stream: family, then srcHi, srcLo, sport, dstHi, dstLo, dport of its first segment (direction 0). */
    private long[] endpoints = new long[256 * 7];
    /**
     * Per stream, one stride: [base seq dir 0, base seq dir 1, state bits]. State bits: bit 0 the
     * endpoints were swapped (relative to the table's canonical order) in the stream's first
     * segment; bits 1-2 base set for dir 0/1; then per direction a byte of the scale offered in the
     * SYN (+3 so that -2 "none" and -1 "not seen" fit) and a byte of the scale applied (+3).
     */
    private long[] state = new long[256 * STRIDE];
    private static final int STRIDE = 3;
    private static final long SWAPPED = 1;
    private static final long BASE_SET_0 = 2;
    /** Bit 3: both endpoints of the stream's connection are done (CLOSED or TIME-WAIT). */
    private static final long FINISHED = 8;
    private static final int OFFERED_SHIFT = 8;
    private static final int APPLIED_SHIFT = 24;

    public int streamCount() {
        return streams;
    }

    /** Where summaries of freed connections go (the conns command prints or keeps them). */
    public void onRetired(java.util.function.Consumer<ConnectionSummary> sink) {
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

    /** Summarises and frees one stream's analysis state. */
    private void retire(int s, long captureStart) {
        Connection c = connections[s];
        if (c == null) {
            return;
        }
        if (c.clientDirection() >= 0) {
            String[] ends = endpoints(s);
            int cd = c.clientDirection();
            retired.accept(c.summary(s, ends[cd], ends[1 - cd], captureStart));
        }
        connections[s] = null;
        live--;
    }

    /** Summarises every connection still held (at the end of a capture), in stream order. */
    public void retireAll(long captureStart) {
        for (int s = 0; s < streams; s++) {
            retire(s, captureStart);
        }
    }

    private long captureStart;

    /** Capture time of the first frame, for the summaries' relative start. */
    public void captureStart(long nanos) {
        if (captureStart == 0) {
            captureStart = nanos;
        }
    }

    /** Notes stream {@code s}'s latest time and whether both ends are done, then sweeps when due. */
    private void afterSegment(int s, long lastSegmentTime, boolean finished, long now) {
        lastTime[s] = lastSegmentTime;
        long bits = state[s * STRIDE + 2];
        state[s * STRIDE + 2] = finished ? bits | FINISHED : bits & ~FINISHED;
        if (lastSweep == Long.MIN_VALUE || now - lastSweep >= SWEEP_NANOS) {
            lastSweep = now;
            for (int i = fifoHead; i != fifoTail; i = (i + 1) & (fifo.length - 1)) {
                int o = fifo[i];
                if (connections[o] == null) {
                    continue;
                }
                long quiet = now - lastTime[o];
                if ((state[o * STRIDE + 2] & FINISHED) != 0 && quiet > FINISHED_NANOS) {
                    retire(o, captureStart);
                } else if (quiet > IDLE_NANOS) {
                    retire(o, captureStart);
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
                retire(old, captureStart);
                evictedEarly++;
            }
        }
        // drop entries of streams already freed from the front of the queue
        while (fifoHead != fifoTail && connections[fifo[fifoHead]] == null) {
            fifoHead = (fifoHead + 1) & (fifo.length - 1);
        }
    }

    /** The connections in stream order (index = tshark's tcp.stream); entries may be null. */
    public Connection[] connections() {
        return connections;
    }

    private void rememberEndpoints(int s, TcpSegment p) {
        if ((s + 1) * 7 > endpoints.length) {
            endpoints = Arrays.copyOf(endpoints, Math.max(endpoints.length * 2, (s + 1) * 7));
        }
        int b = s * 7;
        endpoints[b] = p.family;
        endpoints[b + 1] = p.srcHi;
        endpoints[b + 2] = p.srcLo;
        endpoints[b + 3] = p.sport;
        endpoints[b + 4] = p.dstHi;
        endpoints[b + 5] = p.dstLo;
        endpoints[b + 6] = p.dport;
    }

    /** "address:port" of a stream's two directions' senders: index 0 sent its first segment. */
    public String[] endpoints(int s) {
        int b = s * 7;
        int family = (int) endpoints[b];
        StringBuilder a = new StringBuilder();
        org.tcplab.output.Addresses.appendEndpoint(a, family, endpoints[b + 1], endpoints[b + 2], (int) endpoints[b + 3]);
        StringBuilder c = new StringBuilder();
        org.tcplab.output.Addresses.appendEndpoint(c, family, endpoints[b + 4], endpoints[b + 5], (int) endpoints[b + 6]);
        return new String[] {a.toString(), c.toString()};
    }

    /** The analysis state of a stream. */
    public Connection connection(int stream) {
        return connections[stream];
    }

    /** Annotates a TCP segment without time or frame number (sequence analysis then sees time 0). */
    public void annotate(DecodedPacket p, TcpAnnotation a) {
        annotate(p, 0, 0, 0, a);
    }

    private final TcpSegment copy = new TcpSegment();

    /**
     * Annotates a TCP segment; a no-op (no stream) when too little of the header was captured.
     *
     * @param timeNanos capture time, epoch nanoseconds
     * @param frame     frame number
     * @param frameLength the frame's original length, for the connection's byte counts
     */
    public void annotate(DecodedPacket p, long timeNanos, long frame, int frameLength, TcpAnnotation a) {
        copy.fill(p, timeNanos, frame, frameLength);
        annotate(copy, a);
    }

    /** Annotates a segment copied by {@link TcpSegment#fill}. */
    public void annotate(TcpSegment p, TcpAnnotation a) {
        a.reset();
        if (!p.tracked) {
            a.seq = p.seq;
            a.ack = p.ack;
            a.window = p.window;
            return;
        }
        int family = p.family;
        int flags = p.flags;
        int s = table.get(family, p.srcHi, p.srcLo, p.sport, p.dstHi, p.dstLo, p.dport);
        boolean swapped = table.lastLookupWasSwapped();
        if (s < 0) {
            s = newStream(swapped);
            table.put(family, p.srcHi, p.srcLo, p.sport, p.dstHi, p.dstLo, p.dport, s);
            a.newStream = true;
            rememberEndpoints(s, p);
        }
        int dir = swapped == ((state[s * STRIDE + 2] & SWAPPED) != 0) ? 0 : 1;
        long seq = p.seq;
        if ((flags & (SYN | ACK)) == SYN && baseSet(s, dir) && seq != state[s * STRIDE + dir]) {
            s = newStream(swapped);
            dir = 0;
            table.put(family, p.srcHi, p.srcLo, p.sport, p.dstHi, p.dstLo, p.dport, s);
            a.newStream = true;
            a.portsReused = true;
            rememberEndpoints(s, p);
        }
        a.hasStream = true;
        a.stream = s;
        a.direction = dir;
        int rev = 1 - dir;
        if (!p.hasSegmentLength) {
            a.seq = seq;
            a.ack = p.ack;
            a.window = p.window;
            return;
        }
        int b = s * STRIDE;
        long bits = state[b + 2];
        if ((bits & (BASE_SET_0 << dir)) == 0) {
            state[b + dir] = (flags & SYN) != 0 ? seq : (seq - 1) & 0xFFFFFFFFL;
            bits |= BASE_SET_0 << dir;
        }
        if ((bits & (BASE_SET_0 << rev)) == 0 && (flags & ACK) != 0) {
            state[b + rev] = (p.ack - 1) & 0xFFFFFFFFL;
            bits |= BASE_SET_0 << rev;
        }
        state[b + 2] = bits;
        a.relative = true;
        a.seq = (seq - state[b + dir]) & 0xFFFFFFFFL;
        a.ack = (flags & ACK) != 0 ? (p.ack - state[b + rev]) & 0xFFFFFFFFL : p.ack;
        if ((flags & SYN) != 0) {
            learnScale(p, s, dir);
        }
        int scale = field(state[b + 2], APPLIED_SHIFT, dir);
        a.windowScale = scale;
        // RFC 7323 §2.2: the window field of a SYN is never scaled.
        a.window = (flags & SYN) == 0 && scale >= 0 ? (long) p.window << scale : p.window;
        if (!connectionAnalysis) {
            return;
        }
        Connection.Segment g = segment;
        g.dir = dir;
        g.seq = seq;
        g.ack = p.ack;
        g.relSeq = a.seq;
        g.relAck = a.ack;
        g.seglen = p.payloadLength;
        g.flags = flags;
        g.window = p.window;
        g.fwdScale = scale;
        g.revScale = field(state[b + 2], APPLIED_SHIFT, rev);
        g.baseFwd = state[b + dir];
        g.sport = p.sport;
        g.dport = p.dport;
        g.frameLength = p.frameLength;
        g.time = p.timeNanos;
        g.frame = p.frame;
        if ((flags & SYN) != 0) {
            g.optionsData = p.options;
            g.optionsFrom = 0;
            g.optionsTo = p.optionsLength;
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
        c.analyse(g, a.verdict, recordTransitions ? a.transitions : null, a.rst);
        a.firstRttNanos = c.firstRttNanos();
        a.clientDirection = c.clientDirection();
        a.clientState = c.clientState();
        a.serverState = c.serverState();
        afterSegment(s, c.lastTime(), a.clientState.done() && a.serverState.done(), p.timeNanos);
    }

    private boolean baseSet(int s, int dir) {
        return (state[s * STRIDE + 2] & (BASE_SET_0 << dir)) != 0;
    }

    /** A signed per-direction byte of the state bits (stored +3). */
    private static int field(long bits, int shift, int dir) {
        return (int) ((bits >>> (shift + 8 * dir)) & 0xFF) - 3;
    }

    private static long withField(long bits, int shift, int dir, int value) {
        int at = shift + 8 * dir;
        return (bits & ~(0xFFL << at)) | ((long) (value + 3) << at);
    }

    private void learnScale(TcpSegment p, int s, int dir) {
        int shift = TcpOptions.windowScale(p.options, 0, p.optionsLength);
        int rev = 1 - dir;
        long bits = state[s * STRIDE + 2];
        int offered = shift < 0 ? TcpAnnotation.SCALE_NONE : Math.min(shift, TcpOptions.MAX_WINDOW_SCALE);
        bits = withField(bits, OFFERED_SHIFT, dir, offered);
        if (offered == TcpAnnotation.SCALE_NONE) {
            // RFC 7323 §2.2: a SYN without the option turns scaling off in both directions.
            bits = withField(bits, APPLIED_SHIFT, dir, TcpAnnotation.SCALE_NONE);
            bits = withField(bits, APPLIED_SHIFT, rev, TcpAnnotation.SCALE_NONE);
        } else if (field(bits, OFFERED_SHIFT, rev) != TcpAnnotation.SCALE_NONE) {
            // Like tshark, a side's own offer applies as soon as its SYN is seen, even when the
            // peer's SYN was not captured (a one-way capture, or one starting at the SYN+ACK).
            bits = withField(bits, APPLIED_SHIFT, dir, offered);
        }
        state[s * STRIDE + 2] = bits;
    }

    private int newStream(boolean swapped) {
        int s = streams++;
        if ((s + 1) * STRIDE > state.length) {
            state = Arrays.copyOf(state, state.length * 2);
            lastTime = Arrays.copyOf(lastTime, state.length / STRIDE);
        }
        if (s == connections.length) {
            connections = Arrays.copyOf(connections, s * 2);
        }
        if (connectionAnalysis) {
            connections[s] = new Connection();
            track(s);
        }
        long bits = swapped ? SWAPPED : 0;
        bits = withField(bits, OFFERED_SHIFT, 0, -1);
        bits = withField(bits, OFFERED_SHIFT, 1, -1);
        bits = withField(bits, APPLIED_SHIFT, 0, TcpAnnotation.SCALE_UNKNOWN);
        bits = withField(bits, APPLIED_SHIFT, 1, TcpAnnotation.SCALE_UNKNOWN);
        int b = s * STRIDE;
        state[b] = 0;
        state[b + 1] = 0;
        state[b + 2] = bits;
        return s;
    }
}
