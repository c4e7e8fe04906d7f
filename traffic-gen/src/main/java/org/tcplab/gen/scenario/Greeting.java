package org.tcplab.gen.scenario;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

/**
 * The classic coursework exchange: the server greets ("Welcome!", "What's your name?"), answers
 * each name with "Hello NAME!", and to "exit" says "Good bye!" and closes first; the client closes
 * after reading the server's FIN. A graceful close: the server ends in TIME-WAIT.
 */
public final class Greeting implements Scenario {
    private final List<String> names;

    public Greeting(List<String> names) {
        this.names = names;
    }

    @Override
    public String name() {
        return "greeting";
    }

    @Override
    public String description() {
        return "three-way handshake, greeting exchange, server closes first (the FIN exchange: three segments when the client's FIN rides with its ACK, four when it does not)";
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
        try (ServerSocket server = new ServerSocket(ctx.port(), 5, ctx.address())) {
            Thread t = new Thread(() -> {
                try {
                    serve(server.accept());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            try (Socket c = new Socket(ctx.address(), ctx.port())) {
                InputStream in = c.getInputStream();
                OutputStream out = c.getOutputStream();
                ctx.say("client connected from port " + c.getLocalPort());
                ScenarioContext.expect("Welcome!".equals(Lines.read(in)), "no Welcome!");
                ScenarioContext.expect("What's your name?".equals(Lines.read(in)), "no prompt");
                for (String n : names) {
                    Lines.write(out, n);
                    String reply = Lines.read(in);
                    ctx.say("sent " + n + ", got " + reply);
                    ScenarioContext.expect(("Hello " + n + "!").equals(reply), "unexpected reply " + reply);
                }
                Lines.write(out, "exit");
                ScenarioContext.expect("Good bye!".equals(Lines.read(in)), "no Good bye!");
                ScenarioContext.expect(Lines.read(in) == null, "the server did not close");
                ctx.say("server said Good bye! and closed; client closes too");
            }
            t.join();
            Thread.sleep(200);
            ctx.snapshotSockets("after both closed");
        }
    }
}
