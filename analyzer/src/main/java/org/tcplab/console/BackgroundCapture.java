package org.tcplab.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tcplab.command.Cancellation;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Io;

/**
 * {@code capture start}: the CLI's capture command on a thread of its own, writing a pcapng file
 * and printing each packet above the prompt while the console goes on. {@code capture stop}
 * cancels it: the capture drains what libpcap holds, writes it out and returns, and the file
 * becomes the open one.
 */
final class BackgroundCapture {
    private final String interfaceName;
    private final Path file;
    private final Cancellation cancel;
    private final Thread thread;
    private volatile int exitCode = -1;

    private BackgroundCapture(String interfaceName, Path file, Cancellation cancel, Thread thread) {
        this.interfaceName = interfaceName;
        this.file = file;
        this.cancel = cancel;
        this.thread = thread;
    }

    static BackgroundCapture start(List<String> args, Function<Cancellation, Io> ioFor, CommandTree tree) throws IOException {
        int i = args.indexOf("-i");
        if (i < 0) {
            i = args.indexOf("--interface");
        }
        if (i < 0 || i + 1 >= args.size()) {
            throw new Failure(ExitCodes.USAGE, "capture start -i IFACE [FILTER]: name the interface (see 'interfaces')");
        }
        String iface = args.get(i + 1);
        List<String> argv = new ArrayList<>();
        argv.add("capture");
        argv.addAll(args);
        Path file;
        int w = args.indexOf("-w");
        if (w >= 0 && w + 1 < args.size()) {
            file = Path.of(args.get(w + 1));
        } else {
            file = Files.createTempFile("tcplab-capture-", ".pcapng");
            Files.delete(file); // the capture makes it; an empty file left by a failed start would open as damaged
            argv.add("-w");
            argv.add(file.toString());
        }
        if (!args.contains("--print") && !args.contains("-q") && !args.contains("--quiet")) {
            argv.add("--print");
        }
        Cancellation cancel = new Cancellation();
        Io io = ioFor.apply(cancel);
        BackgroundCapture[] self = new BackgroundCapture[1];
        Thread t = new Thread(() -> {
            int r = Commands.cli(tree, io, argv);
            self[0].exitCode = r;
        }, "console-capture");
        self[0] = new BackgroundCapture(iface, file, cancel, t);
        t.setDaemon(true);
        t.start();
        // a capture that cannot start (no such interface, no permission, a bad filter) fails at
        // once: wait a moment so its one-line error comes before the next prompt, not after it
        try {
            t.join(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!t.isAlive()) {
            throw new Failure(self[0].exitCode, null); // its own one-line error is already on the screen
        }
        return self[0];
    }

    String interfaceName() {
        return interfaceName;
    }

    Path file() {
        return file;
    }

    /** Stops the capture and waits for it to write out every packet; its exit code. */
    int stop() {
        cancel.cancel();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exitCode < 0 ? ExitCodes.INTERNAL : exitCode;
    }
}
