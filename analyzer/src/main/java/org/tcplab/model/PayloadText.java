package org.tcplab.model;

/**
 * A payload as text, the way tcpdump -A prints it: printable ASCII, spaces, tabs and line ends as
 * they are (a CR before an LF dropped), well-formed UTF-8 sequences as their characters, and a dot
 * for every other byte. So {@code Welcome!\r\n} reads as "Welcome!" and a line end.
 */
public final class PayloadText {
    private PayloadText() {
    }

    public static String render(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                if (c == '\r') {
                    if (i + 1 >= end || b[i + 1] != '\n') {
                        sb.append('.');
                    }
                } else if ((c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n') {
                    sb.append((char) c);
                } else {
                    sb.append('.');
                }
                i++;
                continue;
            }
            int cp = utf8(b, i, end);
            if (cp < 0) {
                sb.append('.');
                i++;
            } else {
                sb.appendCodePoint(cp);
                i += cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            }
        }
        return sb.toString();
    }

    /** The printable code point of the well-formed UTF-8 sequence at {@code i} (RFC 3629 §4), or -1. */
    private static int utf8(byte[] b, int i, int end) {
        int c = b[i] & 0xff;
        int n;
        int cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return -1;
        }
        if (i + n >= end) {
            return -1; // cut off by the end of the payload
        }
        for (int k = 1; k <= n; k++) {
            int cc = b[i + k] & 0xff;
            if ((cc & 0xC0) != 0x80) {
                return -1;
            }
            cp = cp << 6 | (cc & 0x3F);
        }
        boolean overlong = (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || Character.isISOControl(cp)
                || !Character.isDefined(cp)) {
            return -1;
        }
        return cp;
    }
}
