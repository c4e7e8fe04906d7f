package org.tcplab.follow;

import org.tcplab.wire.ByteString;

/**
 * One piece of a followed stream, in the order Wireshark's Follow Stream shows them: bytes one
 * side sent, or a gap the capture missed.
 *
 * @param node  0 for the side that sent the stream's first packet, 1 for the other
 * @param frame the frame the bytes came in (for a gap, the frame whose ACK revealed it)
 * @param data  the bytes; for a gap, the text tshark writes in its place ("[N bytes missing in capture file]")
 * @param gap   for a gap, how many bytes are missing; 0 for data
 */
public record Chunk(int node, long frame, ByteString data, long gap) {
    public boolean isGap() {
        return gap != 0;
    }
}
