package org.tcplab.output;

import org.tcplab.decode.DecodedPacket;
import org.tcplab.model.PacketView;

/**
 * The hex and ASCII dump of {@code tshark -x}: 16 bytes a line, offset, hex, then the bytes as
 * characters (a dot for the unprintable). A frame that completed a reassembled datagram is dumped
 * twice, the frame and then the datagram, each under its own heading, as tshark does.
 */
public final class HexDump {
    private HexDump() {
    }

    public static void write(PacketView v, ByteSink out) {
        DecodedPacket p = v.packet();
        byte[] frame = v.frame().data();
        int off = v.frame().offset();
        int len = v.frame().capturedLength();
        if (p.isReassembled() && p.l4Data() != null && p.l4Data() != frame) {
            out.put("Frame (").put(len).put(" bytes):\n");
            dump(frame, off, len, out);
            out.put("Reassembled IPv").put(p.ipVersion()).put(" (").put(p.l4Captured()).put(" bytes):\n");
            dump(p.l4Data(), p.l4Offset(), p.l4Captured(), out);
        } else {
            dump(frame, off, len, out);
        }
    }

    static void dump(byte[] b, int off, int len, ByteSink out) {
        int width = len > 0xFFFF ? 8 : 4;
        for (int line = 0; line < len; line += 16) {
            out.putHex(line, width).put("  ");
            int n = Math.min(16, len - line);
            for (int i = 0; i < 16; i++) {
                if (i < n) {
                    out.putHexByte(b[off + line + i] & 0xff).put(' ');
                } else {
                    out.put("   ");
                }
            }
            out.put("  ");
            for (int i = 0; i < n; i++) {
                int c = b[off + line + i] & 0xff;
                out.put(c >= 0x20 && c < 0x7f ? (char) c : '.');
            }
            out.put('\n');
        }
    }
}
