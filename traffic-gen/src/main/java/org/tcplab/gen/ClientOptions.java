package org.tcplab.gen;

import java.net.InetAddress;
import picocli.CommandLine.Option;

/** Which server a long-lived client (greeting-client, chat-client) talks to: picocli mixes these options in. */
final class ClientOptions {
    @Option(names = "--port", converter = org.tcplab.cli.Checked.Port.class, description = "server port (default ${DEFAULT-VALUE})")
    int port = 6000;

    @Option(names = "--host", description = "server address (default ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--allow-remote", description = "talk to a non-loopback server")
    boolean allowRemote;

    /** The server's address: loopback unless --allow-remote, else a one-line failure. */
    InetAddress address() {
        return Loopback.resolve(host, allowRemote);
    }
}
