package org.tcplab.gen.scenario;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

/**
 * One write larger than twice the MSS: the kernel cuts it into MSS-sized segments. With MTU 1500
 * and no TCP timestamps the MSS is 1500 - 20 (IP) - 20 (TCP) = 1460: 2950 bytes go as
 * 1460 + 1460 + 30 (RFC 9293 §3.7.1). A capture on the sending host shows that cut only with
 * segmentation offload off; with it on, the kernel hands the capture the whole write and cuts it
 * later, or never on loopback (RFC 9293 §3.7.1 leaves the cut to the sender).
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
    public List<String> caveats(KernelFacts k) {
        Boolean offload = k.segmentationOffload(k.iface());
        int mtu = k.mtu(k.iface());
        // the MSS the kernel will use: the MTU less the IP and TCP headers, and 12 with timestamps (RFC 7323)
        int mss = mtu - 40 - ("0".equals(k.sysctl("net.ipv4.tcp_timestamps")) ? 0 : 12);
        String setting = k.iface() + " here has MTU " + mtu + " and segmentation offload "
                + (offload == null ? "unknown (ethtool is not installed)" : offload ? "on" : "off");
        if (Boolean.TRUE.equals(offload)) {
            return List.of(setting + ": a capture on " + k.iface() + " shows the " + bytes + " bytes as one segment, not cut at the MSS");
        }
        if (bytes <= mss) {
            return List.of(setting + ": it allows segments of up to " + mss + " bytes, so the " + bytes
                    + " bytes go in one segment");
        }
        if (offload == null) {
            return List.of(setting + ": if it is on, a capture on " + k.iface() + " shows the " + bytes + " bytes as one segment");
        }
        return List.of();
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        try (ServerSocket server = ctx.listen(5);
             Socket c = ctx.connect();
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
            // what was expected is checked against the kernel itself: its MSS for this very
            // connection, and whether it hands the capture segments or the whole write
            int mss = ctx.kernel().sendMss(ctx.port());
            ScenarioContext.expect(mss > 0, "could not read the connection's MSS from ss -ti (is iproute2 installed?)");
            ScenarioContext.expect(bytes > mss, "the kernel's MSS for this connection is " + mss + " (ss -ti), so the "
                    + bytes + " bytes went as one segment");
            Boolean offload = ctx.kernel().segmentationOffload(ctx.kernel().iface());
            ScenarioContext.expect(Boolean.FALSE.equals(offload), offload == null
                    ? "could not check segmentation offload on " + ctx.kernel().iface() + " (ethtool is not installed: apt-get install ethtool)"
                    : "segmentation offload is on for " + ctx.kernel().iface() + ": a capture there shows the " + bytes + " bytes as one segment");
            ctx.say("server read all " + bytes + " bytes; the kernel's MSS for this connection is " + mss + " (ss -ti): "
                    + cut(bytes, mss));
        }
        Thread.sleep(100);
        ctx.snapshotSockets("after both closed");
    }

    /** How an MSS cuts a write, as the capture shows it: 1460 + 1460 + 30. */
    static String cut(int bytes, int mss) {
        int full = bytes / mss;
        int rest = bytes % mss;
        if (full <= 4) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < full; i++) {
                sb.append(i == 0 ? "" : " + ").append(mss);
            }
            return rest == 0 ? sb.toString() : sb.append(" + ").append(rest).toString();
        }
        return full + " segments of " + mss + (rest == 0 ? "" : " and one of " + rest);
    }
}
