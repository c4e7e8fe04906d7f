package org.tcplab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.tcplab.Samples;
import org.tcplab.Tshark;
import org.tcplab.analysis.Role;

/**
 * Each sample's HTML report loaded in a real headless Chromium (Debian's chromium and
 * chromium-driver): the ladder has an arrow per TCP segment (counted by tshark), two lifelines a
 * loopback connection's two ends apart, a state label at each transition; the time-sequence
 * graph a bar per data segment of its sender; every arrow's link lands on a row; nothing is fetched.
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static ChromeDriver browser;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs chromium and chromium-driver (bin/test installs them)");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=900,1400");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, o);
        dir = Path.of("target/report-html");
        Files.createDirectories(dir);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    static Stream<String> samples() throws Exception {
        try (Stream<Path> files = Files.list(Samples.path("greeting.pcap").getParent())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap"))
                    .map(n -> n.replace(".pcap", "")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void htmlReport_drawsEverySegment_inChromium(String sample) throws Exception {
        Path pcap = Samples.path(sample + ".pcap");
        CaptureReport report = Reports.of(pcap, Locale.ENGLISH);
        String html = HtmlReport.render(report, Locale.ENGLISH);
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").matches("(?s).*(src|href)=\"https?:.*"),
                "nothing fetched from the network");
        Path file = dir.resolve(sample + ".html").toAbsolutePath();
        Files.writeString(file, html);
        browser.get(file.toUri().toString());

        Map<Integer, Integer> perStream = new HashMap<>();
        if (Tshark.available()) {
            for (String line : Tshark.run("-r", pcap.toString(), "-Y", "tcp", "-T", "fields", "-e", "tcp.stream").split("\n")) {
                if (!line.isBlank()) {
                    perStream.merge(Integer.parseInt(line.trim()), 1, Integer::sum);
                }
            }
        }
        for (Conversation c : report.conversations()) {
            WebElement section = browser.findElement(By.id(c.anchor()));
            WebElement ladder = section.findElement(By.cssSelector("svg.ladder"));
            List<WebElement> arrows = ladder.findElements(By.cssSelector("g.arrow"));
            List<WebElement> lifelines = ladder.findElements(By.cssSelector("line.lifeline"));
            assertEquals(2, lifelines.size(), c.anchor());
            assertNotEquals(lifelines.get(0).getAttribute("data-endpoint"), lifelines.get(1).getAttribute("data-endpoint"),
                    "one lifeline per endpoint IP:port, so loopback gets two");
            assertTrue(Math.abs(lifelines.get(0).getRect().getX() - lifelines.get(1).getRect().getX()) > 200,
                    "the two lifelines are drawn apart");
            for (WebElement a : arrows) {
                assertTrue(a.getRect().getWidth() > 100, "an arrow spans the lifelines: frame " + a.getAttribute("data-frame"));
                String target = c.anchor() + "-f" + a.getAttribute("data-frame");
                assertFalse(browser.findElements(By.id(target)).isEmpty(), "the arrow of frame " + a.getAttribute("data-frame")
                        + " links to its table row");
            }
            if (!c.kind().equals("tcp")) {
                continue;
            }
            if (Tshark.available()) {
                assertEquals(perStream.get(c.index()), arrows.size(), "one arrow per TCP segment of stream " + c.index());
            } else {
                assertEquals(c.segments().size(), arrows.size());
            }
            int transitions = 0;
            for (Segment s : c.segments()) {
                transitions += s.transitions().size();
            }
            List<WebElement> states = ladder.findElements(By.cssSelector("text.state"));
            long changed = states.stream().filter(e -> !"-1".equals(e.getAttribute("data-frame"))).count();
            assertEquals(transitions, changed, "a state label at each transition of stream " + c.index());
            for (WebElement st : states) {
                assertTrue(st.getRect().getWidth() > 0 && !st.getText().isBlank(), "state labels are drawn");
            }
            Role sender = TimeSequenceSvg.sender(c.segments());
            List<WebElement> graphs = section.findElements(By.cssSelector("svg.tsg"));
            if (sender == null) {
                assertTrue(graphs.isEmpty(), "no time-sequence graph without data");
                continue;
            }
            assertEquals(1, graphs.size());
            long data = c.segments().stream().filter(s -> s.from() == sender && s.data()).count();
            assertEquals(data, graphs.get(0).findElements(By.cssSelector("g.seg[data-frame]")).size(),
                    "a point per data segment of the " + sender.label());
            assertTrue(graphs.get(0).findElements(By.cssSelector("polyline.ackline")).size() == 1, "the ACK line");
        }
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(sample + ".png"), png);
        assertTrue(png.length > 10_000, "a screenshot with something on it");
    }

    @org.junit.jupiter.api.Test
    void chineseReport_rendersItsWords() throws Exception {
        Path pcap = Samples.path("greeting.pcap");
        String html = HtmlReport.render(Reports.of(pcap, Locale.forLanguageTag("zh")), Locale.forLanguageTag("zh"));
        Path file = dir.resolve("greeting.zh.html").toAbsolutePath();
        Files.writeString(file, html);
        browser.get(file.toUri().toString());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("分析报告"));
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("三次握手"));
    }
}
