package org.tcplab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.Samples;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;
import org.tcplab.capture.PcapFileWriter;
import org.tcplab.cli.Cli;

/**
 * The interactive console driven key by key through a JLine terminal (its line discipline turns
 * Ctrl-C into SIGINT as a tty does), asserting on what the screen shows.
 */
class ConsoleTest {
    private static final Map<String, String> NO_COLOR = Map.of("NO_COLOR", "1");

    @TempDir
    Path dir;

    private ConsoleDriver console(String sample, int rows) throws IOException {
        return new ConsoleDriver(sample == null ? null : Samples.path(sample).toString(), dir.resolve("history"), NO_COLOR, rows);
    }

    @Test
    void tab_completesACommand() throws Exception {
        try (ConsoleDriver c = console("greeting.pcap", 40)) {
            c.waitFor("(17 packets)> ");
            int from = c.length();
            c.type("fol\t");
            c.waitFor("follow ", from);
            c.type("\u0015"); // Ctrl-U: drop the line
        }
    }

    @Test
    void tab_completesAStreamNumber_fromTheOpenCapture() throws Exception {
        try (ConsoleDriver c = console("synthetic-3-flows.pcap", 40)) {
            c.waitFor("packets)> ");
            int from = c.length();
            c.type("ladder \t");
            String s = c.waitFor("2", from).substring(from);
            assertTrue(s.contains("0") && s.contains("1") && s.contains("2"), "the three streams are offered: " + s);
            assertFalse(s.contains("3"), "and no fourth: " + s);
            c.type("\u0015");
            from = c.length();
            // one stream: Tab writes it in
            c.type("open " + Samples.path("greeting.pcap") + "\r");
            c.waitFor("(17 packets)> ", from);
            from = c.length();
            c.type("follow \t");
            c.waitFor("follow 0", from);
        }
    }

    @Test
    void tab_completesAFilterField_fromTheCatalogue() throws Exception {
        try (ConsoleDriver c = console("greeting.pcap", 40)) {
            c.waitFor("(17 packets)> ");
            int from = c.length();
            c.type("packets tcp.analysis.retr\t");
            c.waitFor("packets tcp.analysis.retransmission", from);
            c.type("\u0015");
            from = c.length();
            c.type("packets !tcp.flags.sy\t");
            c.waitFor("!tcp.flags.syn", from);
            c.type("\u0015");
            from = c.length();
            // a function, then a field inside its parenthesis
            c.type("packets le\t");
            c.waitFor("packets len(", from);
            c.type("tcp.paylo\t");
            c.waitFor("packets len(tcp.payload", from);
        }
    }

    @Test
    void tab_completesFramesPathsAndInterfaces() throws Exception {
        try (ConsoleDriver c = console("greeting.pcap", 40)) {
            c.waitFor("(17 packets)> ");
            int from = c.length();
            c.type("show 1\t");
            String s = c.waitFor("16", from).substring(from);
            assertTrue(s.contains("10") && s.contains("15") && !s.contains("18"), "frames 1, 10-17 of 17: " + s);
            c.type("\u0015");
            from = c.length();
            String dirName = Samples.path("greeting.pcap").getParent().toString();
            c.type("open " + dirName + "/greet\t");
            c.waitFor("greeting.pcap", from + ("open " + dirName + "/greet").length());
            c.type("\u0015");
            from = c.length();
            c.type("capture start -i l\t");
            c.waitFor("capture start -i lo", from);
            c.type("\u0015");
            from = c.length();
            c.type("report --form\t");
            c.waitFor("report --format", from);
            c.type("\u0015");
            from = c.length();
            c.type("info; fol\t"); // only the command the cursor is in
            c.waitFor("info; follow ", from);
            c.type("\u0015");
        }
    }

    @Test
    void follow_printsWhatTheCliPrints() throws Exception {
        Cli.Result cli = Cli.run("follow", Samples.path("greeting.pcap").toString(), "--stream", "0");
        assertEquals(0, cli.exitCode(), cli.stderr());
        try (ConsoleDriver c = console("greeting.pcap", 200)) {
            c.waitFor("(17 packets)> ");
            int from = c.length();
            c.type("follow 0\r");
            String s = c.waitFor("(17 packets)> ", from + 1).substring(from);
            assertTrue(s.contains(cli.stdout()), "the console shows follow's output:\n" + s + "\nexpected:\n" + cli.stdout());
            assertTrue(s.contains("Welcome!") && s.contains("Good bye!"), s);
        }
    }

