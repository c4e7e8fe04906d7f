package org.tcplab.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.Corpus;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.output.JsonlFormatter;
import org.tcplab.output.TextFormatter;
import org.tcplab.conv.ConversationTableFormatter;

/**
 * Corrupts the corpus the way Wireshark fuzz-tests itself ({@code editcap -E 0.02 --seed N}) and
 * runs every result through the whole analysis and both output formats: the only failure allowed
 * is a {@link CaptureFileException}, and each file must finish within seconds. The {@code conns}
 * pass, with its own shortcut past the decoder, must also give the one-thread analysis's summaries. A file that ever
 * broke this is kept under src/test/resources/regressions/ and replayed by
 * {@link #regressionCaptures_analyseCleanly()}.
 */
class FuzzedCorpusTest {
    static final int SEEDS = Integer.getInteger("tcplab.fuzz.seeds", 13);
    static final double ERROR_PROBABILITY = 0.02;
    static final Path REGRESSIONS = Path.of("src/test/resources/regressions");

    @TestFactory
    Stream<DynamicTest> editcapCorruptedCaptures_neverCrashOrHang() throws Exception {
        assumeTrue(editcapAvailable(), "editcap (apt-get install tshark) is needed to fuzz");
        Path dir = Files.createTempDirectory("fuzz");
        List<Path> inputs = Corpus.captures();
        List<DynamicTest> tests = new ArrayList<>();
        int made = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            for (Path in : inputs) {
                Path out = dir.resolve(seed + "-" + in.getFileName());
                if (!editcap(in, out, seed)) {
                    continue; // editcap itself cannot read the original
                }
                made++;
                int s = seed;
                tests.add(DynamicTest.dynamicTest("seed " + s + " " + in.getFileName(), () -> analyseOrKeep(out, s)));
            }
        }
        int total = made;
        tests.add(DynamicTest.dynamicTest("at least 1000 corrupted captures", () ->
                assertTrue(total >= 1000, "only " + total + " corrupted captures made")));
        return tests.stream();
    }

    /**
     * editcap corrupts only packet bytes; this also hits file and record headers and cuts files at
     * random points, which is where readers break.
     */
    @TestFactory
    Stream<DynamicTest> headerCorruptionAndRandomCuts_neverCrashOrHang() throws Exception {
        Path dir = Files.createTempDirectory("mutate");
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261121);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path in : Corpus.captures()) {
            byte[] original = Files.readAllBytes(in);
            if (original.length == 0) {
                continue;
            }
            for (int round = 0; round < 6; round++) {
                byte[] b = original.clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    // bias towards the first 256 bytes, where the file and first record headers are
                    int at = random.nextInt(4) == 0 ? random.nextInt(Math.min(256, b.length)) : random.nextInt(b.length);
                    b[at] = (byte) random.nextInt(256);
                }
                int length = random.nextBoolean() ? b.length : random.nextInt(b.length + 1);
                Path out = dir.resolve(round + "-" + in.getFileName());
                Files.write(out, java.util.Arrays.copyOf(b, length));
                int r = round;
                tests.add(DynamicTest.dynamicTest("round " + r + " " + in.getFileName(), () -> analyseOrKeep(out, r)));
            }
        }
        return tests.stream();
    }

    @Test
    void regressionCaptures_analyseCleanly() throws Exception {
        if (!Files.isDirectory(REGRESSIONS)) {
            return;
        }
        try (Stream<Path> files = Files.list(REGRESSIONS)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                analyse(f);
            }
        }
    }

    private static void analyseOrKeep(Path file, int seed) throws Exception {
        try {
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> analyse(file));
        } catch (Throwable t) {
            Files.createDirectories(REGRESSIONS);
            Path kept = REGRESSIONS.resolve(file.getFileName());
            Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
            throw new AssertionError("seed " + seed + ": " + file.getFileName() + " broke the analyzer; kept as " + kept, t);
        }
    }

    /** The whole analysis with both formatters and the conversation tables. */
    static void analyse(Path file) throws IOException {
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        JsonlFormatter jsonl = new JsonlFormatter(true);
        TextFormatter text = new TextFormatter(true);
        org.tcplab.output.ByteSink sb = new org.tcplab.output.ByteSink();
        try (FrameSource source = CaptureFiles.open(file)) {
            analyzer.run(source, v -> {
                sb.clear();
                jsonl.format(v, sb);
                sb.clear();
                text.format(v, sb);
                return true;
            });
        } catch (CaptureFileException e) {
            assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
        }
        ConversationTableFormatter.format(analyzer.conversations());
        ConnectionPassTest.sameSummariesAsOneThread(file);
    }

    private static boolean editcapAvailable() {
        try {
            Process p = new ProcessBuilder("editcap", "-h").redirectErrorStream(true).start();
            try (OutputStream ignored = p.getOutputStream()) {
                p.getInputStream().readAllBytes();
            }
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static boolean editcap(Path in, Path out, int seed) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("editcap", "-E", Double.toString(ERROR_PROBABILITY), "--seed", Integer.toString(seed),
                in.toString(), out.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0 && Files.exists(out) && Files.size(out) > 0;
    }
}
