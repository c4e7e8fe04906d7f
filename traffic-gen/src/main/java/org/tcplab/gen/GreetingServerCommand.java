package org.tcplab.gen;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.gen.scenario.Greeting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "greeting-server", header = "Run the coursework greeting server until stopped.", mixinStandardHelpOptions = true,
        description = {"The coursework greeting server: Welcome!, What's your name?, Hello NAME!, and Good bye! on 'exit'",
                "(then it closes). One thread per client; runs until stopped."})
public final class GreetingServerCommand implements Callable<Integer> {
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
        AtomicInteger clients = new AtomicInteger();
        System.out.println("greeting server listening on " + host + ":" + port);
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
