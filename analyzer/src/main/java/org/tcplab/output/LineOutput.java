package org.tcplab.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Collects lines in one reusable StringBuilder and writes them out in large blocks as UTF-8,
 * so that formatting a packet allocates nothing.
 */
public final class LineOutput implements AutoCloseable {
    private static final int FLUSH_AT = 1 << 16;
    private final StringBuilder sb = new StringBuilder(FLUSH_AT + 4096);
    private final Writer writer;
    private final boolean flushEachLine;
    private char[] chars = new char[FLUSH_AT + 4096];

    public LineOutput(OutputStream out, boolean flushEachLine) {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
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
            if (chars.length < n) {
                chars = new char[n];
            }
            sb.getChars(0, n, chars, 0);
            writer.write(chars, 0, n);
            sb.setLength(0);
        }
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
