package org.tcplab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared corpus of public captures with tshark's verdicts (../shared/corpus beside the repository). */
public final class Corpus {
    private Corpus() {
    }

    public static Path root() {
        String prop = System.getProperty("tcplab.corpus");
        Path p = prop != null ? Path.of(prop) : Path.of("../shared/corpus");
        if (!Files.isDirectory(p)) {
            p = Path.of("../../shared/corpus");
        }
        if (!Files.isDirectory(p.resolve("expected"))) {
            throw new IllegalStateException("the capture corpus is missing: expected it at " + p.toAbsolutePath()
                    + " (set -Dtcplab.corpus=DIR)");
        }
        return p.normalize();
    }

    /** Every capture file (pcap, pcapng) under the corpus, expected/ excluded, sorted. */
    public static List<Path> captures() {
        Path root = root();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> !root.relativize(f).startsWith("expected"))
                    .filter(f -> f.toString().endsWith(".pcap") || f.toString().endsWith(".pcapng"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Expected files with the given suffix, e.g. ".tshark.tsv". */
    public static List<Path> expected(String suffix) {
        Path root = root().resolve("expected");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The capture an expected file describes. */
    public static Path captureFor(Path expectedFile, String suffix) {
        Path rel = root().resolve("expected").relativize(expectedFile);
        String name = rel.toString();
        return root().resolve(name.substring(0, name.length() - suffix.length()));
    }
}
