package org.tcplab.pipeline;

import java.io.IOException;
import org.tcplab.model.PacketView;

/** Receives every analysed packet; the view is reused after the call returns. */
@FunctionalInterface
public interface PacketSink {
    /** @return false to stop reading */
    boolean accept(PacketView packet) throws IOException;
}
