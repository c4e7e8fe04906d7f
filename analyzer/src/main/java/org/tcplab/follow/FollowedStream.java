package org.tcplab.follow;

import java.util.List;
import org.tcplab.wire.IpEndpoint;

/**
 * A TCP or UDP stream's payload as Follow Stream gives it: the two nodes (node 0 sent the
 * stream's first packet) and the chunks in order.
 *
 * @param trailing for TCP, data the capture holds beyond a gap no ACK ever covered: tshark drops
 *                 it; the JSON output shows it after a gap
 */
public record FollowedStream(boolean tcp, int stream, IpEndpoint node0, IpEndpoint node1, List<Chunk> chunks,
                             List<Chunk> trailing) {
    /** No packet of that stream was seen. */
    public boolean empty() {
        return node0 == null;
    }
}
