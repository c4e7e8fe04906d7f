package org.tcplab.gen.scenario;

import java.net.Inet4Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tcplab.decode.ChecksumStatus;
import org.tcplab.decode.Checksums;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Layer;
import org.tcplab.decode.PacketDecoder;
import org.tcplab.live.CapturedPacket;
import org.tcplab.live.LiveCapture;
import org.tcplab.live.LiveCaptureOptions;

/**
 * ping, built by hand: ICMP echo requests (type 8, an id, a sequence number, a payload, the
 * checksum computed by pcap4j's builder) injected with libpcap on the client host's interface (lo,
 * or over the lab network its eth0, toward the router); the server's kernel's replies are captured
 * there and matched by id and sequence number; RTT and TTL printed as ping does, and both
 * directions' checksums verified (RFC 792). On loopback the kernel answers an injected request only
 * with route_localnet and accept_local set, which the lab does in its namespace.
 */
public final class IcmpEcho implements Scenario {
    private final int count;
    private final short id;
    /** Where to inject and capture; null for the client host's own interface (lo outside the lab network). */
    private final String interfaceName;

    public IcmpEcho(int count, int id) {
        this(count, id, null);
    }

    public IcmpEcho(int count, int id, String interfaceName) {
        this.count = count;
        this.id = (short) id;
        this.interfaceName = interfaceName;
    }

    @Override
    public String name() {
        return "icmp-echo";
    }

    @Override
    public String description() {
        return count + " ICMP echo requests crafted with pcap4j and injected with libpcap; replies matched by id and seq";
    }

    @Override
    public String filter(int port) {
        return "icmp";
    }

    private String iface(KernelFacts k) {
        return interfaceName != null ? interfaceName : k.iface();
    }

    /** What the kernel drops an echo request injected on lo for, or null when nothing. */
    private String unanswerable(KernelFacts k) {
        return k.injectionOnLoDropped(iface(k));
    }

    @Override
    public List<String> caveats(KernelFacts k) {
        String why = unanswerable(k);
        return why == null ? List.of() : List.of(why + ": expect the requests and no replies");
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        Inet4Address to = (Inet4Address) ctx.address();
        Inet4Address from = (Inet4Address) ctx.hosts().clientAddress();
        String iface = iface(ctx.kernel());
        byte[] payload = new byte[56];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (0x10 + i);
        }
        int replies;
        // the injector first: it refuses an interface that does not exist before anything is captured
        try (Injector out = Injector.on(ctx, iface)) {
            LiveCapture watch = ctx.hosts().client(() -> LiveCapture.start(new LiveCaptureOptions(iface, "icmp and icmp[4:2] == "
                    + (id & 0xFFFF), LiveCaptureOptions.DEFAULT_SNAPLEN, LiveCaptureOptions.PRINTING_BUFFER, true), null, true,
                    2L * count));
            try {
                Thread.sleep(100);
                for (int seq = 1; seq <= count; seq++) {
                    out.echoRequest(from, to, 1000 + seq, id, seq, payload);
                    Thread.sleep(50);
                }
                replies = replies(ctx, watch, to);
            } finally {
                watch.stop();
                watch.close();
            }
        }
        ctx.say(count + " packets transmitted, " + replies + " received");
        String why = unanswerable(ctx.kernel());
        ScenarioContext.expect(replies == count, "only " + replies + " of " + count + " echo requests answered"
                + (why == null ? "" : ": " + why));
    }

    /** The replies the watch saw within 2 s, each matched to its request by id and seq, as ping prints them. */
    private int replies(ScenarioContext ctx, LiveCapture watch, Inet4Address to) throws Exception {
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket d = new DecodedPacket();
        Map<Integer, long[]> sent = new HashMap<>();
        int replies = 0;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (replies < count && System.nanoTime() < deadline) {
            CapturedPacket p = Watch.next(watch, deadline);
            if (p == null) {
                break;
            }
            decoder.decode(p.data(), 0, p.data().length, p.originalLength(), watch.linkType(), d);
            if (d.layer() != Layer.ICMP || d.icmpId() != (id & 0xFFFF)) {
                continue;
            }
            long t = p.epochSeconds() * 1_000_000_000L + p.nanos();
            ChecksumStatus sum = Checksums.transport(d);
            ScenarioContext.expect(sum == ChecksumStatus.GOOD, "bad ICMP checksum on seq " + d.icmpSeq() + ": " + sum);
            if (d.icmpType() == 8) {
                sent.put(d.icmpSeq(), new long[] {t});
            } else if (d.icmpType() == 0 && sent.containsKey(d.icmpSeq())) {
                replies++;
                ctx.say(String.format("%d bytes from %s: icmp_seq=%d ttl=%d time=%.3f ms (checksums good)",
                        d.l4Reported(), to.getHostAddress(), d.icmpSeq(), d.ttl(), (t - sent.get(d.icmpSeq())[0]) / 1e6));
            }
        }
        return replies;
    }
}
