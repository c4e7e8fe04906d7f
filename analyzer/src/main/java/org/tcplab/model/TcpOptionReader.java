package org.tcplab.model;

import org.tcplab.decode.DecodedPacket;
import org.tcplab.tcp.TcpOptions;

/**
 * Finds options in a TCP header's options area (RFC 9293 §3.2) for the catalogue's option fields,
 * without allocating: the offset of the {@code k}-th option of a kind, or -1. Stops at the end of
 * the list or at an option whose length is invalid, as {@link org.tcplab.tcp.TcpOptions#walk} does.
 */
final class TcpOptionReader {
    private TcpOptionReader() {
    }

    /** The options area of TCP layer {@code layer}: {from, to} as captured, or null when it has none. */
    static int optionsFrom(DecodedPacket d, int layer) {
        return d.layerOffset(layer) + 20;
    }

    static int optionsTo(DecodedPacket d, int layer) {
        int off = d.layerOffset(layer);
        if (d.layerEnd(layer) - off < 13) {
            return off + 20;
        }
        int hlen = ((d.layerData(layer)[off + 12] & 0xff) >>> 4) * 4;
        return Math.min(off + hlen, d.layerEnd(layer));
    }

    /** Offset of the {@code k}-th option of {@code kind} with length {@code length} (0: any), or -1. */
    static int find(DecodedPacket d, int layer, int kind, int length, int k) {
        return TcpOptions.find(d.layerData(layer), optionsFrom(d, layer), optionsTo(d, layer), kind, length, k);
    }

    static int count(DecodedPacket d, int layer, int kind, int length) {
        int n = 0;
        while (find(d, layer, kind, length, n) >= 0) {
            n++;
        }
        return n;
    }

    /** How many SACK blocks (RFC 2018 §3) the header carries, over all its SACK options. */
    static int sackBlocks(DecodedPacket d, int layer) {
        int n = 0;
        for (int k = 0; ; k++) {
            int p = find(d, layer, 5, 0, k);
            if (p < 0) {
                return n;
            }
            n += ((d.layerData(layer)[p + 1] & 0xff) - 2) / 8;
        }
    }

    /** Offset of SACK block {@code k} (its left edge; the right edge follows), or -1. */
    static int sackBlock(DecodedPacket d, int layer, int k) {
        for (int o = 0; ; o++) {
            int p = find(d, layer, 5, 0, o);
            if (p < 0) {
                return -1;
            }
            int blocks = ((d.layerData(layer)[p + 1] & 0xff) - 2) / 8;
            if (k < blocks) {
                return p + 2 + 8 * k;
            }
            k -= blocks;
        }
    }
}
