package org.tcplab.output;

import org.tcplab.model.PacketView;

/** Writes one analysed packet (one line, or several for details), without the final newline. */
public interface PacketFormatter {
    void format(PacketView packet, ByteSink out);
}
