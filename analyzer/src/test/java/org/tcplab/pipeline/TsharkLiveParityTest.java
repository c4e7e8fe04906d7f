package org.tcplab.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.Corpus;
import org.tcplab.decode.Layer;
import org.tcplab.output.TimeFormat;

/**
 * Fields the stored verdicts do not hold, asked of the installed tshark: every frame's time stamp
 * and length (all formats and time resolutions), and the calculated TCP window (tcp.window_size).
 */
class TsharkLiveParityTest {
    private static final String CONV = ".conv.txt";

    @TestFactory
    Stream<DynamicTest> timeLengthAndWindowEqualTshark() {
        assumeTrue(tsharkAvailable(), "tshark is not installed (bin/test installs it)");
        return Corpus.expected(CONV).stream().map(conv -> Corpus.captureFor(conv, CONV))
                .map(capture -> DynamicTest.dynamicTest(Corpus.root().relativize(capture).toString(), () -> compare(capture)));
    }

    private static void compare(Path capture) throws Exception {
        Map<Long, String[]> theirs = new LinkedHashMap<>();
        for (String line : tshark(capture)) {
            String[] c = line.split("\t", -1);
            theirs.put(Long.parseLong(c[0]), c);
        }
        List<String> diffs = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        TsharkParityTest.analyse(capture, v -> {
            var f = v.frame();
            var p = v.packet();
            var t = v.tcp();
            String[] c = theirs.get(f.number());
            if (c == null) {
                diffs.add("frame " + f.number() + ": tshark has no such frame");
                return true;
            }
            sb.setLength(0);
            TimeFormat.appendSeconds(sb, f.epochSeconds(), f.nanos());
            if (!c[1].isEmpty() && !normalised(c[1]).equals(sb.toString())) {
                diffs.add("frame " + f.number() + ": time tshark " + c[1] + " ours " + sb);
            }
            if (!c[2].equals(Integer.toString(f.originalLength()))) {
                diffs.add("frame " + f.number() + ": length tshark " + c[2] + " ours " + f.originalLength());
            }
            if (p.layer() == Layer.TCP && t.hasStream() && p.hasSegmentLength() && !c[3].isEmpty()
                    && !c[3].equals(Long.toString(t.window()))) {
                diffs.add("frame " + f.number() + ": window tshark " + c[3] + " ours " + t.window());
            }
            return true;
        });
        assertTrue(diffs.isEmpty(), capture.getFileName() + ":\n" + String.join("\n", diffs.subList(0, Math.min(20, diffs.size()))));
    }

    /**
     * tshark prints an out-of-range nanosecond field as it is: tcpdump_timestamp_invalid_micro.pcap's
     * second frame (1,000,000 microseconds) comes out as "1418145370.1000000000", ten digits. We carry
     * the excess into the seconds (1418145371.000000000); compare on that.
     */
    static String normalised(String epoch) {
        int dot = epoch.indexOf('.');
        String frac = epoch.substring(dot + 1);
        if (frac.length() <= 9) {
            return epoch;
        }
        long nanos = Long.parseLong(frac);
        long seconds = Long.parseLong(epoch.substring(0, dot)) + nanos / 1_000_000_000L;
        return seconds + "." + String.format("%09d", nanos % 1_000_000_000L);
    }

    private static List<String> tshark(Path capture) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tshark", "-n", "-r", capture.toString(), "-T", "fields", "-E", "occurrence=l",
                "-e", "frame.number", "-e", "frame.time_epoch", "-e", "frame.len", "-e", "tcp.window_size")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    static boolean tsharkAvailable() {
        try {
            Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
