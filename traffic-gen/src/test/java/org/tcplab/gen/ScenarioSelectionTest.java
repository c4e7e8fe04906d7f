package org.tcplab.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.gen.scenario.Scenarios;

/** The lab's scenario words: each scenario with the options its own command takes, checked before any namespace. */
class ScenarioSelectionTest {
    private static List<ScenarioSelection.Selected> parse(String... words) {
        return ScenarioSelection.parse(List.of(words));
    }

    @Test
    void noWords_runEveryScenario_withTheLabsDefaults_onPortsByTheirPlace() {
        List<ScenarioSelection.Selected> all = parse();
        assertEquals(List.copyOf(Scenarios.all().keySet()), all.stream().map(s -> s.scenario().name()).toList());
        assertEquals(LabCommand.FIRST_PORT, all.get(0).port());
        assertEquals(LabCommand.FIRST_PORT + 6, all.get(6).port(), all.get(6).scenario().name());
        assertEquals(LabCommand.FIRST_PORT + 100, all.stream().filter(s -> s.scenario().name().equals("portscan"))
                .findFirst().orElseThrow().port());
    }

    @Test
    void exchangeText_andGreetingClients_configureTheirScenarios_inTheOrderGiven() {
        List<ScenarioSelection.Selected> s = parse("exchange", "--text", "2023 Zhang", "greeting", "--clients", "3");
        assertEquals("exchange", s.get(0).scenario().name());
        assertTrue(s.get(0).scenario().description().contains("\"2023 Zhang\""), s.get(0).scenario().description());
        assertEquals(LabCommand.FIRST_PORT + 6, s.get(0).port(), "the port does not depend on the selection");
        assertTrue(s.get(1).scenario().description().startsWith("3 clients at once"), s.get(1).scenario().description());
        assertEquals(LabCommand.FIRST_PORT, s.get(1).port());
    }

    @Test
    void aChosenPort_isKept() {
        assertEquals(7000, parse("segment", "--bytes", "5000", "--port", "7000").get(0).port());
        assertTrue(parse("segment", "--bytes", "5000").get(0).scenario().description().startsWith("5000 bytes"));
    }

    private static String refused(String... words) {
        Failure f = assertThrows(Failure.class, () -> parse(words));
        assertEquals(ExitCodes.USAGE, f.exitCode());
        assertFalse(f.getMessage().contains("\n"), f.getMessage());
        return f.getMessage();
    }

    @Test
    void badWords_areRefusedInOneLine_sayingWhatToDo() {
        assertTrue(refused("exchange", "--txt", "x").startsWith("unknown scenario or option --txt after exchange"));
        assertTrue(refused("greeting", "exhange").contains("exhange after greeting"));
        assertTrue(refused("greeting", "--clients", "0").contains("'0' is not a number of clients (1-100)"));
        assertTrue(refused("greeting", "--timestamps").contains("put it before the scenarios"));
        assertTrue(refused("segment", "--host", "10.0.0.1").contains("has no place in the lab"));
        assertTrue(refused("greeting", "greeting").contains("named twice"));
        assertTrue(refused("nosuch").startsWith("unknown scenario nosuch; there are: greeting, "));
    }

    @Test
    void theLab_refusesABadOption_beforeItMakesAnything(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), TrafficGenMain.class.getName(), "lab", "--out", out.toString(),
                "greeting", "--clients", "many");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ExitCodes.USAGE, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("greeting: Invalid value for option '--clients': 'many'"), err);
        assertFalse(Files.exists(out), "nothing made");
    }

    /** The lab's own words, refused in one line with exit 2 before any namespace or directory is made. */
    private static String labRefuses(Path dir, String... words) throws Exception {
        Path out = dir.resolve("out");
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TrafficGenMain.class.getName(), "lab", "--out", out.toString()));
        cmd.addAll(List.of(words));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ExitCodes.USAGE, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(Files.exists(out), "nothing made");
        return err;
    }

    @Test
    void theWiresOptions_needTheNetwork_andAnOutageNeedsItsLength(@TempDir Path dir) throws Exception {
        assertTrue(labRefuses(dir, "--outage", "1s", "bulk").contains("--outage is the emulated wire's: it needs --net wan"));
        assertTrue(labRefuses(dir, "--delay", "20ms", "greeting").contains("--delay is the emulated wire's: it needs --net wan"));
        assertTrue(labRefuses(dir, "--net", "wan", "--outage-at", "1s", "bulk").contains("--outage-at says when the wire goes"
                + " down: it needs --outage"));
        assertTrue(labRefuses(dir, "pmtud").contains("pmtud needs a router and a smaller link on the way"));
    }
}
