package org.tcplab.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Io;

/**
 * {@code lab SCENARIO}: runs traffic-gen's lab as a child process (traffic-gen is built on the
 * analyzer, so the analyzer cannot call it in-process), its output shown as it comes, Ctrl-C
 * ending it.
 */
final class LabRun {
    private LabRun() {
    }

    static int run(String scenario, Path out, Io io) throws IOException {
        List<String> cmd = new ArrayList<>();
        String named = System.getenv("TCPLAB_TRAFFIC_GEN");
        if (named != null && !named.isBlank()) {
            cmd.addAll(List.of(named.trim().split("\\s+"))); // the traffic-gen command line to run (tests name their class path)
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-jar");
            cmd.add(trafficGenJar().toString());
        }
        cmd.addAll(List.of("lab", "--out", out.toString(), scenario));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        io.cancel().onCancel(p::destroy);
        PrintStream screen = io.printer();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                screen.println(line);
            }
        }
        try {
            int code = p.waitFor();
            io.cancel().check();
            return code;
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            return ExitCodes.CANCELLED;
        }
    }

    /** traffic-gen's jar beside the analyzer's in the checkout (TCPLAB_HOME, or found from our own jar). */
    static Path trafficGenJar() {
        String home = System.getenv("TCPLAB_HOME");
        List<Path> tried = new ArrayList<>();
        if (home != null) {
            tried.add(Path.of(home, "traffic-gen", "target", "traffic-gen-all.jar"));
        }
        try {
            Path self = Path.of(LabRun.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            // analyzer/target/analyzer-all.jar (or analyzer/target/classes) -> the checkout
            Path root = self.getParent().getParent().getParent();
            tried.add(root.resolve("traffic-gen/target/traffic-gen-all.jar"));
        } catch (Exception e) {
            // no code source: only TCPLAB_HOME
        }
        for (Path p : tried) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new Failure(ExitCodes.NOT_FOUND, "lab: traffic-gen is not built (looked for " + tried
                + "); run bin/traffic-gen once, or set TCPLAB_HOME to the checkout");
    }
}
