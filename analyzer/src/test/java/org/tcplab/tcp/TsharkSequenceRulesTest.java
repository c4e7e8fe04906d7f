package org.tcplab.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tcplab.decode.Packets.addr;
import static org.tcplab.decode.Packets.ethernet;
import static org.tcplab.decode.Packets.ipv4;
import static org.tcplab.decode.Packets.tcp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.Tshark;
import org.tcplab.capture.Captures;
import org.tcplab.cli.Cli;

/**
 * Two of tshark 4.0's sequence rules, each on a small crafted capture, our -T fields against
 * tshark's: the base of a direction whose SYN+ACK comes after another segment of it, and how
 * often "ACKed segment that wasn't captured" is said.
 */
class TsharkSequenceRulesTest {
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    private static final String[] FIELDS = {"frame.number", "tcp.stream", "tcp.seq", "tcp.ack", "tcp.analysis.reused_ports",
        "tcp.analysis.lost_segment", "tcp.analysis.ack_lost_segment", "tcp.analysis.retransmission",
        "tcp.analysis.acks_frame", "tcp.analysis.flags"};

    @TempDir
    static Path dir;

    @BeforeAll
    static void tshark() {
        assumeTrue(Tshark.available(), "tshark is not installed");
    }

    /** Builds a connection 198.18.0.1:40000 to 198.18.0.2:80, a second apart. */
    private static final class Capture {
        private final List<byte[]> frames = new ArrayList<>();

        Capture c(int flags, long seq, long ack, int len) {
            return add(true, flags, seq, ack, len);
        }

        Capture s(int flags, long seq, long ack, int len) {
            return add(false, flags, seq, ack, len);
        }

        private Capture add(boolean client, int flags, long seq, long ack, int len) {
            byte[] seg = tcp(client ? 40000 : 80, client ? 80 : 40000, seq, ack, flags, 65535, new byte[0], len);
            int a = addr(198, 18, 0, 1);
            int b = addr(198, 18, 0, 2);
            frames.add(ethernet(0x0800, ipv4(client ? a : b, client ? b : a, 6, frames.size() + 1, 0x4000, seg)));
            return this;
        }

        Path write(String name) throws Exception {
            long[][] times = new long[frames.size()][];
            for (int i = 0; i < times.length; i++) {
                times[i] = new long[] {1000 + i, 0};
            }
            Path f = dir.resolve(name);
            Files.write(f, Captures.pcap(false, false, 1, times, frames.toArray(new byte[0][])));
            return f;
        }
    }

    private static void assertSameAsTshark(Path f) throws Exception {
        List<String> args = new ArrayList<>(List.of("-r", f.toString(), "-T", "fields"));
        for (String e : FIELDS) {
            args.add("-e");
            args.add(e);
        }
        String theirs = Tshark.run(args.toArray(new String[0]));
        List<String> ours = new ArrayList<>(List.of("read", f.toString(), "-T", "fields"));
        for (String e : FIELDS) {
            ours.add("-e");
            ours.add(e);
        }
        Cli.Result r = Cli.run(ours.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(theirs, r.stdout(), f.getFileName().toString());
    }

    @Test
    void rstBeforeSynAck_synAckBecomesTheBase_andSaysPortsReused() throws Exception {
        // the server's RST set its base (seq - 1); its SYN+ACK then takes its own seq as the base
        // (so it shows seq=0), in the same stream, marked "A new tcp session is started with the
        // same ports": the frames after it count from there
        assertSameAsTshark(new Capture().c(SYN, 1000, 0, 0).s(RST | ACK, 0, 1001, 0).s(SYN | ACK, 5000, 1001, 0)
                .c(ACK, 1001, 5001, 0).write("rst-before-synack.pcap"));
    }

    @Test
    void secondSynAckWithAnotherIsn_becomesTheBase() throws Exception {
        assertSameAsTshark(new Capture().c(SYN, 1000, 0, 0).s(SYN | ACK, 5000, 1001, 0).s(SYN | ACK, 6000, 1001, 0)
                .c(ACK, 1001, 6001, 0).write("second-synack.pcap"));
    }

    @Test
    void synAckAfterAnAckDerivedBase_becomesTheBase() throws Exception {
        assertSameAsTshark(new Capture().c(ACK, 1001, 3001, 0).s(SYN | ACK, 5000, 1001, 0).c(ACK, 1001, 5001, 0)
                .write("ack-then-synack.pcap"));
    }

    @Test
    void ackPastAGap_saidOnce_andAgainOnlyAfterTheSenderMovesOn() throws Exception {
        // bytes 101-200 are never captured; the server acknowledges past them three times, then the
        // client sends more and the server acknowledges that
        assertSameAsTshark(new Capture().c(SYN, 1000, 0, 0).s(SYN | ACK, 5000, 1001, 0).c(ACK, 1001, 5001, 0)
                .c(PSH | ACK, 1001, 5001, 100).c(PSH | ACK, 1201, 5001, 100).s(ACK, 5001, 1301, 0)
                .s(ACK, 5001, 1301, 0).s(ACK, 5001, 1301, 0).c(PSH | ACK, 1301, 5001, 100).s(ACK, 5001, 1401, 0)
                .c(FIN | ACK, 1401, 5001, 0).s(FIN | ACK, 5001, 1402, 0).c(ACK, 1402, 5002, 0)
                .write("ack-past-gap.pcap"));
    }
}
