package org.tcplab.gen.scenario;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small multithreaded HTTP/1.1 server (a thread per connection) serving one page and a 404 for
 * everything else, and a client that GETs the page and prints its text, as a minimal browser
 * does, then asks for a page that is not there (RFC 9112: a request line, headers, an empty line;
 * a status line, headers with Content-Length, the body). Each request on its own connection,
 * closed by the server after the response (Connection: close).
 */
public final class Http implements Scenario {
    static final String PAGE = "<html><head><title>tcplab</title></head><body><h1>Hello from the lab</h1>"
            + "<p>This page came over TCP, in HTTP/1.1.</p></body></html>\n";

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String description() {
        return "an HTTP/1.1 GET of a page (200 OK, its text shown as a browser would) and of a missing one (404 Not Found)";
    }

    /** Serves one connection: reads the request line and headers, answers, closes. */
    static void serve(Socket s) throws Exception {
        try (s) {
            InputStream in = s.getInputStream();
            String request = Lines.read(in);
            String line;
            while ((line = Lines.read(in)) != null && !line.strip().isEmpty()) {
                // headers: nothing here depends on them
            }
            String[] parts = request == null ? new String[0] : request.strip().split(" ");
            boolean found = parts.length == 3 && parts[0].equals("GET") && (parts[1].equals("/") || parts[1].equals("/index.html"));
            byte[] body = (found ? PAGE : "<html><body><h1>404 Not Found</h1></body></html>\n").getBytes(StandardCharsets.UTF_8);
            String head = (found ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") + "\r\nContent-Type: text/html; charset=utf-8"
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }
    }

    /** One GET: the status line and the body's text without its tags. */
    private static String[] get(ScenarioContext ctx, String path) throws Exception {
        try (Socket c = ctx.connect()) {
            OutputStream out = c.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + ctx.address().getHostAddress() + ":" + ctx.port()
                    + "\r\nUser-Agent: tcplab\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String status = response.substring(0, response.indexOf("\r\n"));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            String text = body.replaceAll("<title>[^<]*</title>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
            return new String[] {status, text};
        }
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        List<Thread> workers = new ArrayList<>();
        try (ServerSocket server = ctx.listen(50)) {
            Thread acceptor = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try {
                        Socket s = server.accept();
                        Thread t = new Thread(() -> {
                            try {
                                serve(s);
                            } catch (Exception e) {
                                // the client went away
                            }
                        }, "http-worker-" + i);
                        synchronized (workers) {
                            workers.add(t);
                        }
                        t.start();
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "http-acceptor");
            acceptor.start();
            String[] page = get(ctx, "/");
            ctx.say("GET / -> " + page[0] + "; the page's text: " + page[1]);
            ScenarioContext.expect(page[0].equals("HTTP/1.1 200 OK"), "GET / answered " + page[0]);
            String[] missing = get(ctx, "/missing.html");
            ctx.say("GET /missing.html -> " + missing[0]);
            ScenarioContext.expect(missing[0].equals("HTTP/1.1 404 Not Found"), "GET /missing.html answered " + missing[0]);
            acceptor.join(2000);
            synchronized (workers) {
                for (Thread t : workers) {
                    t.join(2000);
                }
            }
            Thread.sleep(100);
            ctx.snapshotSockets("after both requests");
        }
    }
}
