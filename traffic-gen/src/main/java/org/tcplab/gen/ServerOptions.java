package org.tcplab.gen;

import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import picocli.CommandLine.Option;

/** Where a long-lived server (greeting-server, chat-server) listens: picocli mixes these options in. */
final class ServerOptions {
    @Option(names = "--port", converter = org.tcplab.cli.Checked.Port.class, description = "port to listen on (default ${DEFAULT-VALUE})")
    int port = 6000;

    @Option(names = "--host", description = "address to listen on (default ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--allow-remote", description = "listen on a non-loopback address")
    boolean allowRemote;

    /** The listening socket, or a one-line failure when the port is taken. */
    ServerSocket listen() throws IOException {
        try {
            return new ServerSocket(port, 50, Loopback.resolve(host, allowRemote));
        } catch (BindException e) {
            throw new Failure(ExitCodes.USAGE, "port " + port + " is in use on " + host + "; choose another with --port");
        }
    }
}
