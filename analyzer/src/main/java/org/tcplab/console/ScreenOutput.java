package org.tcplab.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.tcplab.cli.Cancellation;

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
        if (pager != null && left == 0) {
            int n = pager.more(cancel);
            if (n <= 0 || cancel.isCancelled()) {
                stopped = true;
                line.reset();
                throw new Cancellation.Cancelled();
            }
            left = n;
        }
        String s = line.toString(StandardCharsets.UTF_8);
        line.reset();
        sink.accept(colour ? Colour.line(s) : s);
        left--;
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
