package org.tcplab.gen;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.tcplab.gen.scenario.Greeting;
import picocli.CommandLine.Command;

@Command(name = "greeting-server", header = "Run the coursework greeting server until stopped.", mixinStandardHelpOptions = true,
        description = {"The coursework greeting server: Welcome!, What's your name?, Hello NAME!, and Good bye! on 'exit'",
                "(then it closes). One thread per client; runs until stopped."})
public final class GreetingServerCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ServerOptions where = new ServerOptions();

    @Override
    public Integer call() throws Exception {
        ServerSocket server = where.listen();
        AtomicInteger clients = new AtomicInteger();
        System.out.println("greeting server listening on " + where.host + ":" + where.port);
        System.out.flush();
        try (server) {
            while (true) {
                Socket s = server.accept();
                int n = clients.incrementAndGet();
                System.out.println("client " + n + " connected from port " + s.getPort());
                System.out.flush();
                Thread t = new Thread(() -> {
                    try {
                        Greeting.serve(s);
                        System.out.println("client " + n + " said exit: Good bye! sent, connection closed");
                    } catch (Exception e) {
                        System.out.println("client " + n + ": " + e.getMessage());
                    }
                    System.out.flush();
                }, "greeting-client-" + n);
                t.start();
            }
        }
    }
}
