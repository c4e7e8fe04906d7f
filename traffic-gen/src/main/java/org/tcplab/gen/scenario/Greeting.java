package org.tcplab.gen.scenario;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The classic coursework exchange: the server greets ("Welcome!", "What's your name?"), answers
 * each name with "Hello NAME!", and to "exit" says "Good bye!" and closes first; the client closes
 * after reading the server's FIN. A graceful close: the server ends in TIME-WAIT. With several
 * clients they connect at once and the server serves each on a thread of its own, as the
 * coursework's multithreaded server does.
 */
public final class Greeting implements Scenario {
    /** Who the clients say they are: client k sends the names at 2k and 2k + 1. */
    private static final List<String> ROSTER = List.of("Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi",
            "Ivan", "Judy");
    private final int clients;

    public Greeting(int clients) {
        this.clients = clients;
    }

    /** The two names client k (from 0) sends. */
    static List<String> names(int k) {
        return List.of(ROSTER.get(2 * k % ROSTER.size()), ROSTER.get((2 * k + 1) % ROSTER.size()));
    }

    @Override
    public String name() {
        return "greeting";
    }

    @Override
    public String description() {
        return (clients == 1 ? "" : clients + " clients at once, a server thread each: ")
                + "three-way handshake, greeting exchange, server closes first (the FIN exchange: three segments when the"
                + " client's FIN rides with its ACK, four when it does not)";
    }

    /** Serves one client on an accepted socket. */
    public static void serve(Socket s) throws Exception {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            Lines.write(out, "Welcome!");
            Lines.write(out, "What's your name?");
            String line;
            while ((line = Lines.read(in)) != null) {
                if (line.equals("exit")) {
                    Lines.write(out, "Good bye!");
                    return; // closing the socket sends our FIN
                }
                Lines.write(out, "Hello " + line + "!");
            }
        }
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket server = ctx.listen(Math.max(5, clients))) {
            Thread acceptor = new Thread(() -> {
                try {
                    for (int i = 0; i < clients; i++) {
                        Socket s = server.accept();
                        Thread t = new Thread(() -> {
                            try {
                                serve(s);
                            } catch (Exception e) {
                                failures.add(e);
                            }
                        }, "greeting-server-" + i);
                        synchronized (threads) {
                            threads.add(t);
                        }
                        t.start();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "greeting-acceptor");
            acceptor.start();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> clientThreads = new ArrayList<>();
            for (int k = 0; k < clients; k++) {
                int client = k;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        talk(ctx, client);
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }, "greeting-client-" + k);
                clientThreads.add(t);
                t.start();
            }
            go.countDown(); // all clients connect at once
            for (Thread t : clientThreads) {
                t.join();
            }
            acceptor.join(5_000);
            synchronized (threads) {
                for (Thread t : threads) {
                    t.join(5_000);
                }
            }
            if (!failures.isEmpty()) {
                Exception e = failures.get(0);
                throw e instanceof ScenarioFailed f ? f : new ScenarioFailed(e.toString());
            }
            Thread.sleep(200);
            ctx.snapshotSockets("after both closed");
        }
    }

    /** One client's side of the exchange. */
    private void talk(ScenarioContext ctx, int k) throws Exception {
        String who = clients == 1 ? "client" : "client " + (k + 1);
        try (Socket c = ctx.connect()) {
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            ctx.say(who + " connected from port " + c.getLocalPort());
            ScenarioContext.expect("Welcome!".equals(Lines.read(in)), who + ": no Welcome!");
            ScenarioContext.expect("What's your name?".equals(Lines.read(in)), who + ": no prompt");
            for (String n : names(k)) {
                Lines.write(out, n);
                String reply = Lines.read(in);
                ctx.say((clients == 1 ? "" : who + ": ") + "sent " + n + ", got " + reply);
                ScenarioContext.expect(("Hello " + n + "!").equals(reply), who + ": unexpected reply " + reply);
            }
            Lines.write(out, "exit");
            ScenarioContext.expect("Good bye!".equals(Lines.read(in)), who + ": no Good bye!");
            ScenarioContext.expect(Lines.read(in) == null, who + ": the server did not close");
            ctx.say((clients == 1 ? "" : who + ": ") + "server said Good bye! and closed; "
                    + (clients == 1 ? "client" : "the client") + " closes too");
        }
    }
}
