package org.tcplab.gen.scenario;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;

/** Each side sends its id and name (one line), then both close gracefully, the client first. */
public final class Exchange implements Scenario {
    private final String text;

    public Exchange(String text) {
        this.text = text;
    }

    @Override
    public String name() {
        return "exchange";
    }

    @Override
    public String description() {
        return "each side sends \"" + text + "\", then a graceful close started by the client";
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        try (ServerSocket server = ctx.listen(5)) {
            Socket c = ctx.connect();
            try (Socket s = server.accept()) {
                Lines.write(c.getOutputStream(), text);
                ScenarioContext.expect(text.equals(Lines.read(s.getInputStream())), "the server did not get the client's text");
                Lines.write(s.getOutputStream(), text);
                ScenarioContext.expect(text.equals(Lines.read(c.getInputStream())), "the client did not get the server's text");
                ctx.say("both sides sent \"" + text + "\"");
                c.close();
                InputStream in = s.getInputStream();
                ScenarioContext.expect(in.read() == -1, "the server did not see the client's FIN");
            }
            Thread.sleep(100);
            ctx.snapshotSockets("after both closed");
        }
    }
}
