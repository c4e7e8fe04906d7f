package org.tcplab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ladder in characters: every arrow starts where its endpoint's column does, however long its time. */
class LadderTextTest {
    @Test
    void aTimeOfMoreThanADay_pushesTheColumnsRight_forEveryRowAlike() {
        Ladder l = new Ladder(List.of("10.0.0.1", "10.0.0.2"), List.of(
                new Ladder.Arrow(7, 2_000_000_000L, 0, 1, "timestamp request", false),
                new Ladder.Arrow(8, 359_084_540_359_246_000L, 1, 0, "timestamp reply", false)), List.of());
        List<String> lines = LadderText.draw(l);
        int column = lines.get(0).indexOf("10.0.0.1");
        assertTrue(lines.get(2).contains("359084540.359246 |"), lines.get(2));
        for (String line : lines.subList(1, 3)) {
            assertEquals(column, line.indexOf('|'), "the arrow starts under its endpoint:\n" + String.join("\n", lines));
        }
    }
}
