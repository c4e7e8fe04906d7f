package org.tcplab.output;

import org.tcplab.capture.Frame;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.tcp.TcpAnnotation;

/** Writes one analysed packet as one line (without the newline). */
public interface PacketFormatter {
    void format(Frame frame, DecodedPacket packet, TcpAnnotation tcp, long firstSeconds, int firstNanos, StringBuilder sb);
}
