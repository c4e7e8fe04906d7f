package org.tcplab.gen.scenario;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * Path MTU discovery (RFC 1191), as the classic big_sender does it with IP_PMTUDISC_DO: a UDP
 * datagram that fills the client's own link (1500 bytes) with don't-fragment set leaves, but the
 * router's next link is smaller (1400): it drops the datagram and answers ICMP Fragmentation
 * Needed with the next-hop MTU (type 3, code 4). The client's kernel learns the path MTU, refuses
 * the next datagram of that size (EMSGSIZE), reports 1400 through IP_MTU, and a datagram that fits
 * gets through. TCP over the same path: the server's MSS (1400 - 40) bounds every segment.
 */
public final class Pmtud implements Scenario {
    @Override
    public String name() {
        return "pmtud";
    }

    @Override
    public String description() {
        return "path MTU discovery: a 1500-byte UDP datagram with don't-fragment, the router's Fragmentation Needed"
                + " (next-hop MTU), the path MTU learned (IP_MTU), then a datagram that fits; TCP's MSS over the path";
    }

    @Override
    public String filter(int port) {
        return "port " + port + " or icmp";
    }

    @Override
    public List<String> caveats(KernelFacts k) {
        return k.iface().equals("lo") ? List.of("on one loopback there is no router and no smaller link: the path MTU is"
                + " lo's own and nothing is refused; run it over the lab network: sudo bin/traffic-gen lab --out DIR --net wan"
                + " pmtud") : List.of();
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        int linkMtu = ctx.kernel().mtu(ctx.kernel().iface());
        byte[] big = new byte[linkMtu - 28]; // fills the client's link: 20 (IP) + 8 (UDP) + data = its MTU
        try (DatagramSocket server = ctx.udpServer()) {
            server.setSoTimeout(500);
            try (NativeUdp client = ctx.hosts().client(() -> new NativeUdp((Inet4Address) ctx.address(), ctx.port()))) {
                ScenarioContext.expect(client.send(big) == 0, "the kernel refused the first datagram");
                ctx.say("sent " + big.length + " bytes (" + linkMtu + " with the headers, the client's link MTU) with"
                        + " don't-fragment (IP_PMTUDISC_DO)");
                ScenarioContext.expect(!received(server, big.length), "the " + linkMtu + "-byte datagram arrived: no smaller"
                        + " link on the way");
                ctx.say("it did not arrive: a router on the way could not forward it unfragmented");
                int again = client.send(big);
                ScenarioContext.expect(again == NativeUdp.EMSGSIZE, "the second send was not refused as too big (errno "
                        + again + ")");
                int mtu = client.pathMtu();
                ctx.say("the second send was refused, Message too long (EMSGSIZE): the router's Fragmentation Needed taught"
                        + " the kernel the path MTU, " + mtu + " (IP_MTU)");
                ScenarioContext.expect(mtu < linkMtu, "the path MTU is still " + mtu);
                byte[] fits = new byte[mtu - 28];
                int sent = client.send(fits);
                if (sent == NativeUdp.EMSGSIZE) {
                    // the ICMP's error was still pending on the socket (so_error), reported once, by
                    // this call; the size check itself passed
                    ctx.say("the ICMP's error, still pending on the socket, came back once more (EMSGSIZE); sending again");
                    sent = client.send(fits);
                }
                ScenarioContext.expect(sent == 0, "the kernel refused a datagram of the path MTU (errno " + sent + ")");
                ScenarioContext.expect(received(server, fits.length), "the " + mtu + "-byte datagram did not arrive");
                ctx.say("sent " + fits.length + " bytes (" + mtu + " with the headers): it arrived");
            }
        }
        try (ServerSocket listener = ctx.listen(ctx.port(), 5); Socket c = ctx.connect(); Socket s = listener.accept()) {
            int mss = ctx.kernel().sendMss(ctx.port());
            ctx.say("TCP over the same path: the client sends segments of at most " + mss + " bytes (ss -ti), the server's"
                    + " MSS for its " + ctx.serverKernel().mtu(ctx.serverKernel().iface()) + "-byte link");
        }
    }

    /** Whether a datagram of this length reached the server within its timeout. */
    private static boolean received(DatagramSocket server, int length) throws Exception {
        byte[] buf = new byte[65535];
        try {
            while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                server.receive(p);
                if (p.getLength() == length) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
