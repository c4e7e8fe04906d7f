package org.tcplab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tcplab.Golden;
import org.tcplab.Samples;

/**
 * Every sample's report in text, Markdown and JSON is pinned, in English, and in Chinese for the
 * greeting and the segmentation samples. Regenerate with -Dtcplab.regenerate=true, never by hand.
 */
class ReportGoldenTest {
    static Stream<Arguments> cases() throws Exception {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Samples.path("greeting.pcap").getParent())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".pcap")).sorted().toList()) {
                String name = p.getFileName().toString().replace(".pcap", "");
                for (String format : List.of("txt", "md", "json")) {
                    out.add(Arguments.of(name, "en", format));
                    if (List.of("greeting", "segment", "rst-refused", "simultaneous-close").contains(name)) {
                        out.add(Arguments.of(name, "zh", format));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void report_ofEachSample_isPinned(String sample, String lang, String format) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        CaptureReport r = Reports.of(Samples.path(sample + ".pcap"), locale);
        String text = switch (format) {
            case "md" -> PlainReport.markdown(r, locale);
            case "json" -> JsonReport.render(r, locale);
            default -> PlainReport.text(r, locale);
        };
        Golden.assertMatches("report/" + sample + "." + lang + "." + format, text);
    }
}
