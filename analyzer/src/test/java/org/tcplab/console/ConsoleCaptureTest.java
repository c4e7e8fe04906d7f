package org.tcplab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.Tshark;
import org.tcplab.live.Namespace;
import org.tcplab.live.Privileges;

/**
 * A live capture from the console, on a real terminal (tmux's pseudo-terminal) inside a private
 * network namespace: 'capture start' prints each packet above the prompt while the console still
 * answers, 'capture stop' opens the capture. Needs root (unshare, CAP_NET_RAW) and tmux.
 */
class ConsoleCaptureTest {
    @TempDir
    Path dir;

    @Test
    void captureStartStop_printsPacketsAboveThePrompt_andOpensTheCapture() throws Exception {
        assumeTrue(Privileges.isRoot(), "skipped: a live capture needs root (network namespace, CAP_NET_RAW)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "skipped: needs tmux (bin/test installs it)");
        Namespace.run(dir, """
                T="tmux -L tcplab-console-test -f /dev/null"
                $T new-session -d -x 200 -y 60 "TCPLAB_HISTORY=$DIR/history NO_COLOR=1 $ANALYZER shell"
                trap '$T kill-server 2>/dev/null || true' EXIT
                pane() { $T capture-pane -p -J -S -300 > "$1"; }
                awaitpane() { for _ in $(seq 300); do pane $DIR/pane.txt; grep -qF -- "$1" $DIR/pane.txt && return 0; sleep 0.1; done;
                    echo "timed out waiting for '$1'" >&2; cat $DIR/pane.txt >&2; return 1; }
                awaitpane 'tcplab> '
                $T send-keys 'capture start -i lo tcp port 7000' Enter
                awaitpane "'capture stop' to stop"
                $JAVA org.tcplab.live.LoopbackTraffic 7000 5
                awaitpane '[FIN, ACK]'
                sleep 0.5
                pane $DIR/during.txt
                $T send-keys 'capture status' Enter
                awaitpane 'into /'
                $T send-keys 'capture stop' Enter
                awaitpane ' 1 TCP and 0 UDP streams'
                $T send-keys 'conns' Enter
                awaitpane 'complete'
                pane $DIR/after.txt
                # the CLI's capture in the foreground: Ctrl-C stops it, and its file opens
                $T send-keys "capture -i lo -w $DIR/fg.pcap --print tcp port 7001" Enter
                awaitpane "writing $DIR/fg.pcap; Ctrl-C to stop"
                $JAVA org.tcplab.live.LoopbackTraffic 7001 3
                awaitpane ':7001  TCP  stream 0  [FIN'
                $T send-keys C-c
                awaitpane 'fg.pcap ('
                pane $DIR/foreground.txt
                $T send-keys 'quit' Enter
                sleep 0.5
                """, 120);
        List<String> during = Files.readAllLines(dir.resolve("during.txt")).stream().filter(l -> !l.isBlank()).toList();
        String last = during.get(during.size() - 1);
        assertTrue(last.startsWith("tcplab ● lo> "), "the prompt, redrawn under the packets: " + last);
        long packets = during.stream().filter(l -> l.matches(" +\\d+  \\d+\\.\\d+  127\\.0\\.0\\.1:\\d+ > .*")).count();
        assertTrue(packets >= 10, "packets printed above the prompt while capturing:\n" + String.join("\n", during));
        assertTrue(during.stream().anyMatch(l -> l.contains("[SYN]  seq=0")), String.join("\n", during));
        String after = Files.readString(dir.resolve("after.txt"));
        assertTrue(after.contains("capturing on lo into /"), after);
        assertTrue(after.matches("(?s).*: \\d+ packets; 1 TCP and 0 UDP streams.*"), after);
        assertTrue(after.contains(" packets)> conns"), "the capture is the open file: " + after);
        String fg = Files.readString(dir.resolve("foreground.txt"));
        assertTrue(fg.matches("(?s).*\\d+ packets captured\n.*fg\\.pcap: \\d+ packets; 1 TCP and 0 UDP streams\n.*"), fg);
        assertTrue(!fg.contains("cancelled (Ctrl-C)"), "a capture stopped by Ctrl-C ended as it should, not as cancelled: " + fg);
        String file = after.replaceAll("(?s).*capturing on lo into (\\S+) .*", "$1");
        assertEquals(packets, Long.parseLong(Tshark.run("-r", file, "-T", "fields", "-e", "frame.number").lines().count() + ""),
                "every packet printed is in the file tshark reads");
    }
}
