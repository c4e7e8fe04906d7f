package org.tcplab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the analyzer's command line in a child JVM, as a user would, with a time limit. */
public final class Cli {
    /** What one run printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
        public List<String> lines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }

        /** Text output's packet lines, without the indented transition lines under them. */
        public List<String> packetLines() {
            return lines().stream().filter(l -> l.matches("^ *\\d+  .*")).toList();
        }
    }

    private Cli() {
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        return run(60, args);
    }

    public static Result run(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        return runWithInput(timeoutSeconds, null, args);
    }

    /** The same with standard input read from {@code stdin} (null: nothing). */
    public static Result runWithInput(int timeoutSeconds, Path stdin, String... args) throws IOException, InterruptedException {
        return run(timeoutSeconds, stdin, java.util.Map.of(), args);
    }

    /** The same with these variables added to the environment. */
    public static Result runWithEnv(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(60, null, env, args);
    }

    private static Result run(int timeoutSeconds, Path stdin, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("cli-out", ".txt");
        try {
            Result r = runInto(timeoutSeconds, stdin, out, env, args);
            return new Result(r.exitCode(), Files.readString(out, StandardCharsets.UTF_8), r.stderr());
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The same with standard output written to {@code stdout} as it came (a capture: bytes, not text); the result's is empty. */
    public static Result runInto(int timeoutSeconds, Path stdin, Path stdout, String... args) throws IOException, InterruptedException {
        return runInto(timeoutSeconds, stdin, stdout, java.util.Map.of(), args);
    }

    private static Result runInto(int timeoutSeconds, Path stdin, Path stdout, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(AnalyzerMain.class.getName());
        cmd.addAll(List.of(args));
        Path out = stdout;
        Path err = Files.createTempFile("cli-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(stdin == null ? new java.io.File("/dev/null") : stdin.toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("analyzer " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), "", Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
