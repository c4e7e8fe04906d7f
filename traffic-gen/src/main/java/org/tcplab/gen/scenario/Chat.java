package org.tcplab.gen.scenario;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-user chat: a server with a thread per client, and clients that join by name, each say
 * one line and read what the others said. Every line a client sends must reach every other
 * client: with N clients, N - 1 copies of each, one TCP connection per client, the server
 * relaying (the classic "chat room" coursework program).
 */
public final class Chat implements Scenario {
    private static final List<String> NAMES = List.of("Alice", "Bob", "Carol", "Dave", "Erin", "Frank");
    private final int clients;

    public Chat(int clients) {
        this.clients = clients;
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public String description() {
        return clients + " clients in a chat room, a server thread each: every line a client says reaches every other client";
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        ChatRoom room = new ChatRoom(line -> ctx.say("server: " + line));
        try (ServerSocket server = ctx.listen(50)) {
            Thread acceptor = new Thread(() -> {
                try {
                    for (int i = 0; i < clients; i++) {
                        room.serve(server.accept());
                    }
                } catch (Exception e) {
                    // closed
                }
            }, "chat-acceptor");
            acceptor.start();
            List<Socket> sockets = new ArrayList<>();
            List<InputStream> ins = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    Socket c = ctx.connect();
                    sockets.add(c);
                    ins.add(c.getInputStream());
                    Lines.write(c.getOutputStream(), NAMES.get(i % NAMES.size()));
                    String welcome = Lines.read(ins.get(i));
                    ScenarioContext.expect(welcome != null && welcome.startsWith("welcome "), "no welcome: " + welcome);
                    // everyone before this one hears it join: wait for that, so that all are in the room
                    for (int j = 0; j < i; j++) {
                        String joined = Lines.read(ins.get(j));
                        ScenarioContext.expect((NAMES.get(i % NAMES.size()) + " joined").equals(joined), NAMES.get(j)
                                + " heard " + joined);
                    }
                }
                ctx.say("all " + clients + " clients are in the room");
                for (int i = 0; i < clients; i++) {
                    Lines.write(sockets.get(i).getOutputStream(), "hello from " + NAMES.get(i % NAMES.size()));
                }
                for (int i = 0; i < clients; i++) {
                    List<String> heard = new ArrayList<>();
                    for (int k = 0; k < clients - 1; k++) {
                        heard.add(Lines.read(ins.get(i)));
                    }
                    for (int j = 0; j < clients; j++) {
                        if (j != i) {
                            String expected = NAMES.get(j % NAMES.size()) + ": hello from " + NAMES.get(j % NAMES.size());
                            ScenarioContext.expect(heard.contains(expected), NAMES.get(i) + " did not hear " + expected
                                    + "; heard " + heard);
                        }
                    }
                    ctx.say(NAMES.get(i % NAMES.size()) + " heard every other client: " + String.join(" | ", heard));
                }
                for (Socket c : sockets) {
                    Lines.write(c.getOutputStream(), "/quit");
                }
            } finally {
                for (Socket c : sockets) {
                    c.close();
                }
            }
            acceptor.join(2000);
            Thread.sleep(200);
            ctx.snapshotSockets("after everyone left");
        }
    }
}
