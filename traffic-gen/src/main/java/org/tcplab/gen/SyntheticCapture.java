package org.tcplab.gen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tcplab.capture.LinkTypes;
import org.tcplab.capture.PcapFileWriter;
import org.tcplab.wire.Bytes;

/**
 * Writes a large synthetic Ethernet/IPv4/TCP capture for benchmarks: many interleaved flows, each
 * a three-way handshake, request/response rounds (responses of up to two full segments, delayed
 * ACKs: one ACK per two segments, RFC 9293 §3.8.6.3), then a FIN teardown or, for one flow in ten,
 * an RST. Headers and
 * checksums are valid; payload bytes are zero.
 */
public final class SyntheticCapture {
    /** What was written. */
    public record Summary(long packets, int flows, long bytes) {
    }

    static final int MSS = 1460;
    static final int ETH = 14;
    static final int IP = 20;
    static final int TCP = 20;
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;

    private static final class Flow {
        int client;
        int server;
        int clientPort;
        int serverPort;
        long clientSeq;
        long serverSeq;
        int remaining;
        int step;
        int segmentsSinceAck;
        int responseLeft;
        boolean reset;
    }

    private final int flows;
    private final long packets;
    private final int concurrent;
    private final SplittableRandom random;
    private final byte[] frame = new byte[ETH + IP + TCP + MSS];

    public SyntheticCapture(int flows, long packets, int concurrent, long seed) {
        if (flows <= 0 || packets < 7L * flows) {
            throw new IllegalArgumentException("need at least 7 packets per flow (handshake and teardown): "
                    + packets + " packets for " + flows + " flows");
        }
        this.flows = flows;
        this.packets = packets;
        this.concurrent = Math.max(1, Math.min(concurrent, flows));
        this.random = new SplittableRandom(seed);
    }

    public Summary write(Path out) throws IOException {
        long written = 0;
        long bytes = 24;
        long timeMicros = 1_700_000_000_000_000L;
        long perFlow = packets / flows;
        long extra = packets % flows;
        List<Flow> active = new ArrayList<>();
        int started = 0;
        try (PcapFileWriter w = new PcapFileWriter(out, LinkTypes.ETHERNET, 262144, false)) {
            while (started < flows || !active.isEmpty()) {
                while (active.size() < concurrent && started < flows) {
                    active.add(newFlow(started, (int) (perFlow + (started < extra ? 1 : 0))));
                    started++;
                }
                int i = random.nextInt(active.size());
                Flow f = active.get(i);
                int len = emit(f);
                timeMicros += 1 + random.nextInt(40);
                w.write(timeMicros / 1_000_000L, (int) (timeMicros % 1_000_000L) * 1000, frame, 0, len, len);
                written++;
                bytes += 16 + len;
                if (f.remaining == 0) {
                    active.set(i, active.get(active.size() - 1));
                    active.remove(active.size() - 1);
                }
            }
        }
        return new Summary(written, flows, bytes);
    }

    private Flow newFlow(int n, int budget) {
        Flow f = new Flow();
        f.client = 0x0A000000 | (n & 0xFFFF) << 8 | (1 + (n >>> 16) % 250);
        f.server = 0xAC100000 | (n % 64) + 1;
        f.clientPort = 1024 + (n * 7) % 60000;
        f.serverPort = (n & 1) == 0 ? 80 : 443;
        f.clientSeq = random.nextLong() & 0xFFFFFFFFL;
        f.serverSeq = random.nextLong() & 0xFFFFFFFFL;
        f.remaining = budget;
        f.reset = random.nextInt(10) == 0;
        return f;
    }

    /** Builds the flow's next packet in {@link #frame}; returns its length. */
    private int emit(Flow f) {
        int teardown = f.reset ? 1 : 4;
        int step = f.step++;
        f.remaining--;
        if (step == 0) {
            return segment(f, true, SYN, 0, 0, f.clientSeq, 0);
        }
        if (step == 1) {
            return segment(f, false, SYN | ACK, 0, 0, f.serverSeq, f.clientSeq + 1);
        }
        if (step == 2) {
            f.clientSeq++;
            f.serverSeq++;
            return segment(f, true, ACK, 0, 0, f.clientSeq, f.serverSeq);
        }
        int left = f.remaining + 1; // packets left including this one
        if (left > teardown) {
            return exchange(f, left - teardown);
        }
        if (f.reset) {
            return segment(f, true, RST | ACK, 0, 0, f.clientSeq, f.serverSeq);
        }
        switch (teardown - left) {
            case 0 -> {
                int len = segment(f, true, FIN | ACK, 0, 0, f.clientSeq, f.serverSeq);
                f.clientSeq++;
                return len;
            }
            case 1 -> {
                return segment(f, false, ACK, 0, 0, f.serverSeq, f.clientSeq);
            }
            case 2 -> {
                int len = segment(f, false, FIN | ACK, 0, 0, f.serverSeq, f.clientSeq);
                f.serverSeq++;
                return len;
            }
            default -> {
                return segment(f, true, ACK, 0, 0, f.clientSeq, f.serverSeq);
            }
        }
    }

