package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tcplab.cli.AnalyzerMain;

/**
 * The console session in the README is what the console shows today: bin/console-transcript
 * types it into tmux (a real pseudo-terminal) and reads the screen back; the README's copy must
 * be that, line for line. Needs tmux (bin/test installs it).
 */
class ConsoleTranscriptTest {
    private static final Path ROOT = SamplesTest.samples().getParent().toAbsolutePath().normalize();

    @Test
    void readmeTranscript_isWhatTheConsoleShows() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "skipped: needs tmux (bin/test installs it)");
        String analyzer = Path.of(System.getProperty("java.home"), "bin", "java") + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "
                + System.getProperty("java.class.path") + " " + AnalyzerMain.class.getName();
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("bin/console-transcript").toString());
        pb.environment().put("ANALYZER", analyzer);
        Path out = Files.createTempFile("transcript", ".txt");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/console-transcript did not finish");
        }
        String fresh = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        assertEquals(0, p.exitValue(), fresh);
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("<!-- console-transcript -->\n```text\n");
        int to = readme.indexOf("```\n<!-- /console-transcript -->");
        String shown = readme.substring(from + "<!-- console-transcript -->\n```text\n".length(), to);
        if (Boolean.getBoolean("tcplab.regenerate")) {
            Files.writeString(ROOT.resolve("README.md"), readme.substring(0, from) + "<!-- console-transcript -->\n```text\n" + fresh
                    + readme.substring(to), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(shown, fresh, "the README's console transcript (bin/test -Dtcplab.regenerate=true rewrites it)");
    }
}
