package org.tcplab.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.Corpus;
import org.tcplab.Samples;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.output.ByteSink;
import org.tcplab.output.JsonlFormatter;
import org.tcplab.output.PacketFormatter;
import org.tcplab.output.TextFormatter;

/**
 * The printing pass on two cores prints exactly what one thread prints, whichever thread printed
 * which batch: the reading thread never, always, or every other batch (the rules the queue's depth
 * chooses between at run time), in batches of 7 packets so that every capture crosses many batch
 * boundaries; with a packet limit that ends inside a batch; and up to a damaged part.
 */
class TwoCorePassTest {
    private static final int SMALL_BATCH = 7;
    private static final TwoCorePass.AheadRule NEVER = (waiting, b) -> false;
    private static final TwoCorePass.AheadRule ALWAYS = (waiting, b) -> true;
    private static final TwoCorePass.AheadRule EVERY_OTHER = (waiting, b) -> b % 2 == 1;

    private static PacketPrinter lines(PacketFormatter f) {
        return (v, out) -> {
            if (v.frame().number() % 5 == 3) {
                return false; // a filter leaving some out: lines and batches no longer line up
            }
            f.format(v, out);
            out.put('\n');
            return true;
        };
    }

    /** What the one-thread pass prints, and how it failed (null: it did not). */
    private static String[] oneThread(FrameSource s, PacketPrinter p, long limit) {
        ByteSink out = new ByteSink();
        long[] printed = {0};
        String failure = null;
        try {
            new CaptureAnalyzer().run(s, v -> !p.print(v, out) || ++printed[0] < limit);
        } catch (IOException | RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new String[] {out.toString(), failure};
    }

    private static String[] twoThreads(FrameSource s, PacketPrinter p, PacketPrinter ahead, TwoCorePass.AheadRule rule, long limit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteSink out = new ByteSink(bytes, false);
        String failure = null;
        try {
            new TwoCorePass(SMALL_BATCH, rule).run(new CaptureAnalyzer(), s, p, ahead, out, limit, () -> false);
        } catch (IOException | RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new String[] {bytes.toString(StandardCharsets.UTF_8), failure};
    }

    private static List<Supplier<PacketFormatter>> formatters() {
        return List.of(() -> new JsonlFormatter(true, true), () -> new TextFormatter(true, true, true));
    }

    private static void samePrintedAsOneThread(Path f) throws IOException {
        for (Supplier<PacketFormatter> formatter : formatters()) {
            for (long limit : new long[] {Long.MAX_VALUE, 1, SMALL_BATCH + 2}) {
                String[] expected;
                try (FrameSource s = CaptureFiles.open(f)) {
                    expected = oneThread(s, lines(formatter.get()), limit);
                } catch (CaptureFileException e) {
                    return; // not a capture we can open: nothing to compare
                }
                for (TwoCorePass.AheadRule rule : List.of(NEVER, ALWAYS, EVERY_OTHER)) {
                    try (FrameSource s = CaptureFiles.open(f)) {
                        String[] actual = twoThreads(s, lines(formatter.get()), lines(formatter.get()), rule, limit);
                        assertEquals(expected[1], actual[1], "failure, limit " + limit);
                        assertEquals(expected[0], actual[0], "output, limit " + limit);
                    }
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everySampleAndCorpusCapture_printedAsOneThreadPrintsIt() {
        List<Path> files = new ArrayList<>(Samples.captures());
        files.addAll(Corpus.captures());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> samePrintedAsOneThread(f)));
    }

    @Test
    void fileCutInARecord_printsWhatCameBeforeThenFails() throws IOException {
        Path big = Corpus.captures().stream().filter(f -> f.toString().endsWith(".pcap"))
                .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        byte[] cut = Arrays.copyOf(Files.readAllBytes(big), (int) big.toFile().length() - 3);
        String[] expected;
        try (FrameSource s = CaptureFiles.open(new ByteArrayInputStream(cut), "cut.pcap")) {
            expected = oneThread(s, lines(new JsonlFormatter(false)), Long.MAX_VALUE);
        }
        assertTrue(expected[1].contains("cut short"), expected[1]);
        assertFalse(expected[0].isEmpty());
        for (TwoCorePass.AheadRule rule : List.of(NEVER, ALWAYS, EVERY_OTHER)) {
            try (FrameSource s = CaptureFiles.open(new ByteArrayInputStream(cut), "cut.pcap")) {
                String[] actual = twoThreads(s, lines(new JsonlFormatter(false)), lines(new JsonlFormatter(false)), rule, Long.MAX_VALUE);
                assertEquals(expected[1], actual[1]);
                assertEquals(expected[0], actual[0]);
            }
        }
    }
}
