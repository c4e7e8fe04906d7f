package org.tcplab.gen.scenario;

import java.net.Inet4Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV4EchoPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IcmpV4Code;
import org.pcap4j.packet.namednumber.IcmpV4Type;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.util.MacAddress;
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
 * checksum computed by pcap4j's builder) injected with libpcap on loopback; the kernel's replies
 * are captured and matched by id and sequence number; RTT and TTL printed as ping does, and both
 * directions' checksums verified (RFC 792). On loopback the kernel answers an injected request only
 * with route_localnet and accept_local set, which the lab does in its namespace.
 */
public final class IcmpEcho implements Scenario {
    private final int count;
    private final short id;
    private final String interfaceName;

    public IcmpEcho(int count, int id) {
        this(count, id, "lo");
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
        return count + " ICMP echo requests crafted with pcap4j and injected on lo; replies matched by id and seq";
    }

    @Override
    public String filter(int port) {
        return "icmp";
    }

    /** What the kernel drops an echo request injected on lo for, or null when nothing. */
    private String unanswerable(KernelFacts k) {
        return k.injectionOnLoDropped(interfaceName);
    }

    @Override
    public List<String> caveats(KernelFacts k) {
        String why = unanswerable(k);
        return why == null ? List.of() : List.of(why + ": expect the requests and no replies");
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        Inet4Address lo = (Inet4Address) ctx.address();
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket d = new DecodedPacket();
        LiveCapture watch = LiveCapture.start(new LiveCaptureOptions(interfaceName, "icmp and icmp[4:2] == " + (id & 0xFFFF),
                LiveCaptureOptions.DEFAULT_SNAPLEN, LiveCaptureOptions.PRINTING_BUFFER, true), null, true, 2L * count);
        Map<Integer, long[]> sent = new HashMap<>();
        int replies = 0;
        try {
            PcapNetworkInterface nif = Pcaps.getDevByName(interfaceName);
            if (nif == null) {
                throw new ScenarioFailed("no interface named " + interfaceName);
            }
            try (PcapHandle h = nif.openLive(65536, PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS, 100)) {
                Thread.sleep(100);
                for (int seq = 1; seq <= count; seq++) {
                    h.sendPacket(request(lo, seq));
                    Thread.sleep(50);
                }
            }
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
                    ctx.say(String.format("%d bytes from 127.0.0.1: icmp_seq=%d ttl=%d time=%.3f ms (checksums good)",
                            d.l4Reported(), d.icmpSeq(), d.ttl(), (t - sent.get(d.icmpSeq())[0]) / 1e6));
                }
            }
        } finally {
            watch.stop();
            watch.close();
        }
        ctx.say(count + " packets transmitted, " + replies + " received");
        String why = unanswerable(ctx.kernel());
        ScenarioContext.expect(replies == count, "only " + replies + " of " + count + " echo requests answered"
                + (why == null ? "" : ": " + why));
    }

    private EthernetPacket request(Inet4Address lo, int seq) {
        byte[] payload = new byte[56];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (0x10 + i);
        }
        IcmpV4EchoPacket.Builder echo = new IcmpV4EchoPacket.Builder().identifier(id).sequenceNumber((short) seq)
                .payloadBuilder(new UnknownPacket.Builder().rawData(payload));
        IcmpV4CommonPacket.Builder icmp = new IcmpV4CommonPacket.Builder().type(IcmpV4Type.ECHO).code(IcmpV4Code.NO_CODE)
                .payloadBuilder(echo).correctChecksumAtBuild(true);
        IpV4Packet.Builder ip = new IpV4Packet.Builder().version(IpVersion.IPV4).tos(IpV4Rfc791Tos.newInstance((byte) 0))
                .ttl((byte) 64).protocol(IpNumber.ICMPV4).srcAddr(lo).dstAddr(lo).identification((short) (1000 + seq))
                .payloadBuilder(icmp).correctChecksumAtBuild(true).correctLengthAtBuild(true);
        return new EthernetPacket.Builder().srcAddr(MacAddress.getByName("00:00:00:00:00:00"))
                .dstAddr(MacAddress.getByName("00:00:00:00:00:00")).type(EtherType.IPV4).payloadBuilder(ip)
                .paddingAtBuild(true).build();
    }
}
