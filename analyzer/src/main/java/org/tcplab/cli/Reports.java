package org.tcplab.cli;

import java.io.IOException;
import java.util.Locale;
import org.tcplab.capture.FrameSource;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.command.Inputs;
import org.tcplab.command.Io;
import org.tcplab.report.ReportInput;
import org.tcplab.words.Languages;

/** What the commands built on the report (report, check, explain, ladder, info) share: reading its input, its language. */
final class Reports {
    private Reports() {
    }

    /**
     * Reads {@code file} for a report ({@code stream} >= 0: that TCP stream only), stopping at Ctrl-C.
     * More packets than a report holds is a one-line usage error: {@code tooLarge}, or the input's own
     * advice when null.
     */
    static ReportInput read(String file, String name, int stream, String tooLarge) throws IOException {
        Io io = Io.current();
        try (FrameSource source = Inputs.open(file)) {
            ReportInput in = ReportInput.read(name, source, stream, io.cancel()::isCancelled);
            io.cancel().check();
            return in;
        } catch (ReportInput.TooLarge e) {
            throw new Failure(ExitCodes.USAGE, tooLarge != null ? tooLarge : e.getMessage());
        }
    }

    /** The language asked for with --lang, else the locale's (LANG) when the bundles speak it. */
    static Locale locale(String lang) {
        return Locale.forLanguageTag(lang != null ? lang : Languages.ofEnvironment());
    }
}
