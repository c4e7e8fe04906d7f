package org.tcplab.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.Corpus;
import org.tcplab.analysis.ConnectionSummary;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;

import org.tcplab.analysis.ConnectionTracker;

/**
 * The two-thread pass of {@code conns} gives exactly the summaries of the one-thread analysis
 * that {@code read} runs, and keeps what it read before a damaged part. Batches of 7 segments, so
 * that every capture crosses many batch boundaries.
 */
class ConnectionPassTest {
    private static final int SMALL_BATCH = 7;

    private static String oneThread(FrameSource s, List<ConnectionSummary> rows) {
        try {
            new CaptureAnalyzer().summarise(s, v -> true, rows);
            return null;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String twoThreads(FrameSource s, List<ConnectionSummary> rows) {
        try {
            new ConnectionPass(new ConnectionTracker(), SMALL_BATCH).summarise(s, rows);
            return null;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusCapture_sameSummariesAsTheOneThreadAnalysis() {
        return Corpus.captures().stream().map(f -> DynamicTest.dynamicTest(Corpus.root().relativize(f).toString(),
                () -> sameSummariesAsOneThread(f)));
    }

    /**
     * The two-thread pass (small batches) gives the one-thread analysis's summaries and failure;
     * also run on every fuzzed capture by {@link FuzzedCorpusTest}.
     */
    static void sameSummariesAsOneThread(Path f) throws IOException {
        List<ConnectionSummary> expected = new ArrayList<>();
        List<ConnectionSummary> actual = new ArrayList<>();
        String expectedFailure;
        try (FrameSource s = CaptureFiles.open(f)) {
            expectedFailure = oneThread(s, expected);
        } catch (CaptureFileException e) {
            return; // not a capture we can open: nothing to compare
        }
        String failure;
        try (FrameSource s = CaptureFiles.open(f)) {
            failure = twoThreads(s, actual);
        }
        assertEquals(expectedFailure, failure);
        assertEquals(expected, actual);
    }

    /**
     * {@code read --format none}'s pass (every frame decoded, UDP streams numbered, state changes
     * recorded) reads the frames, numbers the TCP and UDP streams and summarises the connections
     * exactly as the one-thread pass of {@code read} does, damaged captures included.
     */
    @TestFactory
    Stream<DynamicTest> asRead_everyCorpusCapture_sameCountsAndSummariesAsTheOneThreadPass() {
        return Corpus.captures().stream().map(f -> DynamicTest.dynamicTest(Corpus.root().relativize(f).toString(), () -> {
            CaptureAnalyzer one = new CaptureAnalyzer();
            one.countConversations(false);
            List<ConnectionSummary> expected = new ArrayList<>();
            String expectedFailure;
            try (FrameSource s = CaptureFiles.open(f)) {
                expectedFailure = failure(() -> one.summarise(s, v -> true, expected));
            } catch (CaptureFileException e) {
                return; // not a capture we can open: nothing to compare
            }
            CaptureAnalyzer two = new CaptureAnalyzer();
            ConnectionPass pass = new ConnectionPass(two.connections(), SMALL_BATCH, two.udpStreams(), two.echoes());
            List<ConnectionSummary> actual = new ArrayList<>();
            String failure;
            try (FrameSource s = CaptureFiles.open(f)) {
                failure = failure(() -> two.connections().summarise(actual::add, () -> pass.run(s)));
            }
            assertEquals(expectedFailure, failure);
            assertEquals(one.packets(), pass.frames(), "frames read");
            assertEquals(one.streams().streamCount(), two.streams().streamCount(), "TCP streams");
            assertEquals(one.udpStreams().streamCount(), two.udpStreams().streamCount(), "UDP streams");
            assertEquals(expected, actual);
        }));
    }

    private interface Pass {
        void run() throws IOException;
    }

    private static String failure(Pass p) {
        try {
            p.run();
            return null;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Test
    void fileCutInARecord_summarisesWhatCameBeforeThenFails() throws IOException {
        Path big = Corpus.captures().stream().filter(f -> f.toString().endsWith(".pcap"))
                .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        byte[] whole = Files.readAllBytes(big);
        byte[] cut = Arrays.copyOf(whole, whole.length - 3);
        List<ConnectionSummary> expected = new ArrayList<>();
        List<ConnectionSummary> actual = new ArrayList<>();
        try (FrameSource s = CaptureFiles.open(new ByteArrayInputStream(cut), "cut.pcap")) {
            assertTrue(oneThread(s, expected).contains("cut short"));
        }
        try (FrameSource s = CaptureFiles.open(new ByteArrayInputStream(cut), "cut.pcap")) {
            String failure = twoThreads(s, actual);
            assertTrue(failure.startsWith(CaptureFileException.class.getSimpleName()) && failure.contains("cut short"), failure);
        }
        assertFalse(expected.isEmpty(), "the capture has connections: " + big);
        assertEquals(expected, actual);
    }

    @Test
    void trackingThreadFailing_stopsTheDecodingThread() throws IOException {
        Path any = Corpus.captures().stream().filter(f -> f.toString().endsWith(".pcap"))
                .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        ConnectionTracker failing = new ConnectionTracker();
        failing.onRetired(c -> {
            throw new IllegalStateException("sink failed");
        });
        failing.maxTracked(1); // retire (and so fail) at the second connection
        try (FrameSource s = CaptureFiles.open(any)) {
            ConnectionPass pass = new ConnectionPass(failing, SMALL_BATCH);
            assertThrows(IllegalStateException.class, () -> pass.run(s));
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("decode") && t.isAlive()),
                "the decoding thread is gone once run returns");
    }
}
