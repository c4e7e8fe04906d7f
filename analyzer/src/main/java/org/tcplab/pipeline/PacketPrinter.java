package org.tcplab.pipeline;

import org.tcplab.model.PacketView;
import org.tcplab.output.ByteSink;

/**
 * What a printing pass does with each analysed packet: writes its output, the final newline
 * included, into a buffer. It reads only the view, so that a second one can print other packets
 * in another thread ({@link TwoCorePass}).
 */
@FunctionalInterface
public interface PacketPrinter {
    /** @return false when the packet is left out (and nothing was written) */
    boolean print(PacketView packet, ByteSink out);
}
