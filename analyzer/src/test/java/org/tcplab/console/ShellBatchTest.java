package org.tcplab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.Samples;
import org.tcplab.cli.Cli;

/** {@code shell FILE -c '...'}, {@code --script} and commands on standard input: for graders and scripts. */
class ShellBatchTest {
    @TempDir
    Path dir;

    private static String greeting() {
        return Samples.path("greeting.pcap").toString();
    }

    @Test
    void commands_printWhatTheCliCommandsPrint_inOrder() throws Exception {
        Cli.Result conns = Cli.run("conns", greeting());
        Cli.Result explain = Cli.run("explain", greeting(), "7");
        Cli.Result shell = Cli.run("shell", greeting(), "-c", "conns; explain 7");
        assertEquals(0, shell.exitCode(), shell.stderr());
        assertEquals(conns.stdout() + explain.stdout(), shell.stdout());
        assertEquals("", shell.stderr());
    }

    @Test
    void consoleVerbs_mapOntoTheCliCommands() throws Exception {
        Cli.Result show = Cli.run("read", greeting(), "-Y", "frame.number == 3", "-V");
        Cli.Result packets = Cli.run("read", greeting(), "-Y", "(tcp.len > 0) && (tcp.srcport == 6000)", "-c", "2");
        Cli.Result ladder = Cli.run("ladder", greeting(), "--stream", "0");
        Cli.Result shell = Cli.run("shell", greeting(), "-c",
                "show 3; filter tcp.len > 0; packets tcp.srcport == 6000 -n 2; filter off; ladder 0");
        assertEquals(0, shell.exitCode(), shell.stderr());
        assertEquals(show.stdout() + "standing filter: tcp.len > 0\n" + packets.stdout() + "standing filter cleared\n" + ladder.stdout(),
                shell.stdout());
    }

    @Test
    void aFailingCommand_saysItsOneLine_theRestStillRun_andTheExitCodeIsTheFirstFailure() throws Exception {
        Cli.Result shell = Cli.run("shell", greeting(), "-c", "bogus; show 99; info");
        assertEquals(2, shell.exitCode());
        assertEquals("analyzer: unknown command 'bogus' (type 'help')\n"
                + "analyzer: show 99: not a frame of " + greeting() + " (it has frames 1 to 17)\n", shell.stderr());
        assertTrue(shell.stdout().contains("Packets:       17"), shell.stdout());
    }

    @Test
    void script_andStandardInput_runLineByLine_withComments() throws Exception {
        Path script = dir.resolve("questions.txt");
        Files.writeString(script, "# which connections, then frame 4\nconns\nexplain 4   # the first data segment\n");
        Cli.Result a = Cli.run("shell", greeting(), "--script", script.toString());
        Cli.Result b = Cli.runWithInput(60, script, "shell", greeting());
        Cli.Result c = Cli.run("shell", greeting(), "-c", "conns; explain 4");
        assertEquals(0, a.exitCode(), a.stderr());
        assertEquals(c.stdout(), a.stdout());
        assertEquals(c.stdout(), b.stdout());
    }

    @Test
    void save_writesTheFilteredPackets_asTsharkWouldSelectThem() throws Exception {
        Path out = dir.resolve("fins.pcapng");
        Cli.Result shell = Cli.run("shell", greeting(), "-c", "save " + out + " tcp.flags.fin == 1; open " + out + "; packets");
        assertEquals(0, shell.exitCode(), shell.stderr());
        assertTrue(shell.stdout().contains(out + ": 2 packets; 1 TCP and 0 UDP streams"), shell.stdout());
        String tshark = org.tcplab.Tshark.run("-r", out.toString(), "-T", "fields", "-e", "tcp.flags.fin");
        assertEquals("1\n1\n", tshark);
        byte[] head = Files.readAllBytes(out);
        assertEquals(0x0a0d0d0a, java.nio.ByteBuffer.wrap(head, 0, 4).getInt(), "a .pcapng is pcapng (its section header block)");
        Path pcap = dir.resolve("fins.pcap");
        assertEquals(0, Cli.run("read", greeting(), "-Y", "tcp.flags.fin == 1", "-w", pcap.toString()).exitCode());
        assertEquals(0x4d3cb2a1, java.nio.ByteBuffer.wrap(Files.readAllBytes(pcap), 0, 4).getInt(),
                "a .pcap is classic nanosecond pcap");
    }

    @Test
    void saveToDash_isRefused_theConsolesOutputIsItsTerminal() throws Exception {
        Cli.Result shell = Cli.run("shell", greeting(), "-c", "save -");
        assertTrue(shell.stderr().contains("'-' (standard input or output) is the console's keyboard and screen here: name a capture file"),
                shell.stderr());
        assertEquals("", shell.stdout(), "no capture on the console's output");
        assertTrue(!Files.exists(Path.of("-")), "no file named '-'");
    }

    @Test
    void theConsolesWords_followLang() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), org.tcplab.cli.AnalyzerMain.class.getName(), "shell", greeting(), "-c",
                "filter tcp.port == 6000; help");
        pb.environment().put("LANG", "zh_CN.UTF-8");
        pb.environment().remove("LC_ALL");
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.startsWith("常驻过滤器：tcp.port == 6000\n"), out);
        assertTrue(out.contains("为后续命令设置常驻显示过滤器"), out);
    }

    @Test
    void missingFile_isOneLine() throws Exception {
        Cli.Result shell = Cli.run("shell", "/nonexistent/x.pcap", "-c", "info");
        assertEquals(3, shell.exitCode());
        assertEquals("analyzer: no such file: /nonexistent/x.pcap\n", shell.stderr());
    }
}