    /**
     * Request/response rounds: a small request, a response of up to two segments' worth, the
     * client's ACKs. {@code left} is how many packets the flow may still send before its teardown.
     */
    private int exchange(Flow f, int left) {
        if (f.responseLeft == 0 && f.segmentsSinceAck == 0) {
            int request = 40 + random.nextInt(260);
            int len = segment(f, true, PSH | ACK, request, 0, f.clientSeq, f.serverSeq);
            f.clientSeq += request;
            f.responseLeft = 1 + random.nextInt(2 * MSS);
            return len;
        }
        if (f.responseLeft == 0 || f.segmentsSinceAck == 2 || left == 1) {
            f.segmentsSinceAck = 0;
            f.responseLeft = 0;
            return segment(f, true, ACK, 0, 0, f.clientSeq, f.serverSeq);
        }
        int n = Math.min(MSS, f.responseLeft);
        f.responseLeft -= n;
        int len = segment(f, false, f.responseLeft == 0 ? PSH | ACK : ACK, n, 0, f.serverSeq, f.clientSeq);
        f.serverSeq += n;
        f.segmentsSinceAck++;
        return len;
    }

    private int segment(Flow f, boolean fromClient, int flags, int payload, int unused, long seq, long ack) {
        byte[] b = frame;
        int src = fromClient ? f.client : f.server;
        int dst = fromClient ? f.server : f.client;
        int sport = fromClient ? f.clientPort : f.serverPort;
        int dport = fromClient ? f.serverPort : f.clientPort;
        boolean syn = (flags & SYN) != 0;
        int tcpLen = syn ? TCP + 12 : TCP;
        int total = IP + tcpLen + payload;
        // Ethernet: locally administered MACs derived from the addresses
        Bytes.put32be(b, 0, 0x02000000 | (dst >>> 8));
        Bytes.put16be(b, 4, dst & 0xFFFF);
        Bytes.put32be(b, 6, 0x02000000 | (src >>> 8));
        Bytes.put16be(b, 10, src & 0xFFFF);
        Bytes.put16be(b, 12, 0x0800);
        int ip = ETH;
        b[ip] = 0x45;
        b[ip + 1] = 0;
        Bytes.put16be(b, ip + 2, total);
        Bytes.put16be(b, ip + 4, (int) (seq & 0xFFFF));
        Bytes.put16be(b, ip + 6, 0x4000);
        b[ip + 8] = 64;
        b[ip + 9] = 6;
        Bytes.put16be(b, ip + 10, 0);
        Bytes.put32be(b, ip + 12, src);
        Bytes.put32be(b, ip + 16, dst);
        Bytes.put16be(b, ip + 10, checksum(sum(b, ip, IP, 0)));
        int t = ip + IP;
        Bytes.put16be(b, t, sport);
        Bytes.put16be(b, t + 2, dport);
        Bytes.put32be(b, t + 4, (int) seq);
        Bytes.put32be(b, t + 8, (flags & ACK) != 0 ? (int) ack : 0);
        Bytes.put16be(b, t + 12, (tcpLen / 4) << 12 | flags);
        Bytes.put16be(b, t + 14, syn ? 64240 : 502);
        Bytes.put16be(b, t + 16, 0);
        Bytes.put16be(b, t + 18, 0);
        if (syn) {
            // MSS 1460, SACK permitted, NOP, window scale 7 (RFC 9293 §3.2, RFC 2018, RFC 7323)
            b[t + 20] = 2;
            b[t + 21] = 4;
            Bytes.put16be(b, t + 22, MSS);
            b[t + 24] = 4;
            b[t + 25] = 2;
            b[t + 26] = 1;
            b[t + 27] = 1;
            b[t + 28] = 1;
            b[t + 29] = 3;
            b[t + 30] = 3;
            b[t + 31] = 7;
        }
        // payload bytes are zero and add nothing to the sum
        long pseudo = (src >>> 16) + (src & 0xFFFF) + (dst >>> 16) + (dst & 0xFFFF) + 6 + tcpLen + payload;
        Bytes.put16be(b, t + 16, checksum(sum(b, t, tcpLen, pseudo)));
        if (payload > 0) {
            java.util.Arrays.fill(b, t + tcpLen, t + tcpLen + payload, (byte) 0);
        }
        return ETH + total;
    }

    private static long sum(byte[] b, int off, int len, long s) {
        for (int i = off; i < off + len; i += 2) {
            s += Bytes.u16be(b, i);
        }
        return s;
    }

    private static int checksum(long s) {
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) (~s & 0xFFFF);
    }
}
