package org.tcplab.model;

import static org.tcplab.model.Catalogue.field;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tcplab.decode.Layer;
import org.tcplab.model.Field.Type;

/**
 * HTTP/1.x as the payload of a TCP segment shows it: the start line that begins a message, a
 * request line ("GET /index.html HTTP/1.1", RFC 9112 §3) or a status line ("HTTP/1.1 404 Not
 * Found", §4), recognised on any port by its shape. Wireshark decodes HTTP on its known ports
 * only; this is our own field, for the lab's server on 6000 and up.
 */
public final class HttpFields {
    private HttpFields() {
    }

    /** RFC 9110 §9's methods: a request line starts with one of them and a space. */
    private static final byte[][] STARTS = bytes("GET ", "HEAD ", "POST ", "PUT ", "DELETE ", "CONNECT ", "OPTIONS ", "TRACE ",
            "PATCH ", "HTTP/1.0 ", "HTTP/1.1 ");
    /** Longest start line we show (the rest of a long URI is cut). */
    private static final int MAX_LINE = 200;

    private static byte[][] bytes(String... s) {
        byte[][] out = new byte[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /** The length of the start line at the payload's beginning (without CR LF), or 0 when there is none. */
    static int startLineLength(PacketView v) {
        if (v.packet().layer() != Layer.TCP || TcpFields.payloadLength(v) < 12) {
            return 0; // most segments: no data, or too little for a start line; nothing read
        }
        Slice s = new Slice();
        TcplabFields.payload(v, s);
        byte[] b = s.data();
        int off = s.offset();
        int n = s.length();
        if (b == null || n < 12) {
            return 0;
        }
        boolean starts = false;
        for (byte[] start : STARTS) {
            if (n >= start.length && startsWith(b, off, start)) {
                starts = true;
                break;
            }
        }
        if (!starts) {
            return 0;
        }
        for (int i = 0; i < Math.min(n, MAX_LINE + 2); i++) {
            byte c = b[off + i];
            if (c == '\r' || c == '\n') {
                return i;
            }
            if (c < 0x20 || c > 0x7e) {
                return 0; // not text: not a start line
            }
        }
        return n <= MAX_LINE ? n : MAX_LINE;
    }

    private static boolean startsWith(byte[] b, int off, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    public static final Field START_LINE = field("tcplab.http_line", "HTTP start line", Type.STRING)
            .count(v -> startLineLength(v) > 0 ? 1 : 0).text((v, k) -> {
                Slice s = new Slice();
                TcplabFields.payload(v, s);
                return new String(s.data(), s.offset(), startLineLength(v), StandardCharsets.US_ASCII);
            }).about("the HTTP/1.x request or status line that begins the segment's data (RFC 9112 §3, §4)").build();

    static final List<Field> ALL = List.of(START_LINE);
}
