package org.tcplab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.tcplab.capture.CaptureWriter;
import org.tcplab.capture.Frame;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.live.LiveCaptureOptions;

/**
 * The packets a filter passes, written to a new capture file ({@code read -w}, the console's
 * {@code save}): into a hidden part file first, moved into place when done, so a cancelled or
 * failed run never leaves half a file under the name asked for ({@link OutputFile}; {@code -},
 * standard output, a device or a FIFO is written as it goes). The file takes the link type of
 * the first packet written; classic pcap holds one, so a second link type asks for pcapng.
 */
final class FilteredWriter {
    private final Path target;
    /** The file, or null for standard output. */
    private final OutputFile file;
    /** Standard output, or null for a file. */
    private final java.io.OutputStream stdout;
    private CaptureWriter writer;
    private int linkType = -1;

    private FilteredWriter(Path target, OutputFile file, java.io.OutputStream stdout) {
        this.target = target;
        this.file = file;
        this.stdout = stdout;
    }

    static FilteredWriter create(Path target) {
        if (OutputPaths.isStandardOutput(target)) {
            // a terminal is refused now, before anything is read
            return new FilteredWriter(target, null, OutputPaths.standardOutput("-w"));
        }
        OutputPaths.checkFile(target);
        return new FilteredWriter(target.toAbsolutePath(), OutputFile.of(target), null);
    }

    void write(Frame f) throws IOException {
        if (writer == null) {
            open(f.linkType());
        } else if (f.linkType() != linkType) {
            // the writer describes one interface, so one link type (pcap can hold no other)
            throw new Failure(ExitCodes.USAGE, "frame " + f.number() + " has link type " + f.linkType() + ", the first packet written "
                    + linkType + ": write each link type to a file of its own (e.g. -Y 'frame.number < " + f.number() + "')");
        }
        try {
            writer.write(f.epochSeconds(), f.nanos(), f.data(), f.offset(), f.capturedLength(), f.originalLength());
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private void open(int lt) {
        linkType = lt;
        try {
            // standard output streams as it goes (there is no part file to move: -w - | tcpdump -r -)
            writer = file == null ? CaptureWriter.open(stdout, false, lt, LiveCaptureOptions.DEFAULT_SNAPLEN, null, null)
                    : CaptureWriter.open(file.path(), lt, LiveCaptureOptions.DEFAULT_SNAPLEN, null, null);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private Failure cannotWrite(IOException e) {
        abandon();
        return OutputPaths.cannotWrite(target, e);
    }

    /** Closes the file and moves it into place (an empty capture when nothing passed). */
    void finish() throws IOException {
        if (writer == null) {
            open(org.tcplab.capture.LinkTypes.ETHERNET);
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        if (file != null) {
            file.commit();
        }
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
        if (file != null) {
            file.abandon();
        }
    }
}
