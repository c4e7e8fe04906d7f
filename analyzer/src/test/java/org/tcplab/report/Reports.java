package org.tcplab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;

/** Builds reports of captures for the tests, in process. */
final class Reports {
    private Reports() {
    }

    static CaptureReport of(Path capture, Locale locale) throws IOException {
        try (FrameSource src = CaptureFiles.open(capture)) {
            return ReportBuilder.build(ReportInput.read(capture.getFileName().toString(), src, -1), locale);
        }
    }

    static CaptureReport of(Path capture) throws IOException {
        return of(capture, Locale.ENGLISH);
    }
}
