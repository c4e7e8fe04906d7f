package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tcplab.Samples;

/** {@code -r FILE}, as tshark and tcpdump take the capture to read. */
class ReadFileOptionTest {
    private static String[] a(String... words) {
        return words;
    }

    @Test
    void dashR_beforeTheFile_isDropped_whereverItStands() {
        assertArrayEquals(a("read", "x.pcap", "-c", "3"), ReadFileOption.dropped(a("read", "-r", "x.pcap", "-c", "3")));
        assertArrayEquals(a("conns", "--format", "jsonl", "x.pcap"), ReadFileOption.dropped(a("conns", "--format", "jsonl", "-r", "x.pcap")));
        assertArrayEquals(a("info", "-"), ReadFileOption.dropped(a("info", "-r", "-")));
    }

    @Test
    void otherCommands_aLastDashR_andWordsAfterDashDash_areLeftAlone() {
        assertArrayEquals(a("capture", "-r", "x"), ReadFileOption.dropped(a("capture", "-r", "x")));
        assertArrayEquals(a("read", "x.pcap", "-r"), ReadFileOption.dropped(a("read", "x.pcap", "-r")));
        assertArrayEquals(a("read", "--", "-r", "x"), ReadFileOption.dropped(a("read", "--", "-r", "x")));
    }

    @Test
    void readAndConns_withDashR_printWhatTheyPrintForTheFile() throws Exception {
        String greeting = Samples.path("greeting.pcap").toString();
        for (String command : new String[] {"read", "conns", "info"}) {
            Cli.Result plain = Cli.run(command, greeting);
            Cli.Result withR = Cli.run(command, "-r", greeting);
            assertEquals(0, withR.exitCode(), withR.stderr());
            assertEquals(plain.stdout(), withR.stdout(), command);
        }
    }
}
