package org.tcplab.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Io;

/**
 * Checks a path a command will write before it starts, so that a mistake is one line with the
 * reason in words (and the README's exit code) instead of the operating system's bare path, and
 * nothing is half-done: 3 when a directory on the way does not exist, 4 when it may not be
 * written, 2 when a file stands where a directory is needed or the reverse.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** {@code -}: the command's standard output, as {@code tcpdump -w -} and {@code tshark -w -} take it. */
    public static boolean isStandardOutput(Path file) {
        return file.toString().equals("-");
    }

    /**
     * The command's standard output for a binary capture ({@code option -}). Refused on a terminal:
     * a capture there is noise that can upset it. (The console refuses '-' before any command runs.)
     */
    public static java.io.OutputStream standardOutput(String option) {
        if (System.console() != null) {
            throw new Failure(ExitCodes.USAGE, "not writing a capture to a terminal: pipe it (" + option
                    + " - | tcpdump -r -) or give a file name");
        }
        return Io.current().out();
    }

    /** A file to be created or replaced ({@code -} is standard output: nothing to check). */
    public static void checkFile(Path file) {
        if (isStandardOutput(file)) {
            return;
        }
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

    /**
     * The hidden file beside {@code target} that a command writes first and moves over it when done
     * ({@link OutputFile}): the output is never half a file, and the input may be the output.
     * ".NAME.PID.part.EXT": the extension is kept, as writers choose their format by it.
     */
    static Path partFile(Path target) {
        Path abs = target.toAbsolutePath();
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        return abs.resolveSibling("." + name + "." + ProcessHandle.current().pid() + ".part" + ext);
    }

    /**
     * Moves a finished part file over {@code place} (the file behind {@code target}, the name the
     * user gave), atomically where the file system can; on failure the part file goes.
     */
    static void moveIntoPlace(Path part, Path place, Path target) {
        try {
            try {
                Files.move(part, place, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, place, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the failure to report is the move's
            }
            throw cannotWrite(target, e);
        }
    }

    /** {@code bytes} into {@code target}: through a part file, or written through ({@link OutputFile}). */
    public static void write(Path target, byte[] bytes) {
        OutputFile out = OutputFile.of(target);
        try {
            Files.write(out.path(), bytes);
        } catch (IOException e) {
            out.abandon();
            throw cannotWrite(target, e);
        }
        out.commit();
    }

    /** The one-line failure of writing {@code target}: the reason in words, not the part file's bare path. */
    public static Failure cannotWrite(Path target, IOException e) {
        if (isStandardOutput(target)) {
            // not a file's failure: its reader went away (-w - | head), which ends the command quietly
            // as read | head does, or the shell's redirection failed, which says why in one line
            throw new java.io.UncheckedIOException(e);
        }
        if (e instanceof AccessDeniedException) {
            return new Failure(ExitCodes.NO_PERMISSION, "cannot write " + target + ": permission denied");
        }
        String why = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return new Failure(ExitCodes.BAD_INPUT, "cannot write " + target + ": " + why);
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
