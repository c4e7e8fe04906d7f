package org.tcplab.command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Where a command writes and what stops it. The one-shot CLI writes to the process's standard
 * output and error; the console gives each command the terminal instead (and a background capture
 * a writer that prints above the prompt), so no command opens {@code FileDescriptor.out} itself.
 *
 * <p>The current {@code Io} belongs to the thread that runs the command; it is looked up once per
 * command, never per packet.
 */
public final class Io {
    private static final ThreadLocal<Io> CURRENT = new ThreadLocal<>();
    private static final Io PROCESS = new Io(new FileOutputStream(FileDescriptor.out), null, new Cancellation(), true, false);

    private final OutputStream out;
    private final PrintStream err;
    private final Cancellation cancel;
    private final boolean process;
    private final boolean background;

    private Io(OutputStream out, PrintStream err, Cancellation cancel, boolean process, boolean background) {
        this.out = out;
        this.err = err;
        this.cancel = cancel;
        this.process = process;
        this.background = background;
    }

    /** Output to {@code out} and {@code err}, stopped by {@code cancel}: the console's Io for one command. */
    public static Io of(OutputStream out, PrintStream err, Cancellation cancel) {
        return new Io(out, err, cancel, false, false);
    }

    /** The same for a command the console runs in the background (stopped by a command, not Ctrl-C). */
    public static Io background(OutputStream out, PrintStream err, Cancellation cancel) {
        return new Io(out, err, cancel, false, true);
    }

    /** The Io of the command running on this thread: the process's streams unless the console set one. */
    public static Io current() {
        Io io = CURRENT.get();
        return io == null ? PROCESS : io;
    }

    /** Runs {@code body} with {@code io} as this thread's Io. */
    public static <T> T with(Io io, Callable<T> body) throws Exception {
        Io before = CURRENT.get();
        CURRENT.set(io);
        try {
            return body.call();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /**
     * The command's standard output. Closing it only flushes: the stream underneath belongs to the
     * process or the terminal, and a command that closes its output must not close theirs.
     */
    public OutputStream out() {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** {@link #out()} for text: UTF-8, flushed at each line. */
    public PrintStream printer() {
        return new PrintStream(out(), true, StandardCharsets.UTF_8);
    }

    /** The command's error output; the process's is System.err as it is now (a test may have replaced it). */
    public PrintStream err() {
        return err != null ? err : System.err;
    }

    public Cancellation cancel() {
        return cancel;
    }

    /** True for a command running behind the console's prompt. */
    public boolean isBackground() {
        return background;
    }

    /** True for the one-shot CLI: the command owns the process (its signals, its terminal). */
    public boolean isProcess() {
        return process;
    }
}
