package org.tcplab.gen.wan;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.RawPacketListener;

/**
 * A wire between two interfaces, made with libpcap: every frame that arrives on one end is
 * captured (inbound only, so what we inject on it is never taken again), given its fate by the
 * direction's {@link LinkProfile}, and injected on the other end when it is due. Frames are
 * forwarded whole and unchanged, ARP and neighbour discovery included: to both hosts it is a cable
 * with a delay. Runs in the wire's own namespace; one capture thread and one sending thread per
 * direction.
 */
public final class LinkEmulator implements AutoCloseable {
    /** One direction's counters, for the figures the README gives. */
    public static final class Counters {
        public final AtomicLong received = new AtomicLong();
        public final AtomicLong lost = new AtomicLong();
        /** Lost because the link was down ({@link LinkEmulator#outage}), not to the loss model. */
        public final AtomicLong outage = new AtomicLong();
        public final AtomicLong queueDrops = new AtomicLong();
        public final AtomicLong duplicated = new AtomicLong();
        public final AtomicLong sent = new AtomicLong();
        public final AtomicLong bytesSent = new AtomicLong();

        @Override
        public String toString() {
            return "received " + received + ", lost " + lost + (outage.get() > 0 ? ", lost to the outage " + outage : "")
                    + ", queue drops " + queueDrops + ", duplicated " + duplicated
                    + ", sent " + sent;
        }
    }

    /** A stretch of System.nanoTime in which the link is down both ways. */
    private record Window(long fromNanos, long untilNanos) {
        static final Window NEVER = new Window(Long.MAX_VALUE, Long.MIN_VALUE);

        boolean covers(long nanos) {
            return nanos >= fromNanos && nanos < untilNanos;
        }
    }

    /**
     * When the link is down: every frame that arrives then is lost, and so is every frame still on
     * the line when it falls due then. One immutable window in one volatile field, so that the four
     * threads reading it never see the start of one window with the end of another.
     */
    private static final class Down {
        volatile Window window = Window.NEVER;

        boolean covers(long nanos) {
            return window.covers(nanos);
        }
    }

    private final Direction ab;
    private final Direction ba;
    private final Down down;

    private LinkEmulator(Direction ab, Direction ba, Down down) {
        this.ab = ab;
        this.ba = ba;
        this.down = down;
    }

    /**
     * Starts the wire between interfaces a and b of the calling thread's namespace: frames from a
     * go out on b with profile aToB, frames from b go out on a with bToA.
     */
    public static LinkEmulator start(String a, String b, LinkProfile aToB, LinkProfile bToA, long seed) throws Exception {
        PcapHandle ha = open(a);
        PcapHandle hb = open(b);
        SplittableRandom root = new SplittableRandom(seed);
        Down down = new Down();
        Direction ab = new Direction(a + ">" + b, ha, hb, aToB, root.split(), down);
        Direction ba = new Direction(b + ">" + a, hb, ha, bToA, root.split(), down);
        ab.start();
        ba.start();
        return new LinkEmulator(ab, ba, down);
    }

    /**
     * Takes the link down both ways for {@code lengthNanos}, starting {@code afterNanos} from now: a
     * cable pulled and plugged back. Long enough, it loses a retransmission too, so the sender's
     * retransmission timer backs off (RFC 6298 §5.5), which random loss seldom shows.
     */
    public void outage(long afterNanos, long lengthNanos) {
        long from = System.nanoTime() + afterNanos;
        down.window = new Window(from, from + lengthNanos);
    }

    /** The link stays up from now on (the outage of a scenario that is over, begun or not, is called off). */
    public void noOutage() {
        down.window = Window.NEVER;
    }

    private static PcapHandle open(String name) throws Exception {
        PcapNetworkInterface nif = org.pcap4j.core.Pcaps.getDevByName(name);
        if (nif == null) {
            throw new IllegalStateException("no interface " + name + " for the wire");
        }
        PcapHandle h = new PcapHandle.Builder(name).snaplen(65_535).promiscuousMode(PcapNetworkInterface.PromiscuousMode.PROMISCUOUS)
                .immediateMode(true).timeoutMillis(10).bufferSize(8 << 20).build();
        h.setDirection(PcapHandle.PcapDirection.IN);
        return h;
    }

    /** What arrived from a and went out on b. */
    public Counters aToB() {
        return ab.counters;
    }

    /** What arrived from b and went out on a. */
    public Counters bToA() {
        return ba.counters;
    }

    @Override
    public void close() {
        // both directions stop before either handle closes: each is one's input, the other's output
        ab.halt();
        ba.halt();
        ab.join();
        ba.join();
        ab.in.close();
        ba.in.close();
    }

    /** One direction: capture on in, fate by profile, inject on out when due. */
    private static final class Direction {
        private record Frame(long dueNanos, long order, byte[] bytes) {
        }

        private final String name;
        private final PcapHandle in;
        private final PcapHandle out;
        private final LinkProfile p;
        private final SplittableRandom random;
        private final Down down;
        private final Counters counters = new Counters();
        private final PriorityQueue<Frame> line = new PriorityQueue<>((x, y) -> x.dueNanos != y.dueNanos
                ? Long.compare(x.dueNanos, y.dueNanos) : Long.compare(x.order, y.order));
        /** When each packet still queued for the rate finishes being sent (a tail-drop FIFO). */
        private final ArrayDeque<Long> serialising = new ArrayDeque<>();
        private long busyUntil;
        private long order;
        private boolean bad;
        private volatile boolean stopping;
        private Thread capture;
        private Thread sender;

