package org.tcplab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;

/**
 * Checks a path a command will write before it starts, so that a mistake is one line with the
 * reason in words (and the README's exit code) instead of the operating system's bare path, and
 * nothing is half-done: 3 when a directory on the way does not exist, 4 when it may not be
 * written, 2 when a file stands where a directory is needed or the reverse.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** A file to be created or replaced. */
    public static void checkFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new Failure(ExitCodes.USAGE, "cannot write " + file + ": it is a directory");
        }
        Path dir = abs.getParent();
        checkDirectoryOnTheWay(file, dir);
        if (Files.exists(abs) ? !Files.isWritable(abs) : !Files.isWritable(dir)) {
            throw new Failure(ExitCodes.NO_PERMISSION, "cannot write " + file + ": permission denied"
                    + (Files.exists(abs) ? "" : " in directory " + dir));
        }
    }

    /** A directory to write into, created (with its parents) if it does not exist. */
    public static void checkDirectory(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new Failure(ExitCodes.USAGE, "cannot write into " + dir + ": it is a file, not a directory");
        }
        Path existing = nearestExisting(abs);
        if (existing != null && !Files.isDirectory(existing)) {
            throw new Failure(ExitCodes.USAGE, "cannot write into " + dir + ": " + existing + " is a file, not a directory");
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new Failure(ExitCodes.NO_PERMISSION, "cannot write into " + dir + ": permission denied in " + existing);
        }
    }

    /** The file's directory must exist and be one (it is not created for a file). */
    private static void checkDirectoryOnTheWay(Path file, Path dir) {
        if (dir == null) {
            return;
        }
        Path existing = nearestExisting(dir);
        if (existing != null && !Files.isDirectory(existing)) {
            throw new Failure(ExitCodes.USAGE, "cannot write " + file + ": " + existing + " is a file, not a directory");
        }
        if (existing == null || !existing.equals(dir)) {
            // the first directory on the way that is missing
            Path missing = existing == null ? dir.getRoot() : existing.resolve(dir.getName(existing.getNameCount()));
            throw new Failure(ExitCodes.NOT_FOUND, "cannot write " + file + ": directory " + missing + " does not exist");
        }
    }

    /** The path itself or its nearest ancestor that exists (null when none does). */
    private static Path nearestExisting(Path abs) {
        Path p = abs;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }
}
