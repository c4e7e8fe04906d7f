package org.tcplab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tcplab.capture.CaptureWriter;
import org.tcplab.capture.Frame;
import org.tcplab.live.LiveCaptureOptions;

/**
 * The packets a filter passes, written to a new capture file ({@code read -w}, the console's
 * {@code save}): into a hidden part file first, moved into place when done, so a cancelled or
 * failed run never leaves half a file under the name asked for. The file takes the link type of
 * the first packet written; classic pcap holds one, so a second link type asks for pcapng.
 */
final class FilteredWriter {
    private final Path target;
    private final Path part;
    private CaptureWriter writer;
    private int linkType = -1;

    private FilteredWriter(Path target, Path part) {
        this.target = target;
        this.part = part;
    }

    static FilteredWriter create(Path target) {
        OutputPaths.checkFile(target);
        Path abs = target.toAbsolutePath();
        return new FilteredWriter(abs, abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".part"));
    }

    void write(Frame f) throws IOException {
        if (writer == null) {
            open(f.linkType());
        } else if (f.linkType() != linkType && !target.getFileName().toString().endsWith(".pcapng")) {
            throw new Failure(ExitCodes.USAGE, "frame " + f.number() + " has link type " + f.linkType() + ", frame 1 of "
                    + target.getFileName() + " " + linkType + ": a pcap file holds one; write a .pcapng");
        }
        writer.write(f.epochSeconds(), f.nanos(), f.data(), f.offset(), f.capturedLength(), f.originalLength());
    }

    private void open(int lt) throws IOException {
        linkType = lt;
        writer = CaptureWriter.open(part, lt, LiveCaptureOptions.DEFAULT_SNAPLEN, null, null);
    }

    /** Closes the file and moves it into place (an empty capture when nothing passed). */
    void finish() throws IOException {
        if (writer == null) {
            open(org.tcplab.capture.LinkTypes.ETHERNET);
        }
        writer.close();
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Drops the part file. */
    void abandon() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            // the part file goes anyway
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
