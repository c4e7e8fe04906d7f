package org.tcplab.pipeline;

import java.io.IOException;
import org.tcplab.capture.Frame;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.tcp.TcpAnnotation;

/** Receives every analysed packet; the three views are reused after the call returns. */
@FunctionalInterface
public interface PacketSink {
    /** @return false to stop reading */
    boolean accept(Frame frame, DecodedPacket packet, TcpAnnotation tcp) throws IOException;
}