        Direction(String name, PcapHandle in, PcapHandle out, LinkProfile p, SplittableRandom random, Down down) {
            this.name = name;
            this.in = in;
            this.out = out;
            this.p = p;
            this.random = random;
            this.down = down;
        }

        void start() {
            capture = new Thread(() -> {
                try {
                    in.loop(-1, (RawPacketListener) this::arrive);
                } catch (InterruptedException e) {
                    // breakLoop: the wire is being taken down
                } catch (Exception e) {
                    if (!stopping) {
                        System.err.println("link emulator " + name + ": " + e.getMessage());
                    }
                }
            }, "wire-capture-" + name);
            sender = new Thread(this::send, "wire-send-" + name);
            capture.setDaemon(true);
            sender.setDaemon(true);
            capture.start();
            sender.start();
        }

        /** A frame arrived on the in end: lost to an outage or the loss model, queued or dropped at the tail, maybe twice, due when. */
        private void arrive(byte[] bytes) {
            long now = arrival();
            counters.received.incrementAndGet();
            // the loss model's draws are made for every frame, outage or not, so that the seed's
            // sequence of fates does not depend on when the outage fell
            boolean lost = lost();
            int copies = p.duplicate() > 0 && random.nextDouble() < p.duplicate() ? 2 : 1;
            if (down.covers(now)) {
                counters.outage.incrementAndGet();
                return;
            }
            if (lost) {
                counters.lost.incrementAndGet();
                return;
            }
            if (copies == 2) {
                counters.duplicated.incrementAndGet();
            }
            synchronized (line) {
                for (int i = 0; i < copies; i++) {
                    long sentAt = now;
                    if (p.rateBitsPerSecond() > 0) {
                        while (!serialising.isEmpty() && serialising.peekFirst() <= now) {
                            serialising.pollFirst();
                        }
                        if (serialising.size() >= p.queuePackets()) {
                            counters.queueDrops.incrementAndGet(); // the queue is full: tail drop
                            continue;
                        }
                        busyUntil = Math.max(busyUntil, now) + p.serialisationNanos(bytes.length);
                        serialising.addLast(busyUntil);
                        sentAt = busyUntil;
                    }
                    long delay = p.delayNanos();
                    if (p.jitterNanos() > 0) {
                        delay += (long) ((random.nextDouble() * 2 - 1) * p.jitterNanos());
                    }
                    if (p.reorder() > 0 && random.nextDouble() < p.reorder()) {
                        delay = 0; // sent ahead of the frames still in the delay line
                    }
                    line.add(new Frame(sentAt + Math.max(0, delay), order++, bytes));
                }
            }
            LockSupport.unpark(sender);
        }

        /**
         * When the frame arrived, on System.nanoTime's clock: the capture's timestamp, not the
         * moment the callback runs, which can be a scheduling slice later on a busy host.
         */
        private long arrival() {
            long now = System.nanoTime();
            java.sql.Timestamp ts = in.getTimestamp();
            if (ts == null) {
                return now;
            }
            // the wall clock to the microsecond (Instant.now), as the capture's timestamp is:
            // currentTimeMillis would put each frame up to a millisecond off
            java.time.Instant wall = java.time.Instant.now();
            long lagNanos = (wall.getEpochSecond() - ts.getTime() / 1000) * 1_000_000_000L + wall.getNano() - ts.getNanos();
            return lagNanos > 0 && lagNanos < 1_000_000_000L ? now - lagNanos : now;
        }

        /** Random loss, or the Gilbert–Elliott chain's state: lost while bad. */
        private boolean lost() {
            if (p.loss() <= 0) {
                return false;
            }
            if (p.burst() <= 1) {
                return random.nextDouble() < p.loss();
            }
            bad = bad ? random.nextDouble() >= p.badToGood() : random.nextDouble() < p.goodToBad();
            return bad;
        }

        private void send() {
            while (!stopping) {
                Frame f;
                long wait;
                synchronized (line) {
                    f = line.peek();
                    wait = f == null ? Long.MAX_VALUE : f.dueNanos - System.nanoTime();
                    if (wait <= 0) {
                        line.poll();
                    }
                }
                if (wait > 150_000) {
                    // asleep until just before it is due; an arrival that becomes the head wakes it
                    LockSupport.parkNanos(this, Math.min(wait - 100_000, 50_000_000));
                    continue;
                }
                if (wait > 0) {
                    Thread.onSpinWait(); // the last 150 us by spinning: a park oversleeps by 50 us or more
                    continue;
                }
                if (down.covers(System.nanoTime())) {
                    counters.outage.incrementAndGet(); // on the line when the cable was pulled
                    continue;
                }
                try {
                    out.sendPacket(f.bytes);
                    counters.sent.incrementAndGet();
                    counters.bytesSent.addAndGet(f.bytes.length);
                } catch (Exception e) {
                    if (!stopping) {
                        System.err.println("link emulator " + name + ": cannot send: " + e.getMessage());
                    }
                }
            }
        }

        void halt() {
            stopping = true;
            try {
                in.breakLoop();
            } catch (Exception e) {
                // already closed
            }
        }

        void join() {
            try {
                capture.join(2000);
                sender.interrupt();
                sender.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
