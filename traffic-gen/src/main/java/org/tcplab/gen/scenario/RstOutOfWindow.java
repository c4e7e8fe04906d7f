package org.tcplab.gen.scenario;

import java.net.Inet4Address;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * An RST with a sequence number far outside the receiver's window, crafted with pcap4j and
 * injected with libpcap while a connection is established, as an off-path attacker on the
 * server's side would send it: from the server's address and port, on lo, or over the lab network
 * from the server host's interface across the wire and the router. RFC 5961 §3.2: the receiver
 * must not reset the connection; the exchange goes on afterwards.
 */
public final class RstOutOfWindow implements Scenario {
    /** Far from any window a fresh connection could have (the ISNs are random, the window 64 KiB). */
    static final int FORGED_SEQ = 0x13572468;

    @Override
    public String name() {
        return "rst-out-of-window";
    }

    @Override
    public String description() {
        return "a forged RST outside the window (injected with libpcap) is ignored; the connection lives on";
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        try (ServerSocket server = ctx.listen(5);
             Socket c = ctx.connect();
             Socket s = server.accept()) {
            Lines.write(c.getOutputStream(), "before");
            ScenarioContext.expect("before".equals(Lines.read(s.getInputStream())), "no data before");
            try (Injector out = Injector.server(ctx)) {
                out.tcpRst((Inet4Address) ctx.address(), (Inet4Address) ctx.hosts().clientAddress(), 4242, ctx.port(),
                        c.getLocalPort(), FORGED_SEQ);
            }
            ctx.say("injected RST seq=" + Integer.toUnsignedString(FORGED_SEQ) + " from port " + ctx.port()
                    + " to the client's port " + c.getLocalPort());
            Thread.sleep(100);
            Lines.write(c.getOutputStream(), "after");
            ScenarioContext.expect("after".equals(Lines.read(s.getInputStream())), "the connection did not survive the RST");
            ctx.say("the connection survived: data still flows");
            ctx.snapshotSockets("after the forged RST");
            c.close(); // then an ordinary teardown, the client first
            ScenarioContext.expect(s.getInputStream().read() == -1, "the server did not see the client's FIN");
        }
        Thread.sleep(100);
        ctx.snapshotSockets("after both closed");
    }
}
