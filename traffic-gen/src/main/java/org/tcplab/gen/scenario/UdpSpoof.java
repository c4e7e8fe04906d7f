package org.tcplab.gen.scenario;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A reply from an address the client never asked. UDP has no connection: any host can send a
 * datagram to the client's port, and an unconnected socket takes whatever comes. A forged "reply"
 * from a third address (made with pcap4j and injected on the server's side) reaches three clients
 * before the server's real reply: the unconnected one takes it; the connected one never sees it,
 * because its kernel delivers only datagrams from the address it connected to (the forgery gets
 * ICMP Port Unreachable instead, RFC 1122 §4.1.3.1); the one that checks the request id in the
 * reply, as a DNS resolver does, throws it away.
 */
public final class UdpSpoof implements Scenario {
    @Override
    public String name() {
        return "udp-spoof";
    }

    @Override
    public String description() {
        return "a forged UDP reply from an address never asked: the unconnected client takes it, the connected one never"
                + " sees it, the request id catches it";
    }

    @Override
    public String filter(int port) {
        return "udp port " + port + " or icmp";
    }

    @Override
    public List<String> caveats(KernelFacts k) {
        String why = k.injectionOnLoDropped(k.iface());
        return why == null ? List.of() : List.of(why + ": the forged replies will not arrive");
    }

    /** The forger's address: the server's with 99 as its last byte, on the server's own subnet. */
    static Inet4Address forger(InetAddress server) throws Exception {
        byte[] a = server.getAddress();
        a[3] = 99;
        return (Inet4Address) InetAddress.getByAddress(a);
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        Inet4Address forger = forger(ctx.address());
        try (DatagramSocket server = ctx.udpServer();
             DatagramSocket open = ctx.udpClient();
             DatagramSocket connected = ctx.udpClient();
             DatagramSocket checking = ctx.udpClient()) {
            Thread responder = new Thread(() -> {
                byte[] buf = new byte[1500];
                try {
                    for (int i = 0; i < 3; i++) {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        server.receive(p);
                        String request = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
                        byte[] reply = ("reply to " + request).getBytes(StandardCharsets.US_ASCII);
                        server.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                    }
                } catch (Exception e) {
                    // the sockets closed
                }
            }, "udp-spoof-server");
            responder.start();
            InetSocketAddress real = new InetSocketAddress(ctx.address(), ctx.port());
            connected.connect(real);
            for (DatagramSocket s : List.of(open, connected, checking)) {
                s.setSoTimeout(2000);
            }
            // the forgeries first, so that each is waiting before the real reply comes
            try (Injector out = Injector.server(ctx)) {
                Inet4Address client = (Inet4Address) ctx.hosts().clientAddress();
                int i = 0;
                for (DatagramSocket s : List.of(open, connected, checking)) {
                    String id = ++i == 3 ? "999" : Integer.toString(i); // the checking client's forgery has a wrong id
                    out.udp(forger, client, 64, 0x5fee + i, ctx.port(), s.getLocalPort(),
                            ("reply to id=" + id).getBytes(StandardCharsets.US_ASCII));
                }
            }
            ctx.say("forged three replies from " + forger.getHostAddress() + ":" + ctx.port() + ", an address no client asked");
            Thread.sleep(50);

            send(open, real, "id=1");
            DatagramPacket first = receive(open);
            ScenarioContext.expect(first.getAddress().equals(forger), "the unconnected client's first datagram came from "
                    + first.getAddress());
            ctx.say("unconnected client: took \"" + text(first) + "\" from " + first.getAddress().getHostAddress()
                    + ", which it never asked: an unconnected socket takes a datagram from anyone");

            connected.send(new DatagramPacket("id=2".getBytes(StandardCharsets.US_ASCII), 4));
            DatagramPacket second = receive(connected);
            ScenarioContext.expect(second.getAddress().equals(ctx.address()), "the connected client got a datagram from "
                    + second.getAddress());
            ctx.say("connected client: got only \"" + text(second) + "\" from the server; its kernel never delivered the"
                    + " forgery (it answered Port Unreachable)");

            send(checking, real, "id=3");
            int ignored = 0;
            while (true) {
                DatagramPacket p = receive(checking);
                String t = text(p);
                if (t.equals("reply to id=3") && p.getAddress().equals(ctx.address())) {
                    break;
                }
                ignored++;
                ctx.say("checking client: \"" + t + "\" from " + p.getAddress().getHostAddress() + " is not the reply to"
                        + " id=3: ignored");
            }
            ScenarioContext.expect(ignored == 1, "the checking client ignored " + ignored + " datagrams");
            ctx.say("checking client: took \"reply to id=3\" from the server; the request id caught the forgery");
            responder.join(2000);
        }
    }

    private static void send(DatagramSocket s, InetSocketAddress to, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        s.send(new DatagramPacket(b, b.length, to));
    }

    private static DatagramPacket receive(DatagramSocket s) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
        s.receive(p);
        return p;
    }

    private static String text(DatagramPacket p) {
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
    }
}
