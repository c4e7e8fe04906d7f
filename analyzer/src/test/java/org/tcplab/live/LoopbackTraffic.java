package org.tcplab.live;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Real TCP traffic through the kernel for capture tests: an echo server and a client that sends
 * {@code messages} lines, {@code gapMillis} apart, reads each echo, then closes.
 * Usage: LoopbackTraffic PORT MESSAGES [GAP_MILLIS]
 */
public final class LoopbackTraffic {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int messages = Integer.parseInt(args[1]);
        long gap = args.length > 2 ? Long.parseLong(args[2]) : 0;
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(port, 1, lo)) {
            Thread echo = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().transferTo(s.getOutputStream());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            echo.start();
            try (Socket c = new Socket(lo, port)) {
                OutputStream out = c.getOutputStream();
                PrintWriter w = new PrintWriter(out, true, StandardCharsets.US_ASCII);
                BufferedReader r = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII));
                for (int i = 0; i < messages; i++) {
                    w.println("message " + i);
                    if (!("message " + i).equals(r.readLine())) {
                        throw new IllegalStateException("bad echo at " + i);
                    }
                    if (gap > 0) {
                        Thread.sleep(gap);
                    }
                }
            }
            echo.join();
        }
    }
}
