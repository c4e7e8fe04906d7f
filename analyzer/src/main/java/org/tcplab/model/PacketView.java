package org.tcplab.model;

import org.tcplab.analysis.ConnectionAnnotation;
import org.tcplab.capture.Frame;
import org.tcplab.decode.DecodedPacket;
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
    private long firstSeconds;
    private int firstNanos;
    /** Checksum results for the current packet, computed on first use (see {@link Checks}). */
    final Checks checks = new Checks();

    public PacketView() {
        this(new Frame(), new DecodedPacket(), new TcpAnnotation(), new ConnectionAnnotation());
    }

    public PacketView(Frame frame, DecodedPacket packet, TcpAnnotation tcp, ConnectionAnnotation connection) {
        this.frame = frame;
        this.packet = packet;
        this.tcp = tcp;
        this.connection = connection;
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

    /** Epoch nanoseconds of this frame. */
    public long timeNanos() {
        return frame.epochSeconds() * 1_000_000_000L + frame.nanos();
    }

    /** Marks the view as holding a new packet: cached results of the previous one are dropped. */
    public void changed() {
        checks.clear();
    }
}
