package org.tcplab.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class RowWriterTest {
    private static final BiConsumer<ByteSink, Integer> LINE = (sb, i) -> sb.put("row ").put(i).put(" é\n");

    private static String written(int rows, int chunk) throws IOException {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            list.add(i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (LineOutput out = new LineOutput(bytes, false)) {
            out.builder().append("header");
            out.endLine();
            try (RowWriter<Integer> w = new RowWriter<>(out, LINE, chunk)) {
                for (Integer i : list) {
                    w.add(i);
                }
            }
            out.builder().append("footer");
            out.endLine();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String expected(int rows) {
        ByteSink sb = new ByteSink().put("header\n");
        for (int i = 0; i < rows; i++) {
            LINE.accept(sb, i);
        }
        return sb.put("footer\n").toString();
    }

    @Test
    void chunksFormattedOnTheHelper_comeOutInTheOrderAdded() throws IOException {
        for (int rows : new int[] {0, 1, 3, 4, 6, 7, 10, 1000}) {
            assertEquals(expected(rows), written(rows, 3), rows + " rows");
        }
    }

    @Test
    void aFormatterFailingInTheHelper_failsTheRowsThatFollow() {
        List<Integer> list = List.of(1, 2, 3, 4, 5, 6);
        BiConsumer<ByteSink, Integer> failsOnFive = (sb, i) -> {
            if (i == 5) {
                throw new IllegalArgumentException("five");
            }
            sb.put(i).put('\n');
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try (RowWriter<Integer> w = new RowWriter<>(new LineOutput(new ByteArrayOutputStream(), false), failsOnFive, 2)) {
                for (Integer i : list) {
                    w.add(i);
                }
            }
        });
        assertEquals("five", e.getMessage());
    }
}
