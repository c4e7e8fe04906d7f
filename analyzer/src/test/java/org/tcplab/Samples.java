package org.tcplab;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's samples/ folder. */
public final class Samples {
    private Samples() {
    }

    public static Path root() {
        String prop = System.getProperty("tcplab.root");
        Path r = prop != null ? Path.of(prop) : Path.of("..");
        if (!Files.isDirectory(r.resolve("samples"))) {
            r = Path.of(".");
        }
        return r.resolve("samples").normalize();
    }

    /** Every capture in samples/, sorted. */
    public static java.util.List<Path> captures() {
        try (java.util.stream.Stream<Path> s = Files.list(root())) {
            return s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Path path(String name) {
        return root().resolve(name);
    }
}
