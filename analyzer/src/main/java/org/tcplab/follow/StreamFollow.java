package org.tcplab.follow;

import java.util.ArrayList;
import java.util.List;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.model.PacketView;
import org.tcplab.wire.Bytes;
import org.tcplab.wire.IpEndpoint;
import org.tcplab.wire.TcpFlags;

/**
 * Follows one TCP stream (tshark's tcp.stream) or UDP stream (udp.stream) through a capture:
 * fed every packet, it keeps that stream's payload as Wireshark's Follow Stream shows it.
 */
public final class StreamFollow {
    private final boolean tcp;
    private final int stream;
    private final TcpFollower follower = new TcpFollower();
    private final List<Chunk> udpChunks = new ArrayList<>();
    private IpEndpoint node0;
    private IpEndpoint node1;

    public StreamFollow(boolean tcp, int stream) {
        this.tcp = tcp;
        this.stream = stream;
    }

    /** Takes the packet if it belongs to the stream. */
    public void accept(PacketView v) {
        DecodedPacket p = v.packet();
        if (tcp) {
            // the segment's own TCP header, with its length known (not a quote, not a fragment)
            if (!v.tcp().hasStream() || v.tcp().stream() != stream || !p.hasSegmentLength() || !v.tcp().relative()) {
                return;
            }
            IpEndpoint src = new IpEndpoint(p.ipVersion(), p.srcHi(), p.srcLo(), p.sport());
            int d = side(src, new IpEndpoint(p.ipVersion(), p.dstHi(), p.dstLo(), p.dport()));
            int flags = p.tcpFlags();
            long ack = (flags & TcpFlags.ACK) != 0 ? v.tcp().ack() : p.ack();
            int off = p.l4Offset() + p.tcpHeaderLength();
            int len = Math.max(0, Math.min(p.payloadLength(), p.l4Captured() - p.tcpHeaderLength()));
            follower.segment(d, v.tcp().seq(), ack, (flags & TcpFlags.SYN) != 0, p.payloadLength(), p.l4Data(), off, len,
                    v.frame().number());
            return;
        }
        for (int k = 0; k < v.udp().count(); k++) {
            int layer = v.udp().layer(k);
            if (v.udp().stream(k) != stream || p.layerQuoted(layer)) {
                continue; // a datagram an ICMP error quotes is not followed, as in tshark
            }
            // tshark's follow tap reads the packet's addresses and ports after the whole packet is
            // dissected: the innermost IP header's and the innermost ports (an L2TP tunnel's payload)
            int d = side(new IpEndpoint(p.ipVersion(), p.srcHi(), p.srcLo(), p.sport()),
                    new IpEndpoint(p.ipVersion(), p.dstHi(), p.dstLo(), p.dport()));
            byte[] b = p.layerData(layer);
            int o = p.layerOffset(layer);
            int length = Bytes.u16be(b, o + 4);
            if (length == 8) {
                return; // an empty datagram: tshark's UDP dissector stops before its follow tap
            }
            int captured = p.layerEnd(layer) - o - 8;
            int n = Math.max(0, Math.min(captured, length == 0 ? captured : length - 8));
            udpChunks.add(new Chunk(d, v.frame().number(), org.tcplab.wire.ByteString.copyOf(b, o + 8, n), 0));
            return;
        }
    }

    private int side(IpEndpoint src, IpEndpoint dst) {
        if (node0 == null) {
            node0 = src;
            node1 = dst;
        }
        return src.equals(node0) ? 0 : 1;
    }

    public FollowedStream result() {
        return new FollowedStream(tcp, stream, node0, node1, List.copyOf(tcp ? follower.chunks : udpChunks),
                tcp ? follower.trailing() : List.of());
    }
}
