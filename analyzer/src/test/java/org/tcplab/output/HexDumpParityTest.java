package org.tcplab.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.Samples;
import org.tcplab.Tshark;
import org.tcplab.cli.Cli;

/**
 * {@code read -x} dumps each frame (and a reassembled IP datagram after it) as {@code tshark -x}
 * does, line for line, on every sample. tshark is asked not to reassemble TCP payloads into
 * application messages: those extra dumps ("Reassembled TCP") come from its application dissectors
 * (port 6000 is X11 to it), which we do not have.
 */
class HexDumpParityTest {
    @TestFactory
    Stream<DynamicTest> everySample_dumpsAsTsharkDoes() {
        assumeTrue(Tshark.available(), "tshark is not installed (bin/test installs it)");
        return Samples.captures().stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> compare(s)));
    }

    private static void compare(Path capture) throws Exception {
        Cli.Result ours = Cli.run("read", capture.toString(), "-x");
        assertEquals(0, ours.exitCode(), ours.stderr());
        String theirs = Tshark.run("-o", "tcp.desegment_tcp_streams:FALSE", "-r", capture.toString(), "-x");
        assertEquals(dumps(theirs), dumps(ours.stdout()), capture.getFileName().toString());
    }

    /** The dump lines and the headings of the extra dumps, without the summary lines (whose formats differ). */
    private static List<String> dumps(String out) {
        return out.lines().filter(l -> l.matches("^[0-9a-f]{4,8}  .*") || l.startsWith("Frame (") || l.startsWith("Reassembled"))
                .toList();
    }
}
