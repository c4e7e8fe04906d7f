package org.tcplab.gen.scenario;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * UDP echo: the server answers each datagram with "Your data was N bytes long". No handshake, no
 * teardown, no acknowledgements: two datagrams per exchange. With {@code bytes} above the MTU the
 * datagram travels as IP fragments (RFC 791 §2.3), reassembled by the receiver.
 */
public final class UdpEcho implements Scenario {
    private final String name;
    private final int bytes;
    private final int rounds;

    public UdpEcho(String name, int bytes, int rounds) {
        this.name = name;
        this.bytes = bytes;
        this.rounds = rounds;
    }

    @Override
    public String name() {
        return name;
    }

    /** Whether the datagram is meant to be fragmented: larger than a 1500-byte MTU holds (1500 - 20 - 8). */
    private boolean fragments() {
        return bytes > 1472;
    }

    @Override
    public String description() {
        return fragments() ? "one " + bytes + "-byte UDP datagram, larger than the MTU: IP fragments"
                : rounds + " UDP request/reply pairs: no handshake, no teardown, no ACKs";
    }

    @Override
    public String filter(int port) {
        // non-first fragments carry no UDP header, so no port: keep every fragment too
        return "udp port " + port + " or (ip[6:2] & 0x1fff != 0)";
    }

    @Override
    public List<String> caveats(KernelFacts k) {
        int mtu = k.mtu(k.iface());
        if (fragments() && bytes + 28 <= mtu) {
            return List.of(k.iface() + " here has MTU " + mtu + ": the " + bytes + "-byte datagram fits in one packet and"
                    + " is not fragmented");
        }
        return List.of();
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        long fragsBefore = ctx.kernel().ipCounter("FragCreates");
        long reassembledBefore = ctx.serverKernel().ipCounter("ReasmOKs");
        try (DatagramSocket server = ctx.udpServer();
             DatagramSocket client = ctx.udpClient()) {
            client.setSoTimeout(2000);
            Thread t = new Thread(() -> {
                try {
                    byte[] buf = new byte[65535];
                    for (int i = 0; i < rounds; i++) {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        server.receive(p);
                        byte[] reply = ("Your data was " + p.getLength() + " bytes long").getBytes(StandardCharsets.US_ASCII);
                        server.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            byte[] data = new byte[bytes];
            byte[] buf = new byte[1024];
            for (int i = 0; i < rounds; i++) {
                client.send(new DatagramPacket(data, data.length, ctx.address(), ctx.port()));
                DatagramPacket reply = new DatagramPacket(buf, buf.length);
                client.receive(reply);
                String text = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII);
                ctx.say("sent " + bytes + " bytes, got: " + text);
                ScenarioContext.expect(text.equals("Your data was " + bytes + " bytes long"), "unexpected reply " + text);
            }
            t.join();
        }
        if (fragments()) {
            // the kernel's own IP counters (RFC 4293's ipSystemStatsOutFragCreates, ReasmOKs) say
            // whether it fragmented; namespace-wide, so other traffic could only add to them
            long made = ctx.kernel().ipCounter("FragCreates") - fragsBefore;
            long reassembled = ctx.serverKernel().ipCounter("ReasmOKs") - reassembledBefore;
            ScenarioContext.expect(made > 0, "the kernel did not fragment the " + bytes + "-byte datagram (FragCreates in"
                    + " /proc/net/snmp did not move): " + ctx.kernel().iface() + "'s MTU is " + ctx.kernel().mtu(ctx.kernel().iface()));
            ctx.say("the kernel cut it into " + made + " IP fragments and the receiver reassembled " + reassembled
                    + " datagram" + (reassembled == 1 ? "" : "s") + " (FragCreates, ReasmOKs in /proc/net/snmp)");
        }
    }
}
