package org.tcplab.gen.scenario;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

/**
 * Both sides close at the same moment, so that each FIN leaves before the other arrives: the FINs
 * cross, both sides go FIN-WAIT-1, CLOSING, TIME-WAIT (RFC 9293 §3.6, figure 13), and the kernel
 * keeps a TIME-WAIT socket at each end. On loopback a FIN arrives within microseconds, so the two
 * closes must start together (two threads released by one spinning flag) and sometimes still do
 * not cross: the scenario tries again, on a new connection, until the kernel shows both sockets in
 * TIME-WAIT. Each attempt stays in the capture; the ones that did not cross are ordinary closes.
 */
public final class SimultaneousClose implements Scenario {
    private static final int ATTEMPTS = 50;
    private volatile int go;

    @Override
    public String name() {
        return "simultaneous-close";
    }

    @Override
    public String description() {
        return "both sides close at once: the FINs cross, both pass through CLOSING and end in TIME-WAIT";
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        try (ServerSocket server = ctx.listen(5)) {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Socket c = ctx.connect();
                Socket s = server.accept();
                int clientPort = c.getLocalPort();
                closeTogether(c, s, attempt);
                Thread.sleep(20);
                // each end's socket as its own kernel has it (one kernel on loopback, two in the lab network)
                List<String> sockets = new java.util.ArrayList<>(ctx.kernel().connectionSockets(clientPort));
                if (ctx.serverKernel() != ctx.kernel()) {
                    sockets.addAll(ctx.serverKernel().connectionSockets(clientPort));
                }
                long timeWait = sockets.stream().filter(l -> l.startsWith("TIME-WAIT ")).count();
                if (timeWait == 2) {
                    ctx.say("attempt " + attempt + " (client port " + clientPort + "): the FINs crossed; ss -tan shows both"
                            + " sockets in TIME-WAIT");
                    Thread.sleep(100);
                    ctx.snapshotSockets("after both closed");
                    return;
                }
                ctx.say("attempt " + attempt + " (client port " + clientPort + "): one FIN arrived before the other left"
                        + " (ss -tan: " + timeWait + " socket in TIME-WAIT); again");
            }
        }
        throw new ScenarioFailed("the FINs did not cross in " + ATTEMPTS + " attempts");
    }

    /** Both threads spin until one flag flips, then shut their output (the FIN) at once; then close. */
    private void closeTogether(Socket c, Socket s, int attempt) throws Exception {
        Exception[] failed = new Exception[1];
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        Thread server = new Thread(() -> {
            try {
                ready.countDown();
                while (go != attempt) {
                    Thread.onSpinWait();
                }
                s.shutdownOutput();
                finish(s);
            } catch (Exception e) {
                failed[0] = e;
            }
        }, "simultaneous-close-server");
        server.start();
        ready.await();
        Thread.sleep(1); // the server thread is spinning by now
        go = attempt;
        c.shutdownOutput();
        finish(c);
        server.join();
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    /** Reads to the peer's FIN, then closes: nothing is left unread, so no RST. */
    private static void finish(Socket socket) throws Exception {
        InputStream in = socket.getInputStream();
        ScenarioContext.expect(in.read() == -1, "data where only the peer's FIN was expected");
        socket.close();
    }
}
