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

    public static Path path(String name) {
        return root().resolve(name);
    }
}
