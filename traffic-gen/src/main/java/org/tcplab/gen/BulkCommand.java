package org.tcplab.gen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bulk", header = "Send a bulk TCP transfer on loopback (a load for capture benchmarks).", mixinStandardHelpOptions = true,
        description = {"Send a bulk TCP transfer through the kernel to a receiver in the same process",
                "(a load for capture benchmarks). Loopback only."})
public final class BulkCommand implements Callable<Integer> {
    @Option(names = "--bytes", converter = org.tcplab.cli.Checked.ByteSize.class,
            description = "bytes to send, with an optional K/M/G suffix (default ${DEFAULT-VALUE})")
    long bytes = 2L << 30;

    @Option(names = "--port", converter = org.tcplab.cli.Checked.Port.class, description = "receiver's port (default ${DEFAULT-VALUE})")
    int port = 5001;

    @Option(names = "--host", description = "receiver's address (default ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--allow-remote", description = "allow a non-loopback host", hidden = true)
    boolean allowRemote;

    @Override
    public Integer call() throws Exception {
        long total = bytes;
        InetAddress address = Loopback.resolve(host, allowRemote);
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(address, port));
        } catch (BindException e) {
            server.close();
            throw new Failure(ExitCodes.USAGE, "port " + port + " is in use on " + host + "; choose another with --port");
        }
        long[] received = {0};
        Thread receiver = new Thread(() -> {
            byte[] buf = new byte[1 << 16];
            try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    received[0] += n;
                }
            } catch (IOException e) {
                received[0] = -1;
            }
        }, "bulk-receiver");
        receiver.start();
        long start = System.nanoTime();
        try (server; Socket s = new Socket(address, port); OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[1 << 16];
            long left = total;
            while (left > 0) {
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                left -= n;
            }
        }
        receiver.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("sent %d bytes to %s:%d in %.2f s (%.0f MB/s); receiver got %d%n", total, host, port, seconds,
                total / seconds / 1e6, received[0]);
        return received[0] == total ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

}
