package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat server and three clients as separate, long-lived processes in a private network
 * namespace (root): each line a client types reaches the other two, and nobody hears their own.
 */
class ChatProcessesTest {
    @TempDir
    Path dir;

    @Test
    void eachLineATypedLine_reachesEveryOtherClient() throws Exception {
        NamespaceScript.run(dir, """
                $TG chat-server --port 7200 > $D/server.log 2>&1 &
                S=$!
                for i in $(seq 100); do grep -q listening $D/server.log && break; sleep 0.1; done
                for n in Alice Bob Carol; do (sleep 3; echo "hello from $n"; sleep 3) | $TG chat-client --port 7200 --name $n > $D/$n.log 2>&1 & done
                wait %2 %3 %4
                kill $S
                """);
        for (String me : new String[] {"Alice", "Bob", "Carol"}) {
            String heard = Files.readString(dir.resolve(me + ".log"));
            for (String other : new String[] {"Alice", "Bob", "Carol"}) {
                String line = other + ": hello from " + other;
                assertTrue(me.equals(other) ? !heard.contains(line) : heard.contains(line), me + " heard:\n" + heard);
            }
        }
        String server = Files.readString(dir.resolve("server.log"));
        assertTrue(server.contains("Alice joined") && server.contains("Carol left"), server);
    }
}
