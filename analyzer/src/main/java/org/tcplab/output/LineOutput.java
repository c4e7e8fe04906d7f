package org.tcplab.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects lines in one reusable StringBuilder and writes them out in large blocks as UTF-8,
 * so that formatting a packet allocates nothing. Output is nearly always ASCII, which is copied
 * byte for byte; only a block holding other characters goes through the UTF-8 encoder.
 */
public final class LineOutput implements AutoCloseable {
    private static final int FLUSH_AT = 1 << 16;
    private final StringBuilder sb = new StringBuilder(FLUSH_AT + 4096);
    private final OutputStream out;
    private final boolean flushEachLine;
    private byte[] bytes = new byte[FLUSH_AT + 4096];

    public LineOutput(OutputStream out, boolean flushEachLine) {
        this.out = out;
        this.flushEachLine = flushEachLine;
    }

    public StringBuilder builder() {
        return sb;
    }

    /** Ends the current line; writes the buffer out when it is full (or at every line when asked). */
    public void endLine() throws IOException {
        sb.append('\n');
        if (flushEachLine || sb.length() >= FLUSH_AT) {
            flush();
        }
    }

    public void flush() throws IOException {
        int n = sb.length();
        if (n > 0) {
            if (bytes.length < n) {
                bytes = new byte[n];
            }
            boolean ascii = true;
            for (int i = 0; i < n; i++) {
                char c = sb.charAt(i);
                if (c >= 0x80) {
                    ascii = false;
                    break;
                }
                bytes[i] = (byte) c;
            }
            if (ascii) {
                out.write(bytes, 0, n);
            } else {
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            sb.setLength(0);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
