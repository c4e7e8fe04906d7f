package org.tcplab.model;

import org.tcplab.analysis.ConnectionAnnotation;
import org.tcplab.capture.Frame;
import org.tcplab.conv.IcmpAnnotation;
import org.tcplab.conv.UdpAnnotation;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Proto;
import org.tcplab.tcp.TcpAnnotation;

/**
 * One analysed packet as the reused views hold it: the frame, its decoded headers, the stream
 * tracker's annotation and the connection analysis. Every output, the field catalogue and the
 * display filters read packets through this; {@link Packet#of} copies one out as an immutable
 * value. Valid until the pipeline moves on to the next packet.
 */
public final class PacketView {
    private final Frame frame;
    private final DecodedPacket packet;
    private final TcpAnnotation tcp;
    private final ConnectionAnnotation connection;
    private final UdpAnnotation udp;
    private final IcmpAnnotation icmp = new IcmpAnnotation();
    private long firstSeconds;
    private int firstNanos;
    private long previousNanos;
    /** Checksum results for the current packet, computed on first use (see {@link Checks}). */
    final Checks checks = new Checks();

    public PacketView() {
        this(new Frame(), new DecodedPacket(), new TcpAnnotation(), new ConnectionAnnotation(), new UdpAnnotation());
    }

    public PacketView(Frame frame, DecodedPacket packet, TcpAnnotation tcp, ConnectionAnnotation connection,
                      UdpAnnotation udp) {
        this.frame = frame;
        this.packet = packet;
        this.tcp = tcp;
        this.connection = connection;
        this.udp = udp;
    }

    public Frame frame() {
        return frame;
    }

    public DecodedPacket packet() {
        return packet;
    }

    public TcpAnnotation tcp() {
        return tcp;
    }

    public ConnectionAnnotation connection() {
        return connection;
    }

    /** The echo request an ICMP echo reply answers, and when (icmp.resp_to, icmp.resptime). */
    public IcmpAnnotation icmp() {
        return icmp;
    }

    /** tshark's udp.stream of each UDP header. */
    public UdpAnnotation udp() {
        return udp;
    }

    /** Epoch seconds of the capture's first frame: relative times count from it. */
    public long firstSeconds() {
        return firstSeconds;
    }

    public int firstNanos() {
        return firstNanos;
    }

    public void setFirst(long seconds, int nanos) {
        this.firstSeconds = seconds;
        this.firstNanos = nanos;
    }

    /** Nanoseconds since the capture's first frame (tshark's frame.time_relative). */
    public long relativeNanos() {
        return (frame.epochSeconds() - firstSeconds) * 1_000_000_000L + (frame.nanos() - firstNanos);
    }

    /** Capture time of the frame before this one (epoch nanoseconds); this frame's own for the first. */
    public void setPrevious(long nanos) {
        this.previousNanos = nanos;
    }

    /** Nanoseconds since the previous frame (tshark's frame.time_delta). */
    public long deltaNanos() {
        return timeNanos() - previousNanos;
    }

    /** Epoch nanoseconds of this frame. */
    public long timeNanos() {
        return frame.epochSeconds() * 1_000_000_000L + frame.nanos();
    }

    /** How many layers of protocol {@code p} the packet has (an ICMP error's quote included). */
    public int layers(Proto p) {
        int n = 0;
        for (int i = 0, c = packet.layerCount(); i < c; i++) {
            if (packet.layerProto(i) == p) {
                n++;
            }
        }
        return n;
    }

    /** The index in the packet's layer list of the {@code k}-th layer of protocol {@code p}, or -1. */
    public int layer(Proto p, int k) {
        for (int i = 0, c = packet.layerCount(); i < c; i++) {
            if (packet.layerProto(i) == p && k-- == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Captured bytes of layer {@code i} from its start. */
    public int layerCaptured(int i) {
        return packet.layerEnd(i) - packet.layerOffset(i);
    }

    /** Marks the view as holding a new packet: cached results of the previous one are dropped. */
    public void changed() {
        checks.clear();
    }
}
