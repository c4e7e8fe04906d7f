package org.tcplab.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;

/**
 * A report as PDF: its HTML printed by headless Chromium, as a student would print it from the
 * browser (A4, the report's own print styles, no header or footer). The HTML has no script and
 * fetches nothing, so Chromium renders only what this process wrote; it runs with a profile of its
 * own in a temporary directory, removed after. {@code TCPLAB_CHROMIUM} names the browser when it is
 * not {@code chromium}, {@code chromium-browser} or {@code google-chrome} on the PATH.
 */
final class ChromiumPdf {
    private static final long TIMEOUT_SECONDS = 120;

    private ChromiumPdf() {
    }

    /** {@code html} printed to PDF; {@code language} is the report's ("zh" needs a font with Chinese glyphs). */
    static byte[] print(String html, String language) {
        String browser = browser();
        Process p = null;
        if (language.equals("zh") && !hasFontFor("zh")) {
            // without one Chromium prints every Chinese character as an empty box, and says nothing
            throw new Failure(ExitCodes.MISSING_LIBRARY, "--format pdf --lang zh: no font with Chinese characters is installed"
                    + " (apt-get install fonts-noto-cjk); --format html shows them in a browser that has one");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tcplab-pdf");
            Path page = dir.resolve("report.html");
            Path pdf = dir.resolve("report.pdf");
            Files.writeString(page, html, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(browser, "--headless", "--disable-gpu", "--no-pdf-header-footer",
                    "--user-data-dir=" + dir.resolve("profile"), "--print-to-pdf=" + pdf));
            if ("root".equals(System.getProperty("user.name"))) {
                // Chromium refuses to run as root inside its sandbox; the page is our own, script-free
                cmd.add("--no-sandbox");
            }
            cmd.add(page.toUri().toString());
            Path log = dir.resolve("chromium.log");
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new Failure(ExitCodes.INTERNAL, browser + " did not print the report in " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                throw new Failure(ExitCodes.INTERNAL, browser + " could not print the report (exit " + p.exitValue()
                        + lastWords(log) + "); --format html writes the page to print from a browser");
            }
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new Failure(ExitCodes.INTERNAL, "cannot print the report with " + browser + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(ExitCodes.CANCELLED, "interrupted while " + browser + " printed the report");
        } finally {
            if (p != null && p.isAlive()) {
                // its renderer and GPU processes too, before their directory goes
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                try {
                    p.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            remove(dir);
        }
    }

    /** The last line Chromium logged that is not about the missing desktop bus: what went wrong, in its words. */
    private static String lastWords(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String l = lines.get(i).strip();
                if (!l.isEmpty() && !l.contains("dbus") && !l.contains("bytes written")) {
                    return ": " + (l.length() > 160 ? l.substring(0, 160) + "…" : l);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // no log: the exit status is all there is to say
        }
        return "";
    }

    /** The browser to print with, or a one-line failure saying how to get one. */
    private static String browser() {
        String named = System.getenv("TCPLAB_CHROMIUM");
        if (named != null && !named.isBlank()) {
            if (!Files.isExecutable(Path.of(named))) {
                throw new Failure(ExitCodes.MISSING_LIBRARY, "--format pdf: TCPLAB_CHROMIUM=" + named + " is not an executable");
            }
            return named;
        }
        String path = System.getenv("PATH");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : (path == null ? "" : path).split(File.pathSeparator)) {
                if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                    return Path.of(d, name).toString();
                }
            }
        }
        throw new Failure(ExitCodes.MISSING_LIBRARY, "--format pdf prints the HTML report with Chromium, which is not"
                + " installed (apt-get install chromium); --format html writes the page to print from a browser");
    }

    /** fontconfig knows a font covering {@code language}; true when fc-list cannot be asked (Chromium may still find one). */
    private static boolean hasFontFor(String language) {
        try {
            Path out = Files.createTempFile("tcplab-fonts", ".txt");
            try {
                Process p = new ProcessBuilder("fc-list", ":lang=" + language, "family").redirectErrorStream(true)
                        .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return true;
                }
                return p.exitValue() != 0 || Files.size(out) > 0 && !Files.readString(out, StandardCharsets.UTF_8).isBlank();
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void remove(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a temporary directory left behind is no reason to fail a report already written
        }
    }
}
