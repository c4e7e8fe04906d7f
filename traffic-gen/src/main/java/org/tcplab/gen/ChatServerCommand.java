package org.tcplab.gen;

import java.net.ServerSocket;
import java.util.concurrent.Callable;
import org.tcplab.gen.scenario.ChatRoom;
import picocli.CommandLine.Command;

@Command(name = "chat-server", header = "Run a multi-user chat server until stopped.", mixinStandardHelpOptions = true,
        description = {"A chat room: a thread per client; a client's first line is its name, each later line reaches",
                "every other client as 'NAME: LINE', '/quit' leaves. Runs until stopped."})
public final class ChatServerCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ServerOptions where = new ServerOptions();

    @Override
    public Integer call() throws Exception {
        ServerSocket server = where.listen();
        ChatRoom room = new ChatRoom(line -> {
            System.out.println(line);
            System.out.flush();
        });
        System.out.println("chat server listening on " + where.host + ":" + where.port);
        System.out.flush();
        try (server) {
            while (true) {
                room.serve(server.accept());
            }
        }
    }
}
