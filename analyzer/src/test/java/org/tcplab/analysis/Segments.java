package org.tcplab.analysis;

import static org.tcplab.decode.Packets.addr;
import static org.tcplab.decode.Packets.ipv4;
import static org.tcplab.decode.Packets.tcp;

import java.util.ArrayList;
import java.util.List;
import org.tcplab.capture.LinkTypes;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.PacketDecoder;
import org.tcplab.tcp.TcpAnnotation;
import org.tcplab.tcp.TcpSegment;
import org.tcplab.tcp.TcpStreamTracker;

/**
 * Feeds hand-built segments of one connection (client 10.0.0.1:40000, server 10.0.0.2:80) through
 * the decoder and the tracker, a millisecond apart, and keeps what each produced.
 */
final class Segments {
    static final int FIN = 0x001;
    static final int SYN = 0x002;
    static final int RST = 0x004;
    static final int PSH = 0x008;
    static final int ACK = 0x010;
    static final long C_ISN = 1000;
    static final long S_ISN = 5000;

    private final PacketDecoder decoder = new PacketDecoder();
    private final ConnectionTracker tracker = new ConnectionTracker();
    private final TcpStreamTracker streams = tracker.streams();
    private final DecodedPacket p = new DecodedPacket();
    private final TcpSegment segment = new TcpSegment();
    /** What the stream tracker and the connection analysis made of the latest segment. */
    final TcpAnnotation a = new TcpAnnotation();
    final ConnectionAnnotation c = new ConnectionAnnotation();
    private long frame;
    private int clientPort = 40000;
    private int serverPort = 80;
    List<Transition> transitions = List.of();

    private boolean nextChecksumBad;

    /** The next segment's checksum is judged wrong (as conns --zeek-checksums finds it). */
    Segments badChecksum() {
        nextChecksumBad = true;
        return this;
    }

    /** The ports of the connection (40000 and 80 unless set, before the first segment). */
    Segments ports(int client, int server) {
        clientPort = client;
        serverPort = server;
        return this;
    }

    /** A segment from the client; seq and ack relative to the ISNs above. */
    Segments client(int flags, long relSeq, long relAck, int len) {
        return send(true, flags, C_ISN + relSeq, S_ISN + relAck, len, 65535);
    }

    Segments server(int flags, long relSeq, long relAck, int len) {
        return send(false, flags, S_ISN + relSeq, C_ISN + relAck, len, 65535);
    }

    Segments send(boolean fromClient, int flags, long seq, long ack, int len, int window) {
        byte[] seg = tcp(fromClient ? clientPort : serverPort, fromClient ? serverPort : clientPort, seq, (flags & ACK) != 0 ? ack : 0, flags, window,
                new byte[0], len);
        byte[] ip = ipv4(fromClient ? addr(10, 0, 0, 1) : addr(10, 0, 0, 2), fromClient ? addr(10, 0, 0, 2) : addr(10, 0, 0, 1),
                6, 0, 0, seg);
        return sendRaw(ip);
    }

    /** An IPv4 datagram as it is. */
    Segments sendRaw(byte[] ip) {
        decoder.decode(ip, 0, ip.length, ip.length, LinkTypes.IPV4, p);
        frame++;
        segment.fill(p, frame * 1_000_000L, frame, ip.length);
        segment.checksumBad(nextChecksumBad);
        nextChecksumBad = false;
        streams.annotate(segment, a);
        tracker.analyse(segment, a, c);
        transitions = new ArrayList<>(c.transitions());
        return this;
    }

    Segments handshake() {
        return client(SYN, 0, 0, 0).server(SYN | ACK, 0, 1, 0).client(ACK, 1, 1, 0);
    }

    TcpState clientState() {
        return c.clientState();
    }

    TcpState serverState() {
        return c.serverState();
    }

    Connection connection() {
        return tracker.connection(a.stream());
    }

    ConnectionTracker tracker() {
        return tracker;
    }
}
