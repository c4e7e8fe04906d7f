package org.tcplab.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.tcplab.command.Cancellation;

/**
 * A command's output on its way to the terminal: cut into lines, each coloured when colour is on
 * and handed to {@code sink} (the terminal's writer, or printAbove for a background capture).
 * When {@code pager} is set it stops after a screenful and asks; a cancelled command's next write
 * throws, which ends any command at its next line of output.
 */
final class ScreenOutput extends OutputStream {
    /** Asks at the bottom of a screen whether to go on: the number of lines to show next, 0 to stop. */
    interface Pager {
        int rows();

        /** The screen's width: a longer line wraps and takes more than one row. */
        int columns();

        /** Waits for a key; gives up (0) when {@code cancel} is set meanwhile (Ctrl-C at the pager). */
        int more(Cancellation cancel);
    }

    private final Consumer<String> sink;
    private final boolean colour;
    private final Pager pager;
    private final Cancellation cancel;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int left;
    private boolean stopped;
    private boolean quit;

    ScreenOutput(Consumer<String> sink, boolean colour, Pager pager, Cancellation cancel) {
        this.sink = sink;
        this.colour = colour;
        this.pager = pager;
        this.cancel = cancel;
        this.left = pager == null ? Integer.MAX_VALUE : Math.max(1, pager.rows() - 1);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (cancel.isCancelled() || stopped) {
            throw new Cancellation.Cancelled();
        }
        int end = off + len;
        int from = off;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                line.write(b, from, i - from);
                emit();
                from = i + 1;
            }
        }
        line.write(b, from, end - from);
    }

    private void emit() {
        String s = line.toString(StandardCharsets.UTF_8);
        line.reset();
        int rows = pager == null ? 1 : rowsOf(s, pager.columns());
        if (pager != null && left < rows) {
            int n = pager.more(cancel);
            if (n <= 0 || cancel.isCancelled()) {
                stopped = true;
                quit = !cancel.isCancelled(); // q, not Ctrl-C
                throw new Cancellation.Cancelled();
            }
            left = Math.max(n, rows);
        }
        sink.accept(colour ? Colour.line(s) : s);
        left -= rows;
    }

    /** The rows a line takes on a screen {@code columns} wide (its display width: CJK characters take two). */
    static int rowsOf(String s, int columns) {
        if (columns <= 0) {
            return 1;
        }
        int width = new org.jline.utils.AttributedString(s).columnLength();
        return Math.max(1, (width + columns - 1) / columns);
    }

    /** True when the reader stopped the output at the pager with q (not cancelled with Ctrl-C). */
    boolean quitAtPager() {
        return quit;
    }

    /** The rest of a last line without its newline, once the command is done. */
    synchronized void finish() {
        if (line.size() > 0 && !stopped) {
            String s = line.toString(StandardCharsets.UTF_8);
            line.reset();
            sink.accept(colour ? Colour.line(s) : s);
        }
    }
}
