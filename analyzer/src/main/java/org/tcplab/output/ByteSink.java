package org.tcplab.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that text and JSON are written into straight as UTF-8: keys and words as
 * bytes encoded once, numbers digit by digit, so that formatting a packet allocates nothing and the
 * bytes go to the output without another copy. With an output stream it writes itself out in
 * blocks of {@link #FLUSH_AT} bytes at line ends.
 */
public final class ByteSink {
    static final int FLUSH_AT = 1 << 16;
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf;
    private int len;
    private final OutputStream out;
    private final boolean flushEachLine;

    /** A buffer for one caller to fill and read ({@link #toString()}, {@link #bytes()}). */
    public ByteSink() {
        this(null, false);
    }

    public ByteSink(OutputStream out, boolean flushEachLine) {
        this.out = out;
        this.flushEachLine = flushEachLine;
        this.buf = new byte[FLUSH_AT + 8192];
    }

    /** Bytes held. */
    public int length() {
        return len;
    }

    public void setLength(int n) {
        len = n;
    }

    public void clear() {
        len = 0;
    }

    /** The buffer itself (valid up to {@link #length()}). */
    public byte[] bytes() {
        return buf;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    public ByteSink put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    public ByteSink put(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /**
     * Bytes formatted elsewhere, as they are: with an output stream a large block is written to it
     * straight (after what this holds), instead of being copied in first.
     */
    public void putBlock(byte[] b, int off, int n) throws IOException {
        if (out != null && len + n > FLUSH_AT) {
            if (len > 0) {
                out.write(buf, 0, len);
                len = 0;
            }
            out.write(b, off, n);
            if (flushEachLine) {
                out.flush();
            }
            return;
        }
        put(b, off, n);
        flushIfFull();
    }

    /** One ASCII character. */
    public ByteSink put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    public ByteSink spaces(int n) {
        ensure(Math.max(n, 0));
        for (int i = 0; i < n; i++) {
            buf[len++] = ' ';
        }
        return this;
    }

    /**
     * A string of the program's own whose every character is ASCII (a literal, a label, a key, a
     * Zeek history), copied in one call: C1, which compiles {@code conns}, runs {@link #put(String)}
     * a character at a time through charAt and its checks, which were half of formatting the conns
     * table. Text from a capture, a user or a resource bundle goes through {@link #put(String)}.
     */
    @SuppressWarnings("deprecation")
    public ByteSink putAscii(String s) {
        assert s.chars().allMatch(c -> c < 0x80) : "not ASCII: " + s;
        int n = s.length();
        ensure(n);
        // each character's low eight bits, which for ASCII are the character
        s.getBytes(0, n, buf, len);
        len += n;
        return this;
    }

    /** A string as UTF-8. */
    public ByteSink put(String s) {
        int n = s.length();
        ensure(n * 3);
        byte[] b = buf;
        int p = len;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                len = p;
                for (int j = i; j < n; ) {
                    j = encode(s, j);
                }
                return this;
            }
            b[p++] = (byte) c;
        }
        len = p;
        return this;
    }

    /** Encodes the character at {@code i} (with its low surrogate) as UTF-8; returns the next index. Room is ensured. */
    private int encode(String s, int i) {
        char c = s.charAt(i);
        byte[] b = buf;
        int p = len;
        if (c < 0x80) {
            b[p++] = (byte) c;
        } else if (c < 0x800) {
            b[p++] = (byte) (0xC0 | c >> 6);
            b[p++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(++i));
            b[p++] = (byte) (0xF0 | cp >> 18);
            b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
            b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[p++] = (byte) (0x80 | cp & 0x3F);
        } else {
            b[p++] = (byte) (0xE0 | c >> 12);
            b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
            b[p++] = (byte) (0x80 | c & 0x3F);
        }
        len = p;
        return i + 1;
    }

    public ByteSink put(CharSequence s) {
        return put(s.toString());
    }

    /** A decimal number, two digits at a time. */
    public ByteSink put(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return put(Long.toString(v));
            }
            put('-');
            v = -v;
        }
        ensure(20);
        byte[] b = buf;
        if (v < 10) {
            b[len++] = (byte) ('0' + v);
            return this;
        }
        if (v <= Integer.MAX_VALUE) {
            // most numbers: 32-bit division by a constant is a multiply, 64-bit is not
            putInt((int) v);
            return this;
        }
        int p = len + digits(v);
        len = p;
        while (v >= 100) {
            int r = (int) (v % 100) << 1;
            v /= 100;
            b[--p] = PAIRS[r + 1];
            b[--p] = PAIRS[r];
        }
        if (v >= 10) {
            int r = (int) v << 1;
            b[--p] = PAIRS[r + 1];
            b[--p] = PAIRS[r];
        } else {
            b[--p] = (byte) ('0' + v);
        }
        return this;
    }

    private void putInt(int v) {
        byte[] b = buf;
        int p = len + digits(v);
        len = p;
        while (v >= 100) {
            int q = v / 100;
            int r = (v - q * 100) << 1;
            v = q;
            b[--p] = PAIRS[r + 1];
            b[--p] = PAIRS[r];
        }
        if (v >= 10) {
            int r = v << 1;
            b[--p] = PAIRS[r + 1];
            b[--p] = PAIRS[r];
        } else {
            b[--p] = (byte) ('0' + v);
        }
    }

    /** "00" to "99", for writing numbers two digits at a time. */
    private static final byte[] PAIRS = pairs();

    private static byte[] pairs() {
        byte[] p = new byte[200];
        for (int i = 0; i < 100; i++) {
            p[2 * i] = (byte) ('0' + i / 10);
            p[2 * i + 1] = (byte) ('0' + i % 10);
        }
        return p;
    }

    /** Decimal digits of {@code v}, which is not negative. */
    static int digits(long v) {
        if (v < 100_000L) {
            return v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : 5;
        }
        if (v < 10_000_000_000L) {
            return v < 1_000_000L ? 6 : v < 10_000_000L ? 7 : v < 100_000_000L ? 8 : v < 1_000_000_000L ? 9 : 10;
        }
        int d = 11;
        long x = 100_000_000_000L;
        while (d < 19 && v >= x) {
            d++;
            x *= 10;
        }
        return d;
    }

    /** {@code value} in decimal, zero-padded to {@code width} digits. */
    public ByteSink putPadded(long value, int width) {
        int d = digits(value);
        for (int i = d; i < width; i++) {
            put('0');
        }
        return put(value);
    }

    /** Lower-case hexadecimal, zero-padded to {@code width} digits. */
    public ByteSink putHex(long value, int width) {
        int d = 1;
        while (d < 16 && (value >>> (4 * d)) != 0) {
            d++;
        }
        int n = Math.max(d, width);
        ensure(n);
        for (int i = n - 1; i >= 0; i--) {
            buf[len + i] = DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
        len += n;
        return this;
    }

    /** Two hexadecimal digits of one byte. */
    public ByteSink putHexByte(int b) {
        ensure(2);
        buf[len++] = DIGITS[(b >>> 4) & 0xF];
        buf[len++] = DIGITS[b & 0xF];
        return this;
    }

    /** An IPv4 (family 4) or IPv6 address (RFC 5952). */
    public ByteSink putAddress(int family, long hi, long lo) {
        ensure(org.tcplab.wire.Addresses.MAX_LENGTH);
        len = org.tcplab.wire.Addresses.write(buf, len, family, hi, lo);
        return this;
    }

    /** "address:port", an IPv6 address in brackets (RFC 5952 §6); the address alone when port < 0. */
    public ByteSink putEndpoint(int family, long hi, long lo, int port) {
        if (port < 0) {
            return putAddress(family, hi, lo);
        }
        if (family == 6) {
            put('[').putAddress(family, hi, lo).put(']');
        } else {
            putAddress(family, hi, lo);
        }
        return put(':').put(port);
    }

    public ByteSink putEther(long mac) {
        ensure(17);
        len = org.tcplab.wire.Addresses.writeEther(buf, len, mac);
        return this;
    }

    /** Seconds and nanoseconds as "S.NNNNNNNNN" (nine digits). */
    public ByteSink putSeconds(long seconds, int nanos) {
        return put(seconds).put('.').putPadded(nanos, 9);
    }

    /** A signed duration in nanoseconds as seconds with {@code digits} (1 to 9) fractional digits, truncated. */
    public ByteSink putDuration(long nanos, int digits) {
        return putUnits(nanos, 1_000_000_000L, 9, digits);
    }

    /** A signed duration in nanoseconds as milliseconds with {@code digits} (1 to 6) fractional digits, truncated. */
    public ByteSink putMillis(long nanos, int digits) {
        return putUnits(nanos, 1_000_000L, 6, digits);
    }

    /** {@code nanos} in units of {@code unit} nanoseconds ({@code places} decimal places), {@code digits} of them shown. */
    private ByteSink putUnits(long nanos, long unit, int places, int digits) {
        if (nanos < 0) {
            put('-');
            nanos = -nanos;
        }
        long div = 1;
        for (int i = digits; i < places; i++) {
            div *= 10;
        }
        return put(nanos / unit).put('.').putPadded((nanos % unit) / div, digits);
    }

    /** What was written since {@code from}, left-aligned in {@code width} columns (never cut), then a space. */
    public ByteSink left(int from, int width) {
        return spaces(width - (len - from)).put(' ');
    }

    /** What was written since {@code from}, right-aligned in {@code width} columns (never cut), then a space. */
    public ByteSink right(int from, int width) {
        int pad = width - (len - from);
        if (pad > 0) {
            ensure(pad);
            System.arraycopy(buf, from, buf, from + pad, len - from);
            Arrays.fill(buf, from, from + pad, (byte) ' ');
            len += pad;
        }
        return put(' ');
    }

    /** A JSON string: quoted, with RFC 8259 §7 escapes. */
    public ByteSink putJson(String s) {
        int n = s.length();
        ensure(n * 6 + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        int i = 0;
        // the common case: printable ASCII that needs no escape, copied straight
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            b[p++] = (byte) c;
        }
        len = p;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                i = encode(s, i);
                continue;
            }
            buf[len++] = '\\';
            switch (c) {
                case '"' -> buf[len++] = '"';
                case '\\' -> buf[len++] = '\\';
                case '\n' -> buf[len++] = 'n';
                case '\r' -> buf[len++] = 'r';
                case '\t' -> buf[len++] = 't';
                default -> {
                    buf[len++] = 'u';
                    buf[len++] = '0';
                    buf[len++] = '0';
                    buf[len++] = DIGITS[c >>> 4];
                    buf[len++] = DIGITS[c & 0xF];
                }
            }
            i++;
        }
        buf[len++] = '"';
        return this;
    }

    /** Ends a line: a newline, then writes the buffer out when it is full (or at every line when asked). */
    public void endLine() throws IOException {
        put('\n');
        flushIfFull();
    }

    public void flushIfFull() throws IOException {
        if (out != null && (flushEachLine || len >= FLUSH_AT)) {
            flush();
        }
    }

    /** Writes what is buffered to the output stream. */
    public void flush() throws IOException {
        if (out != null) {
            if (len > 0) {
                out.write(buf, 0, len);
                len = 0;
            }
            out.flush();
        }
    }

    /** The bytes held, decoded as UTF-8. */
    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
}
