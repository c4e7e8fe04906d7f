package org.tcplab.gen;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.Callable;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.gen.scenario.ChatRoom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "chat-server", header = "Run a multi-user chat server until stopped.", mixinStandardHelpOptions = true,
        description = {"A chat room: a thread per client; a client's first line is its name, each later line reaches",
                "every other client as 'NAME: LINE', '/quit' leaves. Runs until stopped."})
public final class ChatServerCommand implements Callable<Integer> {
    @Option(names = "--port", converter = org.tcplab.cli.Checked.Port.class, description = "port to listen on (default ${DEFAULT-VALUE})")
    int port = 6000;

    @Option(names = "--host", description = "address to listen on (default ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--allow-remote", description = "listen on a non-loopback address")
    boolean allowRemote;

    @Override
    public Integer call() throws Exception {
        InetAddress address = Loopback.resolve(host, allowRemote);
        ServerSocket server;
        try {
            server = new ServerSocket(port, 50, address);
        } catch (BindException e) {
            throw new Failure(ExitCodes.USAGE, "port " + port + " is in use on " + host + "; choose another with --port");
        }
        ChatRoom room = new ChatRoom(line -> {
            System.out.println(line);
            System.out.flush();
        });
        System.out.println("chat server listening on " + host + ":" + port);
        System.out.flush();
        try (server) {
            while (true) {
                room.serve(server.accept());
            }
        }
    }
}
