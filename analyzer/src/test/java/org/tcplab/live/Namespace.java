package org.tcplab.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.tcplab.cli.AnalyzerMain;

/**
 * Runs a bash script inside a private network namespace ({@code unshare -n}), where only this
 * test's loopback exists. The script sees $JAVA (a java command with the test class path),
 * $ANALYZER (the analyzer command line) and $DIR (a scratch folder).
 */
public final class Namespace {
    private Namespace() {
    }

    /** Runs {@code script} in a new namespace; returns its combined output, failing on a non-zero exit. */
    public static String run(Path dir, String script, int timeoutSeconds) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java") + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "
                + System.getProperty("java.class.path");
        String prologue = "set -euo pipefail\nip link set lo up\nJAVA='" + java + "'\nANALYZER=\"$JAVA "
                + AnalyzerMain.class.getName() + "\"\nDIR='" + dir + "'\n"
                + "await() { for _ in $(seq 150); do grep -q \"$2\" \"$1\" 2>/dev/null && return 0; sleep 0.1; done; "
                + "echo \"timed out waiting for '$2' in $1\" >&2; cat \"$1\" >&2; return 1; }\n";
        Path file = dir.resolve("scenario.sh");
        Files.writeString(file, prologue + script);
        Path log = dir.resolve("scenario.log");
        Process p = new ProcessBuilder("unshare", "-n", "bash", file.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scenario timed out:\n" + Files.readString(log));
        }
        String out = Files.readString(log);
        if (p.exitValue() != 0) {
            throw new AssertionError("scenario failed (exit " + p.exitValue() + "):\n" + out);
        }
        return out;
    }
}