    @Test
    void ctrlC_cancelsALongListing_andTheConsoleGoesOn() throws Exception {
        Path big = repeated(Samples.path("greeting.pcap"), 20_000);
        // a screen taller than the listing gets before Ctrl-C: the pager does not stop it first
        try (ConsoleDriver c = new ConsoleDriver(big.toString(), dir.resolve("history"), NO_COLOR, 2_000)) {
            c.waitFor("(340000 packets)> ");
            int from = c.length();
            c.type("packets\r");
            c.waitFor("\n 1000  ", from);
            c.type("\u0003");
            String s = c.waitFor("cancelled (Ctrl-C)", from);
            c.waitFor("(340000 packets)> ", s.indexOf("cancelled (Ctrl-C)"));
            assertFalse(s.contains("\n340000  "), "the listing stopped before its end");
            from = c.length();
            c.type("info\r");
            c.waitFor("Packets:       340000", from);
            assertTrue(c.running(), "the console is still running");
        }
    }

    @Test
    void pager_stopsAtTheScreensEnd_andQStops() throws Exception {
        try (ConsoleDriver c = console("greeting.pcap", 10)) {
            c.waitFor("(17 packets)> ");
            int from = c.length();
            c.type("packets\r");
            String s = c.waitFor("--More--", from).substring(from);
            assertTrue(s.contains("    1  0.000000000") && !s.contains("   17  0.003934880"), s);
            c.type(" ");
            c.waitFor("--More--", from + s.length());
            c.type("q");
            s = c.waitFor("(17 packets)> ", from + s.length()).substring(from);
            assertFalse(s.contains("   17  0.003934880"), "q stopped the listing: " + s);
            assertFalse(s.contains("cancelled"), "q is not Ctrl-C: " + s);
            from = c.length();
            c.type("info\r");
            c.waitFor("Packets:       17", from);
        }
    }

    @Test
    void ctrlC_atThePager_cancelsTheListing() throws Exception {
        try (ConsoleDriver c = console("greeting.pcap", 10)) {
            c.waitFor("(17 packets)> ");
            int from = c.length();
            c.type("packets\r");
            c.waitFor("--More--", from);
            c.type("\u0003");
            String s = c.waitFor("cancelled (Ctrl-C)", from);
            c.waitFor("(17 packets)> ", s.indexOf("cancelled (Ctrl-C)"));
            // Ctrl-C stops the rest of the line too
            from = c.length();
            c.type("packets; info\r");
            c.waitFor("--More--", from);
            c.type("\u0003");
            s = c.waitFor("(17 packets)> ", c.waitFor("cancelled (Ctrl-C)", from).indexOf("cancelled (Ctrl-C)"));
            assertFalse(s.substring(from).contains("Packets:       17"), "info did not run: " + s.substring(from));
        }
    }

    @Test
    void history_survivesARestart() throws Exception {
        Path history = dir.resolve("history");
        try (ConsoleDriver c = new ConsoleDriver(Samples.path("greeting.pcap").toString(), history, NO_COLOR, 40)) {
            c.waitFor("(17 packets)> ");
            c.type("explain 4\r");
            c.waitFor("-- Its numbers");
            c.type("quit\r");
            assertEquals(0, c.exitCode());
        }
        assertTrue(Files.readString(history).contains("explain 4"), "the history file holds the command");
        try (ConsoleDriver c = new ConsoleDriver(Samples.path("greeting.pcap").toString(), history, NO_COLOR, 40)) {
            c.waitFor("(17 packets)> ");
            int from = c.length();
            c.type("\u001bOA\u001bOA"); // up, up (as xterm sends them in keypad mode): past 'quit' to 'explain 4'
            c.waitFor("explain 4", from);
            from = c.length();
            c.type("\r");
            c.waitFor("-- Its numbers", from);
        }
    }

