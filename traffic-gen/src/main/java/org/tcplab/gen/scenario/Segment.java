package org.tcplab.gen.scenario;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * One write larger than twice the MSS: the kernel cuts it into MSS-sized segments. With MTU 1500
 * and no TCP timestamps the MSS is 1500 - 20 (IP) - 20 (TCP) = 1460: 2950 bytes go as
 * 1460 + 1460 + 30 (RFC 9293 §3.7.1).
 */
public final class Segment implements Scenario {
    private final int bytes;

    public Segment(int bytes) {
        this.bytes = bytes;
    }

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public String description() {
        return bytes + " bytes in one write, cut by TCP into MSS-sized segments";
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        try (ServerSocket server = new ServerSocket(ctx.port(), 5, ctx.address());
             Socket c = new Socket(ctx.address(), ctx.port());
             Socket s = server.accept()) {
            c.setTcpNoDelay(true);
            byte[] payload = new byte[bytes];
            for (int i = 0; i < bytes; i++) {
                payload[i] = (byte) ('a' + i % 26);
            }
            c.getOutputStream().write(payload);
            ctx.say("client wrote " + bytes + " bytes in one write()");
            InputStream in = s.getInputStream();
            byte[] got = in.readNBytes(bytes);
            ScenarioContext.expect(got.length == bytes, "the server got " + got.length + " bytes");
            ctx.say("server read all " + bytes + " bytes; the capture shows how TCP cut them");
        }
        Thread.sleep(100);
    }
}
