package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The greeting server and clients as separate processes, in a private network namespace (root):
 * three clients connected at once, and a client whose server went away.
 */
class GreetingProcessesTest {
    @TempDir
    Path dir;

    private String run(String script) throws Exception {
        return NamespaceScript.run(dir, script);
    }

    @Test
    void serverServesThreeClientsAtOnce() throws Exception {
        String out = run("""
                $TG greeting-server --port 6000 > $D/server.log 2>&1 &
                S=$!
                for i in $(seq 100); do grep -q listening $D/server.log && break; sleep 0.1; done
                for n in Alice Bob Carol; do (sleep 2; echo $n) | $TG greeting-client --port 6000 > $D/$n.log 2>&1 & done
                wait %2 %3 %4
                kill $S
                """);
        List<String> log = Files.readAllLines(dir.resolve("server.log"));
        int thirdConnected = -1;
        int firstDone = -1;
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).startsWith("client 3 connected")) {
                thirdConnected = i;
            }
            if (log.get(i).contains("said exit") && firstDone < 0) {
                firstDone = i;
            }
        }
        assertTrue(thirdConnected >= 0 && firstDone > thirdConnected,
                "all three were connected before the first finished (a thread per client):\n" + String.join("\n", log) + out);
        for (String n : List.of("Alice", "Bob", "Carol")) {
            assertEquals(List.of("Welcome!", "What's your name?", "Hello " + n + "!", "Good bye!"),
                    Files.readAllLines(dir.resolve(n + ".log")));
        }
    }

    @Test
    void clientOfAServerThatWentAway_getsAClearMessage() throws Exception {
        run("""
                $TG greeting-server --port 6000 > $D/server.log 2>&1 &
                S=$!
                for i in $(seq 100); do grep -q listening $D/server.log && break; sleep 0.1; done
                (sleep 2; echo Bob) | $TG greeting-client --port 6000 > $D/client.log 2>&1 &
                C=$!
                for i in $(seq 100); do grep -q connected $D/server.log && break; sleep 0.1; done
                kill -9 $S
                wait $C; echo "exit $?" >> $D/client.log
                $TG greeting-client --port 6000 --names Eve > $D/nobody.log 2>&1; echo "exit $?" >> $D/nobody.log
                """);
        String client = Files.readString(dir.resolve("client.log"));
        assertTrue(client.contains("traffic-gen: the greeting server at 127.0.0.1:6000 closed the connection"), client);
        assertTrue(client.contains("exit 1"), client);
        String nobody = Files.readString(dir.resolve("nobody.log"));
        assertTrue(nobody.contains("no greeting server at 127.0.0.1:6000 (connection refused"), nobody);
    }

    @Test
    void portInUse_isOneLine() throws Exception {
        run("""
                $TG greeting-server --port 6000 > $D/first.log 2>&1 &
                S=$!
                for i in $(seq 100); do grep -q listening $D/first.log && break; sleep 0.1; done
                $TG greeting-server --port 6000 > $D/second.log 2>&1; echo "exit $?" >> $D/second.log
                $TG greeting --port 6000 > $D/scenario.log 2>&1; echo "exit $?" >> $D/scenario.log
                kill $S
                """);
        assertEquals(List.of("traffic-gen: port 6000 is in use on 127.0.0.1; choose another with --port", "exit 2"),
                Files.readAllLines(dir.resolve("second.log")));
        assertTrue(Files.readString(dir.resolve("scenario.log")).contains("port 6000 is in use"));
    }
}
