package org.tcplab.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.Corpus;
import org.tcplab.cli.Cli;

/**
 * Every file under the corpus's malformed/ and truncated/ folders, through the command line as a
 * user runs it: a clear one-line message or per-packet marks, never a stack trace, never a hang.
 */
class DamagedInputTest {
    @TestFactory
    Stream<DynamicTest> damagedFiles_giveOneLineOrPerPacketMarks() {
        return Corpus.captures().stream()
                .filter(f -> f.getParent().endsWith("malformed") || f.getParent().endsWith("truncated"))
                .flatMap(f -> Stream.of("text", "jsonl").map(format -> DynamicTest.dynamicTest(
                        Corpus.root().relativize(f) + " as " + format, () -> check(f, format))));
    }

    private static void check(Path file, String format) throws Exception {
        Cli.Result r = Cli.run(30, "read", file.toString(), "--format", format, "--checksums");
        String err = r.stderr();
        assertFalse(err.contains("Exception") || err.contains("\tat "), "stack trace for " + file + ":\n" + err);
        assertTrue(err.lines().count() <= 1, "more than one line of error for " + file + ":\n" + err);
        if (r.exitCode() != 0) {
            assertTrue(err.startsWith("analyzer: "), "a failing run says why: " + err);
            assertTrue(r.exitCode() == 1, "bad input exits 1, got " + r.exitCode());
        } else {
            assertTrue(err.isEmpty(), err);
        }
        if ("text".equals(format) && org.tcplab.Tshark.available()) {
            // the frames marked malformed or cut short are the frames tshark marks so
            java.util.List<String> ours = r.packetLines().stream().filter(l -> l.contains("[malformed") || l.contains("[captured "))
                    .map(l -> l.trim().split(" ")[0]).toList();
            String theirs = org.tcplab.Tshark.run("-r", file.toString(), "-Y", "_ws.malformed || frame.cap_len < frame.len",
                    "-T", "fields", "-e", "frame.number");
            assertTrue(ours.equals(theirs.lines().toList()), file.getFileName() + ": we mark " + ours + ", tshark " + theirs.lines().toList());
        }
        Cli.Result conv = Cli.run(30, "conv", file.toString());
        assertFalse(conv.stderr().contains("Exception"), conv.stderr());
        assertTrue(conv.stdout().contains("TCP Conversations") || conv.exitCode() == 1, conv.stderr());
    }
}
