package org.tcplab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command's output file goes. A regular file (or a new one) is written as a hidden part
 * file beside it and moved over it when done ({@link OutputPaths#partFile}), so it is never half a
 * file and the input may be the output; behind a symbolic link, beside the link's target, so the
 * link stays. Anything else that exists (a device such as /dev/null, a FIFO, /dev/stdout on a pipe)
 * or a link to nothing is opened and written through, as tcpdump and tshark open their {@code -w}
 * file: a rename would put a regular file in its place.
 */
final class OutputFile {
    private final Path target;
    private final Path part;
    private final Path place;

    private OutputFile(Path target, Path part, Path place) {
        this.target = target;
        this.part = part;
        this.place = place;
    }

    /** The output {@code target} as named; checked ({@link OutputPaths#checkFile}) by the caller. */
    static OutputFile of(Path target) {
        boolean link = Files.isSymbolicLink(target);
        if (link && Files.isRegularFile(target)) {
            try {
                Path real = target.toRealPath();
                return new OutputFile(target, OutputPaths.partFile(real), real);
            } catch (IOException e) {
                throw OutputPaths.cannotWrite(target, e);
            }
        }
        if (link || Files.exists(target) && !Files.isRegularFile(target)) {
            return new OutputFile(target, target, null);
        }
        return new OutputFile(target, OutputPaths.partFile(target), target.toAbsolutePath());
    }

    /** The path to open for writing. */
    Path path() {
        return part;
    }

    /** Written through, not moved into place: a device, a FIFO, a link to nothing. */
    boolean writtenThrough() {
        return place == null;
    }

    /** The output is complete: the part file goes over the target (nothing to do when written through). */
    void commit() {
        if (place != null) {
            OutputPaths.moveIntoPlace(part, place, target);
        }
    }

    /** The output failed or was cancelled: the part file goes; what was written through stays written. */
    void abandon() {
        if (place != null) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // the failure to report is the caller's
            }
        }
    }
}
