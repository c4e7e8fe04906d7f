package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.Samples;

/** report and check as a user runs them: formats, languages, output files, and one-line errors. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    private static String sample(String name) {
        return Samples.path(name + ".pcap").toString();
    }

    @Test
    void html_toAFile_isOneSelfContainedPage() throws Exception {
        Path out = tmp.resolve("segment.html");
        Cli.Result r = Cli.run("report", sample("segment"), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>"), "the format follows the extension");
        assertTrue(html.contains("<svg class=\"ladder\"") && html.contains("<svg class=\"tsg\""));
        assertEquals("", r.stdout());
    }

    /** -o x.pdf is a PDF Chromium printed from the HTML report: A4 pages holding the report's text (poppler reads it). */
    @Test
    void pdf_toAFile_isTheHtmlReportPrintedOnA4() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("chromium"), "chromium is not installed (bin/test installs it)");
        Path out = tmp.resolve("greeting.pdf");
        Cli.Result r = Cli.run(120, "report", sample("greeting"), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stdout() + r.stderr(), "nothing of Chromium's own chatter reaches the user");
        byte[] pdf = Files.readAllBytes(out);
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII), "the format follows the extension");
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("pdftotext"), "poppler-utils is not installed (bin/test installs it)");
        String info = run("pdfinfo", out.toString());
        assertTrue(info.contains("(A4)"), info);
        String text = run("pdftotext", "-layout", out.toString(), "-");
        for (String s : new String[] {"Report on greeting.pcap", "Ladder diagram", "Time-sequence graph", "TIME-WAIT"}) {
            assertTrue(text.contains(s), s + " is in the PDF's text");
        }
    }

    /** In Chinese the PDF needs a font with Chinese characters: without one it would be boxes, so it is refused. */
    @Test
    void pdf_inChinese_isPrintedWithAChineseFont_orRefusedWithoutOne() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("chromium") && onPath("fc-list"), "chromium and fontconfig");
        Path out = tmp.resolve("greeting.zh.pdf");
        Cli.Result r = Cli.run(120, "report", sample("greeting"), "--lang", "zh", "-o", out.toString());
        if (run("fc-list", ":lang=zh", "family").isBlank()) {
            assertEquals(5, r.exitCode(), r.stderr());
            assertTrue(r.stderr().strip().endsWith("no font with Chinese characters is installed (apt-get install fonts-noto-cjk);"
                    + " --format html shows them in a browser that has one"), r.stderr());
            assertFalse(Files.exists(out));
        } else {
            assertEquals(0, r.exitCode(), r.stderr());
            org.junit.jupiter.api.Assumptions.assumeTrue(onPath("pdftotext"), "poppler-utils");
            // runs of Chinese alone: a PDF's text comes out by font run, so "TCP 流 0" (two fonts) is cut apart
            String text = run("pdftotext", out.toString(), "-");
            for (String s : new String[] {"的分析报告", "抓包质量", "校验和只含伪首部的和"}) {
                assertTrue(text.contains(s), s + ": the Chinese text is in the PDF\n" + text);
            }
        }
    }

    @Test
    void pdf_withoutChromium_isOneLineSayingHowToGetIt() throws Exception {
        Cli.Result r = Cli.runWithEnv(java.util.Map.of("TCPLAB_CHROMIUM", tmp.resolve("no-such-browser").toString()),
                "report", sample("greeting"), "--format", "pdf", "-o", tmp.resolve("x.pdf").toString());
        assertEquals(5, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertTrue(r.stderr().contains("is not an executable"), r.stderr());
        assertFalse(Files.exists(tmp.resolve("x.pdf")), "no half-written file");
    }

    private static boolean onPath(String tool) {
        return java.util.Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), String.join(" ", cmd));
        return out;
    }

    @Test
    void markdown_inChinese_toStandardOutput() throws Exception {
        Cli.Result r = Cli.run("report", sample("greeting"), "--format", "md", "--lang", "zh");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("## TCP 流 0"), r.stdout());
        assertTrue(r.stdout().contains("连接释放用了三个段"), "the FIN rode with the ACK, said in Chinese");
    }

    @Test
    void stream_thatDoesNotExist_isOneLineError() throws Exception {
        Cli.Result r = Cli.run("report", sample("greeting"), "--stream", "5");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertTrue(r.stderr().contains("no TCP stream 5"), r.stderr());
    }

    @Test
    void badFormatOrLanguage_isOneLineError() throws Exception {
        for (String[] args : new String[][] {{"--format", "docx"}, {"--lang", "fr"}}) {
            Cli.Result r = Cli.run("report", sample("greeting"), args[0], args[1]);
            assertEquals(2, r.exitCode(), Arrays.toString(args));
            assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
            assertFalse(r.stderr().contains("Exception"), r.stderr());
        }
    }

    @Test
    void missingFile_isNotFound() throws Exception {
        Cli.Result r = Cli.run("report", tmp.resolve("nope.pcap").toString());
        assertEquals(3, r.exitCode());
        assertTrue(r.stderr().contains("no such file"), r.stderr());
    }

    @Test
    void truncatedCapture_reportsWhatCameBefore_andSaysSo() throws Exception {
        byte[] all = Files.readAllBytes(Samples.path("greeting.pcap"));
        Path cut = tmp.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(all, all.length - 30));
        Path out = tmp.resolve("cut.txt");
        Cli.Result r = Cli.run("report", cut.toString(), "-o", out.toString());
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        String text = Files.readString(out);
        assertTrue(text.contains("The capture is damaged"), text);
        assertTrue(text.contains("the 16 packets before it are reported"), text);
    }

    @Test
    void check_template_thenAnswers() throws Exception {
        Path sheet = tmp.resolve("answers.csv");
        Cli.Result t = Cli.run("check", sample("greeting"), "--template", "-o", sheet.toString());
        assertEquals(0, t.exitCode(), t.stderr());
        String blank = Files.readString(sheet);
        assertTrue(blank.contains("frame,seq,ack,len,next_seq,flags,client_state,server_state,rtt"), blank);
        // the template as written has nothing to check: one line saying so, not "every cell is right"
        Cli.Result unfilled = Cli.run("check", sample("greeting"), "--answers", sheet.toString());
        assertEquals(1, unfilled.exitCode(), unfilled.stdout() + unfilled.stderr());
        assertEquals("analyzer: " + sheet + ": no cell is filled in: write your values in the sheet's empty cells, then check it again.",
                unfilled.stderr().strip());
        assertEquals("", unfilled.stdout());
        // a right row and a wrong one: the SYN+ACK's ack written as 0 (a SYN consumes one)
        Files.writeString(sheet, "frame,seq,ack,len\n1,0,,0\n2,0,0,0\n");
        Cli.Result r = Cli.run("check", sample("greeting"), "--answers", sheet.toString());
        assertEquals(6, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("frame 2, ack: 0 is wrong; ack should be 1"), r.stdout());
        Files.writeString(sheet, "frame,seq,ack,len\n1,0,,0\n2,0,1,0\n");
        Cli.Result ok = Cli.run("check", sample("greeting"), "--answers", sheet.toString());
        assertEquals(0, ok.exitCode(), ok.stdout() + ok.stderr());
        assertTrue(ok.stdout().contains("Every cell is right"), ok.stdout());
    }

    @Test
    void check_badSheet_isOneLineError() throws Exception {
        Path sheet = tmp.resolve("bad.csv");
        Files.writeString(sheet, "frame,sequence\n1,0\n");
        Cli.Result r = Cli.run("check", sample("greeting"), "--answers", sheet.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("unknown column 'sequence'"), r.stderr());
        Cli.Result none = Cli.run("check", sample("greeting"));
        assertEquals(2, none.exitCode(), "--answers or --template is required");
    }
}
