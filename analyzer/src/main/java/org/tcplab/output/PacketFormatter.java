package org.tcplab.output;

import org.tcplab.model.PacketView;

/** Writes one analysed packet as one line (without the newline). */
public interface PacketFormatter {
    void format(PacketView packet, StringBuilder sb);
}
