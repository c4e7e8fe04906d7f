package org.tcplab.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcplab.Corpus;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;

/**
 * Every public capture, damaged and malformed ones included, gives a report in every format and
 * both languages: bad packets are said in the report, never thrown.
 */
class ReportCorpusTest {
    static Stream<Path> captures() {
        return Corpus.captures().stream();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyCapture_reportsInEveryFormat(Path file) throws Exception {
        ReportInput in;
        try (FrameSource src = CaptureFiles.open(file)) {
            in = ReportInput.read(file.getFileName().toString(), src, -1);
        } catch (CaptureFileException e) {
            // not a capture at all (a bad header): the commands say so in one line
            return;
        }
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("zh")}) {
            CaptureReport r = ReportBuilder.build(in, l);
            assertFalse(r.health().isEmpty(), file + ": the capture's health is always said");
            assertTrue(PlainReport.text(r, l).startsWith(l.getLanguage().equals("zh") ? file.getFileName() + " 的分析报告"
                    : "Report on " + file.getFileName()));
            assertTrue(PlainReport.markdown(r, l).contains("# "));
            assertTrue(JsonReport.render(r, l).endsWith("}\n"));
            assertTrue(HtmlReport.render(r, l).endsWith("</html>\n"));
            if (in.damage() != null) {
                assertTrue(r.health().stream().anyMatch(s -> s.key().equals("health.damage")), file + ": damage said");
            }
        }
    }
}