    @Test
    void badCommandOptionOrFilter_isTheCliOneLineError_andTheConsoleGoesOn() throws Exception {
        Cli.Result cli = Cli.run("read", Samples.path("greeting.pcap").toString(), "-Y", "tcp.flgs.syn == 1");
        assertEquals(2, cli.exitCode());
        try (ConsoleDriver c = console("greeting.pcap", 40)) {
            c.waitFor("(17 packets)> ");
            int from = c.length();
            c.type("packets tcp.flgs.syn == 1\r");
            String s = c.waitFor("(17 packets)> ", from + 1).substring(from);
            assertTrue(s.contains(cli.stderr().strip()), "the CLI's line:\n" + cli.stderr() + "\nin:\n" + s);
            assertTrue(s.contains("did you mean tcp.flags.syn?"), s);
            from = c.length();
            c.type("folow 0\r");
            c.waitFor("unknown command 'folow'; did you mean follow?", from);
            from = c.length();
            c.type("report --format docx\r");
            c.waitFor("'docx'", from);
            c.waitFor("(17 packets)> ", from + 1);
            from = c.length();
            c.type("report --format pdf\r");
            c.waitFor("not writing a PDF to a terminal: give -o FILE.pdf (or pipe it)", from);
            c.waitFor("(17 packets)> ", from + 1);
            from = c.length();
            c.type("show 3 4\r");
            c.waitFor("show [N]: unexpected '4'", from);
            from = c.length();
            c.type("open -\r");
            c.waitFor("'-' (standard input or output) is the console's keyboard and screen here", from);
            from = c.length();
            c.type("save " + Samples.path("greeting.pcap") + " tcp.port == 6000\r");
            c.waitFor("that is the open capture; save to another file", from);
            from = c.length();
            c.type("packets -n\r");
            c.waitFor("packets -n N: how many packets to show", from);
            from = c.length();
            c.type("show 99\r");
            c.waitFor("show 99: not a frame of", from);
            from = c.length();
            c.type("show 3\r");
            c.waitFor("Transmission Control Protocol", from);
        }
    }

    @Test
    void colour_onAColourTerminal_noneUnderNoColor() throws Exception {
        try (ConsoleDriver c = new ConsoleDriver(Samples.path("rst-refused.pcap").toString(), dir.resolve("history"), Map.of(), 40)) {
            c.waitFor("packets)> ");
            int from = c.raw().length();
            int shown = c.length(); // before typing: the listing's prompt is the next one after this
            c.type("packets\r");
            c.waitFor("(2 packets)> ", shown);
            String raw = c.raw().substring(from);
            assertTrue(raw.contains("\u001b[32m[SYN]\u001b[0m"), "SYN in green: " + raw);
            assertTrue(raw.contains("\u001b[1;31m[RST, ACK]\u001b[0m"), "RST in red: " + raw);
        }
        try (ConsoleDriver c = console("rst-refused.pcap", 40)) {
            c.waitFor("packets)> ");
            int from = c.raw().length();
            int shown = c.length(); // before typing: the listing's prompt is the next one after this
            c.type("packets\r");
            c.waitFor("(2 packets)> ", shown);
            String raw = c.raw().substring(from);
            assertFalse(raw.contains("\u001b[32m") || raw.contains("\u001b[1;31m"), "NO_COLOR: no colours: " + raw);
        }
    }

    @Test
    void standingFilter_appliesToTheCommandsThatFollow_andShowsInThePrompt() throws Exception {
        try (ConsoleDriver c = console("greeting.pcap", 60)) {
            c.waitFor("(17 packets)> ");
            int from = c.length();
            c.type("filter tcp.flags.fin == 1\r");
            c.waitFor("[tcp.flags.fin == 1]> ", from);
            from = c.length();
            c.type("packets\r");
            String s = c.waitFor("]> ", from + 1).substring(from);
            assertTrue(s.contains("   15  ") && s.contains("   16  ") && !s.contains("    1  0.0"), s);
            from = c.length();
            c.type("filter off\r");
            c.waitFor("(17 packets)> ", from);
        }
    }

    /** A pcap of {@code source}'s frames {@code times} over: a long capture for a long listing. */
    private Path repeated(Path source, int times) throws IOException {
        Path out = dir.resolve("long.pcap");
        java.util.List<byte[]> frames = new java.util.ArrayList<>();
        java.util.List<long[]> stamps = new java.util.ArrayList<>();
        try (FrameSource s = CaptureFiles.open(source)) {
            Frame f = new Frame();
            while (s.next(f)) {
                frames.add(f.copyBytes());
                stamps.add(new long[] {f.epochSeconds(), f.nanos(), f.originalLength()});
            }
        }
        try (PcapFileWriter w = new PcapFileWriter(out, 1, 262144, true)) {
            for (int k = 0; k < times; k++) {
                for (int i = 0; i < frames.size(); i++) {
                    byte[] b = frames.get(i);
                    long[] st = stamps.get(i);
                    w.write(st[0] + k, (int) st[1], b, 0, b.length, (int) st[2]);
                }
            }
        }
        return out;
    }
}
