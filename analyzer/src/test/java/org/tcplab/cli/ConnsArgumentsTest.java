package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link ConnsCommand#plainArguments}, the launcher's way around picocli for plain {@code conns}
 * command lines, reads each of them exactly as picocli does, and leaves every other one to it.
 */
class ConnsArgumentsTest {
    private static String viaPicocli(String... args) {
        ConnsCommand c = new ConnsCommand();
        CommandLine cl = new CommandLine(c);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.parseArgs(Arrays.copyOfRange(args, 1, args.length));
        return c.file + " " + c.format + " " + c.maxTracked;
    }

    @Test
    void plainCommandLines_readAsPicocliReadsThem() {
        String[][] lines = {
            {"conns", "a.pcap"},
            {"conns", "-"},
            {"conns", "--format", "jsonl", "a.pcap"},
            {"conns", "a.pcap", "--format", "JSONL"},
            {"conns", "--format=text", "a.pcap"},
            {"conns", "--max-tracked", "100", "a.pcap"},
            {"conns", "--max-tracked=1", "--format", "Text", "a b.pcap"},
            {"conns", "a.pcap", "--max-tracked", "7", "--format=jsonl"},
        };
        for (String[] line : lines) {
            ConnsCommand c = ConnsCommand.plainArguments(line);
            assertEquals(viaPicocli(line), c.file + " " + c.format + " " + c.maxTracked, String.join(" ", line));
        }
    }

    @Test
    void anythingElse_isLeftToPicocli() {
        String[][] lines = {
            {"conns"},
            {"read", "a.pcap"},
            {"conns", "--help"},
            {"conns", "-h", "a.pcap"},
            {"conns", "-V"},
            {"conns", "a.pcap", "b.pcap"},
            {"conns", "--format", "xml", "a.pcap"},
            {"conns", "--format", "a.pcap"},
            {"conns", "a.pcap", "--format"},
            {"conns", "--format", "text", "--format", "jsonl", "a.pcap"},
            {"conns", "--max-tracked", "-5", "a.pcap"},
            {"conns", "--max-tracked=0", "a.pcap"},
            {"conns", "--max-tracked", "lots", "a.pcap"},
            {"conns", "--max-tracked", "99999999999", "a.pcap"},
            {"conns", "--bogus", "a.pcap"},
            {"conns", "--", "a.pcap"},
            {"conns", "--format=", "a.pcap"},
        };
        for (String[] line : lines) {
            assertNull(ConnsCommand.plainArguments(line), String.join(" ", line));
        }
    }

    @Test
    void aMissingFile_isOneLineAndExit3_eitherWay() throws Exception {
        Cli.Result plain = Cli.run("conns", "/nonexistent.pcap");
        Cli.Result parsed = Cli.run("conns", "--zeek-checksums", "/nonexistent.pcap");
        assertEquals(3, plain.exitCode(), plain.stderr());
        assertEquals(3, parsed.exitCode(), parsed.stderr());
        assertEquals(plain.stderr(), parsed.stderr());
        assertEquals(1, plain.stderr().lines().count(), plain.stderr());
    }
}
