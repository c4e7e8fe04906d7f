package org.tcplab.gen.scenario;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One datagram to the segment's broadcast address reaches every host on the segment: the client
 * sends it once (SO_BROADCAST), to ff:ff:ff:ff:ff:ff on the wire, and both peer hosts receive it,
 * each on a socket bound to the wildcard address (a socket bound to its unicast address never
 * sees a broadcast, RFC 919, RFC 1122 §3.3.6). TCP has nothing like it: a connection has two ends.
 */
public final class UdpBroadcast implements Scenario {
    @Override
    public String name() {
        return "udp-broadcast";
    }

    @Override
    public String description() {
        return "one UDP datagram to the segment's broadcast address, received by both other hosts on the client's segment";
    }

    @Override
    public String filter(int port) {
        return "udp port " + port;
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        Hosts h = ctx.hosts();
        ScenarioContext.expect(h.peers() >= 2, "no other hosts on the client's segment: run it over the lab network");
        List<DatagramSocket> receivers = new ArrayList<>();
        try {
            for (int i = 0; i < h.peers(); i++) {
                DatagramSocket r = h.peer(i, () -> new DatagramSocket(new InetSocketAddress(ctx.port())));
                r.setSoTimeout(2000);
                receivers.add(r);
            }
            byte[] hello = "hello, everyone on this segment".getBytes(StandardCharsets.US_ASCII);
            InetAddress broadcast = h.broadcastAddress();
            try (DatagramSocket c = ctx.udpClient()) {
                c.setBroadcast(true);
                c.send(new DatagramPacket(hello, hello.length, broadcast, ctx.port()));
            }
            ctx.say("the client sent one datagram to " + broadcast.getHostAddress() + ":" + ctx.port());
            for (int i = 0; i < receivers.size(); i++) {
                DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
                receivers.get(i).receive(p);
                String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
                ScenarioContext.expect(text.equals("hello, everyone on this segment"), "peer " + (i + 1) + " got " + text);
                ctx.say("peer " + (i + 1) + " (" + h.peerAddress(i).getHostAddress() + ") received it from "
                        + p.getAddress().getHostAddress());
            }
        } finally {
            for (DatagramSocket r : receivers) {
                r.close();
            }
        }
    }
}
