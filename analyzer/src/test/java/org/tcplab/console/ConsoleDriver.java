package org.tcplab.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The console on a JLine terminal whose keyboard and screen are this test's: keys typed go
 * through the terminal's line discipline (so Ctrl-C raises SIGINT as a real tty does), and what
 * the console writes is read back with the escape sequences taken out.
 */
final class ConsoleDriver implements AutoCloseable {
    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final Thread loop;
    private volatile int exitCode = -1;

    ConsoleDriver(String file, Path history, Map<String, String> env, int rows) throws IOException {
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (written) {
                    written.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (written) {
                    written.write(b, off, len);
                }
            }
        };
        // JLine's line discipline in Java (not a kernel pty, whose SIGINT would go to no process):
        // Ctrl-C typed here raises INT in the terminal as a tty's driver does for the console
        terminal = new ExternalTerminal("test", "xterm-256color", in, out, StandardCharsets.UTF_8);
        terminal.setSize(new Size(160, rows));
        Session session = new Session();
        if (file != null) {
            session.open(file, new org.tcplab.command.Cancellation());
        }
        Console console = new Console(terminal, session, history, env, new org.tcplab.cli.AnalyzerTree());
        loop = new Thread(() -> exitCode = console.loop(), "console-under-test");
        loop.setDaemon(true);
        loop.start();
    }

    void type(String s) throws IOException {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Everything written so far, raw (with escape sequences). */
    String raw() {
        synchronized (written) {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    /** Everything written so far, as text: escape sequences and carriage returns removed. */
    String screen() {
        return raw().replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replaceAll("\u001b[=>]", "").replace("\r", "");
    }

    /** Waits until the screen has {@code text} after {@code from} characters; the screen. */
    String waitFor(String text, int from) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            String s = screen();
            if (s.length() > from && s.indexOf(text, from) >= 0) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + text + "' on the screen after 20 s; it shows:\n" + screen().substring(Math.min(from, screen().length())));
    }

    String waitFor(String text) throws InterruptedException {
        return waitFor(text, 0);
    }

    int length() {
        return screen().length();
    }

    int exitCode() throws InterruptedException {
        loop.join(20_000);
        return exitCode;
    }

    boolean running() {
        return loop.isAlive();
    }

    @Override
    public void close() throws IOException {
        if (loop.isAlive()) {
            type("\u0015\u0004"); // Ctrl-U, Ctrl-D: an empty line, then end of input
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        terminal.close();
    }
}
