package org.tcplab.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;
import org.tcplab.cli.Cli;

/**
 * Live capture on the loopback of a private network namespace, with real TCP traffic through the
 * kernel, against tcpdump capturing the same traffic at the same time. Needs root (for unshare and
 * for capturing); skipped, with that reason in the report, only when not root.
 */
class LiveCaptureTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Privileges.isRoot(), "skipped: live capture tests need root (network namespace, CAP_NET_RAW)");
    }

    /** The round trips of the exchange, and the packets of the whole connection at least (handshake, data, teardown). */
    private static final int ROUNDS = 40;
    private static final int WHOLE = ROUNDS * 2 + 7;

    @Test
    void pcapAndPcapng_holdWhatTcpdumpCaptured_andPrintAsReadDoes() throws Exception {
        Namespace.run(dir, """
                $ANALYZER capture -i lo -f 'tcp port 7000' -w $DIR/ours.pcap --print > $DIR/printed.txt 2> $DIR/pcap.err &
                A=$!
                $ANALYZER capture -i lo -f 'tcp port 7000' -w $DIR/ours.pcapng 2> $DIR/pcapng.err &
                B=$!
                # tcpdump's default 2 MB ring holds only a few frames of its full snap length: on a busy
                # host the kernel dropped 60 of 176 there (its own count); give it 64 MB (ours have 32 and 256)
                tcpdump -i lo --immediate-mode -U -B 65536 -w $DIR/tcpdump.pcap 'tcp port 7000' 2> $DIR/tcpdump.err &
                C=$!
                await $DIR/pcap.err 'capturing on'
                await $DIR/pcapng.err 'capturing on'
                await $DIR/tcpdump.err 'listening on'
                $JAVA org.tcplab.live.LoopbackTraffic 7000 ROUNDS
                # tcpdump, the reference, does not drain libpcap's ring on SIGTERM: stop it only once
                # its file holds the whole exchange, or after 30 s
                for _ in $(seq 300); do
                  [ "$(tcpdump -r $DIR/tcpdump.pcap 2>/dev/null | wc -l)" -ge WHOLE ] && break
                  sleep 0.1
                done
                sleep 0.5
                kill -TERM $A $B $C
                wait $A $B $C
                """.replace("ROUNDS", Integer.toString(ROUNDS)).replace("WHOLE", Integer.toString(WHOLE)), 120);
        List<String> tcpdump = frames(dir.resolve("tcpdump.pcap"));
        List<String> ours = frames(dir.resolve("ours.pcap"));
        assertTrue(ours.size() >= WHOLE, "we captured the whole exchange: " + ours.size());
        assertEquals(ours, frames(dir.resolve("ours.pcapng")), "pcap and pcapng hold the same packets");
        // Packet by packet what tcpdump captured, in its order. tcpdump does not drain libpcap's
        // buffer when stopped, and under load it has missed packets (seen in full test runs: 87,
        // 85 and 81 of 88); we drain and count drops, so we may hold packets it lacks, never the
        // reverse.
        assertTrue(tcpdump.size() >= ROUNDS * 2,
                "tcpdump saw the exchange: " + tcpdump.size() + "; " + Files.readString(dir.resolve("tcpdump.err")));
        assertTrue(inOrderWithin(tcpdump, ours),
                "ours " + ours.size() + " vs tcpdump " + tcpdump.size() + ":\n" + ours + "\n" + tcpdump);
        long n = ours.size();
        assertEquals(n, reported(dir.resolve("pcap.err")));
        assertEquals(n, reported(dir.resolve("pcapng.err")));
        assertEquals(n, tsharkCount(dir.resolve("ours.pcap")), "tshark reads our pcap");
        assertEquals(n, tsharkCount(dir.resolve("ours.pcapng")), "tshark reads our pcapng");
        String pcapngInfo = run("capinfos", dir.resolve("ours.pcapng").toString());
        assertTrue(pcapngInfo.contains("Name = lo") && pcapngInfo.contains("Filter string = tcp port 7000")
                && pcapngInfo.contains("nanoseconds"), pcapngInfo);
        Cli.Result read = Cli.run("read", dir.resolve("ours.pcap").toString());
        assertEquals(0, read.exitCode(), read.stderr());
        assertEquals(read.stdout(), Files.readString(dir.resolve("printed.txt")), "the live view equals read's view of the file");
        assertTrue(read.stdout().contains("[SYN]  seq=0"), read.stdout());
    }

    @Test
    void sigkill_midCapture_leavesAFileReadUpToItsLastWholePacket() throws Exception {
        // SIGKILL reaches no handler: the file holds what the capture had flushed, which it does
        // at least once a second while packets arrive; whatever the kill cut short, read and
        // tshark must read the same whole packets
        Namespace.run(dir, """
                $ANALYZER capture -i lo -f 'tcp port 7003' -w $DIR/killed.pcap 2> $DIR/killed.err &
                A=$!
                await $DIR/killed.err 'capturing on'
                $JAVA org.tcplab.live.LoopbackTraffic 7003 600 5 &
                T=$!
                sleep 2.5
                kill -KILL $A
                wait $A || true
                wait $T
                """, 120);
        Path file = dir.resolve("killed.pcap");
        long ours = wholePackets(file);
        long tshark = Long.parseLong(run("sh", "-c", "tshark -r " + file + " -T fields -e frame.number 2>/dev/null | wc -l").strip());
        assertEquals(tshark, ours, "read and tshark read the same whole packets");
        assertTrue(ours > 100, "the packets of the first second or more are in the file: " + ours);
        Cli.Result r = Cli.run("read", file.toString(), "--format", "none");
        assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.stderr());
        assertTrue(r.stderr().lines().count() <= 2 && !r.stderr().contains("Exception"), r.stderr());
    }

    @Test
    void sigtermMidCapture_leavesAValidFileWithEveryPacketReported() throws Exception {
        Namespace.run(dir, """
                $ANALYZER capture -i lo -f 'tcp port 7001' -w $DIR/mid.pcapng 2> $DIR/mid.err &
                A=$!
                await $DIR/mid.err 'capturing on'
                $JAVA org.tcplab.live.LoopbackTraffic 7001 400 5 &
                T=$!
                sleep 1.2
                kill -TERM $A
                wait $A
                wait $T
                """, 120);
        long inFile = count(dir.resolve("mid.pcapng"));
        assertTrue(inFile > 50, "captured a part of the exchange: " + inFile);
        assertTrue(inFile < 400 * 2, "stopped mid-exchange: " + inFile);
        assertEquals(reported(dir.resolve("mid.err")), inFile, "every packet reported captured is in the file");
        assertEquals(inFile, tsharkCount(dir.resolve("mid.pcapng")));
    }

    @Test
    void countAndDuration_stopTheCapture() throws Exception {
        Namespace.run(dir, """
                $ANALYZER capture -i lo -f 'tcp port 7002' -c 5 -w $DIR/five.pcap 2> $DIR/five.err &
                A=$!
                $ANALYZER capture -i lo --duration 1 -q 2> $DIR/timed.err &
                B=$!
                await $DIR/five.err 'capturing on'
                $JAVA org.tcplab.live.LoopbackTraffic 7002 20
                wait $A $B
                """, 120);
        assertEquals(5, count(dir.resolve("five.pcap")));
        assertEquals(5, reported(dir.resolve("five.err")));
        assertTrue(Files.readString(dir.resolve("timed.err")).contains("packets captured"));
    }

    @Test
    void writingToStandardOutput_streamsIntoTcpdump_asTheFileWouldHoldIt() throws Exception {
        // capture -w - | tcpdump -r - -w F: the capture goes through the pipe as it is taken, and the
        // same capture written to a file at the same time holds the same packets
        Namespace.run(dir, """
                $ANALYZER capture -i lo -f 'tcp port 7004' -c 12 -w - 2> $DIR/piped.err | tcpdump -r - -w $DIR/relayed.pcap 2> $DIR/tcpdump.err &
                A=$!
                $ANALYZER capture -i lo -f 'tcp port 7004' -c 12 -w $DIR/file.pcap 2> $DIR/file.err &
                B=$!
                await $DIR/piped.err 'capturing on'
                await $DIR/file.err 'capturing on'
                $JAVA org.tcplab.live.LoopbackTraffic 7004 20
                wait $A $B
                """, 120);
        assertEquals(12, reported(dir.resolve("piped.err")), Files.readString(dir.resolve("piped.err")));
        assertEquals(frames(dir.resolve("file.pcap")), frames(dir.resolve("relayed.pcap")),
                "tcpdump relayed what the file holds; " + Files.readString(dir.resolve("tcpdump.err")));
        assertEquals(12, tsharkCount(dir.resolve("relayed.pcap")));
    }

    @Test
    void badFilterAndUnknownInterface_areOneLine() throws Exception {
        Cli.Result badFilter = Cli.run("capture", "-i", "lo", "-f", "tcp port");
        assertEquals(2, badFilter.exitCode());
        assertTrue(badFilter.stderr().startsWith("analyzer: invalid capture filter 'tcp port': "), badFilter.stderr());
        assertEquals(1, badFilter.stderr().lines().count(), badFilter.stderr());
        Cli.Result unknown = Cli.run("capture", "-i", "nosuch0");
        assertEquals(3, unknown.exitCode());
        assertTrue(unknown.stderr().matches("analyzer: no interface named nosuch0; there are: .*lo.*\\n"), unknown.stderr());
    }

    @Test
    void withoutCapNetRaw_saysHowToGrantIt() throws Exception {
        // drop every capability but keep root's uid: capturing must fail with the fix in one line
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("setpriv", "--inh-caps=-all", "--bounding-set=-all", "--",
                java, "-cp", System.getProperty("java.class.path"), "org.tcplab.cli.AnalyzerMain", "capture", "-i", "lo", "-c", "1")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(4, p.exitValue(), out);
        assertTrue(out.contains("not permitted; run as root, or give java the capabilities: sudo setcap cap_net_raw,cap_net_admin=eip"), out);
    }

    /**
     * Each frame's length and a hash of its bytes. Not the time stamp: two capture handles stamp
     * the same packet up to a microsecond apart.
     */
    /** Every element of {@code part} occurs in {@code whole}, in the same order. */
    private static boolean inOrderWithin(List<String> part, List<String> whole) {
        int at = 0;
        for (String p : part) {
            while (at < whole.size() && !whole.get(at).equals(p)) {
                at++;
            }
            if (at == whole.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    static List<String> frames(Path file) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        Frame f = new Frame();
        try (FrameSource s = CaptureFiles.open(file)) {
            while (s.next(f)) {
                out.add(f.originalLength() + ":" + java.util.Arrays.hashCode(f.copyBytes()));
            }
        }
        return out;
    }

    static long count(Path file) throws IOException {
        long n = 0;
        Frame f = new Frame();
        try (FrameSource s = CaptureFiles.open(file)) {
            while (s.next(f)) {
                n++;
            }
        }
        return n;
    }

    /** The packets read before the end of the file or the first damage (a record cut short). */
    private static long wholePackets(Path file) throws IOException {
        long n = 0;
        Frame f = new Frame();
        try (FrameSource s = CaptureFiles.open(file)) {
            while (s.next(f)) {
                n++;
            }
        } catch (org.tcplab.capture.CaptureFileException e) {
            // what came before the damage counts
        }
        return n;
    }

    private static long reported(Path err) throws IOException {
        Matcher m = Pattern.compile("(\\d+) packets captured").matcher(Files.readString(err));
        assertTrue(m.find(), "no count in " + Files.readString(err));
        return Long.parseLong(m.group(1));
    }

    static long tsharkCount(Path file) throws Exception {
        String out = run("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.number");
        return out.isBlank() ? 0 : out.strip().lines().count();
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed");
        return out;
    }
}
