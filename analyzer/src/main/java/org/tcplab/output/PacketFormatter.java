package org.tcplab.output;

import org.tcplab.model.PacketView;

/** Writes one analysed packet (one line, or several for details), without the final newline. */
public interface PacketFormatter {
    void format(PacketView packet, ByteSink out);

    /**
     * A formatter like this one with scratch state of its own, for another thread to format other
     * packets with; null when the output of a packet depends on the packets before it.
     */
    default PacketFormatter copy() {
        return null;
    }
}
