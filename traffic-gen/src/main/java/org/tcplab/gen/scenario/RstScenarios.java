package org.tcplab.gen.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** The RST scenarios: each makes the kernel send an RST for one reason. */
public final class RstScenarios {
    private RstScenarios() {
    }

    /** A SYN to a port where nothing listens: the kernel answers RST+ACK (RFC 9293 §3.10.7.1). */
    public static final Scenario REFUSED = new Scenario() {
        @Override public String name() { return "rst-refused"; }
        @Override public String description() { return "connection refused: SYN to a closed port, answered by RST+ACK"; }

        @Override
        public void run(ScenarioContext ctx) throws Exception {
            try (Socket c = ctx.connect()) {
                throw new ScenarioFailed("something listens on port " + ctx.port());
            } catch (ConnectException e) {
                ctx.say("connect to port " + ctx.port() + ": " + e.getMessage());
            }
            ctx.snapshotSockets("after the refusal");
        }
    };

    /** The client ends with SO_LINGER 0: close() sends RST instead of FIN. */
    public static final Scenario ABORT = new Scenario() {
        @Override public String name() { return "rst-abort"; }
        @Override public String description() { return "abortive close: the client closes with SO_LINGER 0, an RST instead of a FIN"; }

        @Override
        public void run(ScenarioContext ctx) throws Exception {
            try (ServerSocket server = ctx.listen(5)) {
                Socket c = ctx.connect();
                try (Socket s = server.accept()) {
                    Lines.write(c.getOutputStream(), "hello");
                    ScenarioContext.expect("hello".equals(Lines.read(s.getInputStream())), "server did not get hello");
                    Lines.write(s.getOutputStream(), "hi");
                    ScenarioContext.expect("hi".equals(Lines.read(c.getInputStream())), "client did not get hi");
                    Lines.write(c.getOutputStream(), "bye");
                    ScenarioContext.expect("bye".equals(Lines.read(s.getInputStream())), "server did not get bye");
                    ctx.snapshotSockets("established, before the abort");
                    c.setSoLinger(true, 0);
                    c.close();
                    ctx.say("client closed with SO_LINGER 0");
                    int r = readAfterReset(s.getInputStream());
                    ctx.say("server's read after the RST: " + (r == -2 ? "connection reset" : Integer.toString(r)));
                    ScenarioContext.expect(r == -2, "the server did not see a reset");
                    Thread.sleep(100);
                    ctx.snapshotSockets("after the RST");
                }
            }
        }
    };

    /** The server closes without reading what the client sent: RFC 1122 §4.2.2.13 says RST. */
    public static final Scenario UNREAD = new Scenario() {
        @Override public String name() { return "rst-unread"; }
        @Override public String description() { return "close with unread data: the server closes without reading, the kernel sends RST"; }

        @Override
        public void run(ScenarioContext ctx) throws Exception {
            try (ServerSocket server = ctx.listen(5);
                 Socket c = ctx.connect()) {
                Socket s = server.accept();
                Lines.write(c.getOutputStream(), "a request the server never reads");
                Thread.sleep(100);
                s.close();
                ctx.say("server closed with the request unread");
                int r = readAfterReset(c.getInputStream());
                // Java shuts the output down (FIN) before closing unless SO_LINGER is 0, so the
                // client may see the end of the stream before the kernel's RST
                ctx.say("client's read: " + (r == -2 ? "connection reset" : r == -1 ? "end of stream (FIN), then the RST" : r));
                ScenarioContext.expect(r == -2 || r == -1, "the client read data that was never sent");
                Thread.sleep(100);
                ctx.snapshotSockets("after the RST");
            }
        }
    };

    /** The server closes (FIN); the client writes anyway; the closed socket answers RST. */
    public static final Scenario AFTER_CLOSE = new Scenario() {
        @Override public String name() { return "rst-after-close"; }
        @Override public String description() { return "write after close: the server closed, the client's data gets an RST"; }

        @Override
        public void run(ScenarioContext ctx) throws Exception {
            try (ServerSocket server = ctx.listen(5);
                 Socket c = ctx.connect()) {
                Socket s = server.accept();
                s.close();
                ctx.say("server closed at once (FIN)");
                Thread.sleep(100);
                ctx.snapshotSockets("after the server's FIN");
                Lines.write(c.getOutputStream(), "data for a closed socket");
                ctx.say("client wrote after the server closed");
                Thread.sleep(100);
                int r = readAfterReset(c.getInputStream());
                ctx.say("client's read: " + (r == -2 ? "connection reset" : r == -1 ? "end of stream" : Integer.toString(r)));
                Thread.sleep(100);
                ctx.snapshotSockets("after the RST");
            }
        }
    };

    /** -2 for a reset, else what read() returned. */
    static int readAfterReset(InputStream in) throws IOException {
        try {
            int r = in.read();
            if (r == -1) {
                r = in.read();
            }
            return r;
        } catch (SocketException e) {
            return -2;
        }
    }

}
