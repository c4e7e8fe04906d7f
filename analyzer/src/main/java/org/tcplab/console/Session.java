package org.tcplab.console;

import java.io.IOException;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.FrameSource;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Inputs;
import org.tcplab.pipeline.CaptureAnalyzer;

/**
 * What the console holds between commands: the open capture with its packet and stream counts
 * (for the prompt and for completion), the standing display filter, the current frame, and a
 * capture running in the background.
 */
final class Session {
    private String file;
    private long packets;
    private int tcpStreams;
    private int udpStreams;
    private String damage;
    private String filter;
    private long current;
    private BackgroundCapture capture;

    /**
     * Opens {@code path}: one pass counts its packets and streams. A damaged file still opens
     * (what was read before the damage counts, as every command reads it) and says so.
     */
    void open(String path, org.tcplab.command.Cancellation cancel) throws IOException {
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        analyzer.connectionAnalysis(false);
        analyzer.countConversations(false);
        String broken = null;
        try (FrameSource source = Inputs.open(path)) {
            analyzer.run(source, v -> !cancel.isCancelled());
        } catch (CaptureFileException e) {
            broken = e.getMessage();
        }
        cancel.check(); // the file open before stays open
        file = path;
        packets = analyzer.packets();
        tcpStreams = analyzer.streams().streamCount();
        udpStreams = analyzer.udpStreams().streamCount();
        damage = broken;
        current = packets > 0 ? 1 : 0;
    }

    String file() {
        return file;
    }

    /** The open file, or the one-line failure every command that needs one gives. */
    String requireFile() {
        if (file == null) {
            throw new Failure(ExitCodes.USAGE, "no capture open: 'open FILE' first (or 'capture start -i IFACE', 'lab SCENARIO')");
        }
        return file;
    }

    long packets() {
        return packets;
    }

    int tcpStreams() {
        return tcpStreams;
    }

    int udpStreams() {
        return udpStreams;
    }

    String damage() {
        return damage;
    }

    String filter() {
        return filter;
    }

    void filter(String f) {
        filter = f;
    }

    long current() {
        return current;
    }

    void current(long frame) {
        current = frame;
    }

    BackgroundCapture capture() {
        return capture;
    }

    void capture(BackgroundCapture c) {
        capture = c;
    }

    /** The standing filter and {@code more} together, or either, or null. */
    String combined(String more) {
        boolean hasMore = more != null && !more.isBlank();
        if (filter == null) {
            return hasMore ? more : null;
        }
        return hasMore ? "(" + filter + ") && (" + more + ")" : filter;
    }
}
