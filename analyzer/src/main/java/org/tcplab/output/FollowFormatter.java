package org.tcplab.output;

import org.tcplab.follow.Chunk;
import org.tcplab.follow.FollowedStream;
import org.tcplab.model.PayloadText;
import org.tcplab.wire.ByteString;
import org.tcplab.wire.IpEndpoint;

/**
 * A followed stream as {@code tshark -q -z follow,tcp,MODE,N} prints it (ui/cli/tap-follow.c):
 * ascii (each chunk's length, then its bytes with a dot for the unprintable), hex (offset, hex and
 * characters, sixteen bytes a line), raw (hex); node 1's lines indented by a tab. JSON is ours: each
 * chunk with its node, frame, bytes as text and hex, and the gaps, also those tshark leaves out.
 */
public final class FollowFormatter {
    public enum Mode { ascii, hex, raw, json }

    private static final String RULE = "===================================================================\n";

    private FollowFormatter() {
    }

    public static void write(FollowedStream s, Mode mode, ByteSink out) {
        if (mode == Mode.json) {
            json(s, out);
            return;
        }
        String proto = s.tcp() ? "tcp" : "udp";
        out.put('\n').put(RULE).put("Follow: ").put(proto).put(',').put(mode.name()).put('\n')
                .put("Filter: ").put(proto).put(".stream eq ").put(s.stream()).put('\n');
        node(out, 0, s.node0());
        node(out, 1, s.node1());
        long[] offset = new long[2];
        for (Chunk c : s.chunks()) {
            String indent = c.node() == 1 ? "\t" : "";
            ByteString d = c.data();
            switch (mode) {
                case ascii -> {
                    out.put(indent).put(d.length()).put('\n');
                    for (int i = 0; i < d.length(); i++) {
                        int b = d.byteAt(i);
                        out.put(b == '\n' || b == '\r' || (b >= 0x20 && b < 0x7f) ? (char) b : '.');
                    }
                    out.put('\n');
                }
                case raw -> {
                    out.put(indent);
                    for (int i = 0; i < d.length(); i++) {
                        out.putHexByte(d.byteAt(i));
                    }
                    out.put('\n');
                }
                default -> hex(out, indent, d, offset[c.node()]);
            }
            offset[c.node()] += d.length();
        }
        out.put(RULE);
    }

    private static void node(ByteSink out, int n, IpEndpoint e) {
        out.put("Node ").put(n).put(": ");
        if (e == null) {
            out.put(":0");
        } else {
            out.putEndpoint(e.family(), e.hi(), e.lo(), e.port());
        }
        out.put('\n');
    }

    /** tshark's follow_print_hex: offset in eight upper-case digits, hex then characters, a space after the eighth byte. */
    private static void hex(ByteSink out, String indent, ByteString d, long start) {
        for (int line = 0; line < d.length(); line += 16) {
            int n = Math.min(16, d.length() - line);
            out.put(indent);
            String off = Long.toHexString(start + line).toUpperCase(java.util.Locale.ROOT);
            for (int i = off.length(); i < 8; i++) {
                out.put('0');
            }
            out.put(off).put("  ");
            int width = 0;
            for (int i = 0; i < n; i++) {
                out.putHexByte(d.byteAt(line + i)).put(' ');
                width += 3;
                if (i == 7) {
                    out.put(' ');
                    width++;
                }
            }
            out.spaces(50 - width);
            int start2 = out.length();
            for (int i = 0; i < n; i++) {
                int b = d.byteAt(line + i);
                out.put(b >= 0x20 && b < 0x7f ? (char) b : '.');
                if (i == 7) {
                    out.put(' ');
                }
            }
            // tshark drops one trailing space of the characters, even a space that is data
            if (out.length() > start2 && out.bytes()[out.length() - 1] == ' ') {
                out.setLength(out.length() - 1);
            }
            out.put('\n');
        }
    }

    private static void json(FollowedStream s, ByteSink out) {
        out.put("{\"proto\":\"").put(s.tcp() ? "tcp" : "udp").put("\",\"stream\":").put(s.stream()).put(",\"nodes\":[");
        jsonNode(out, s.node0());
        out.put(',');
        jsonNode(out, s.node1());
        out.put("],\"chunks\":[");
        boolean first = true;
        for (Chunk c : s.chunks()) {
            first = jsonChunk(out, c, first);
        }
        for (Chunk c : s.trailing()) {
            first = jsonChunk(out, c, first);
        }
        out.put("]}");
    }

    private static void jsonNode(ByteSink out, IpEndpoint e) {
        if (e == null) {
            out.put("null");
            return;
        }
        out.put("{\"address\":\"").putAddress(e.family(), e.hi(), e.lo()).put("\",\"port\":").put(e.port()).put('}');
    }

    private static boolean jsonChunk(ByteSink out, Chunk c, boolean first) {
        if (!first) {
            out.put(',');
        }
        out.put("{\"node\":").put(c.node()).put(",\"frame\":").put(c.frame());
        if (c.isGap()) {
            out.put(",\"gap\":").put(c.gap()).put('}');
            return false;
        }
        byte[] b = c.data().toByteArray();
        out.put(",\"bytes\":").put(b.length).put(",\"text\":").putJson(PayloadText.render(b, 0, b.length))
                .put(",\"hex\":\"").put(c.data().hex()).put("\"}");
        return false;
    }
}
