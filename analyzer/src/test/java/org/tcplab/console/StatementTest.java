package org.tcplab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatementTest {
    @Test
    void semicolonsOutsideQuotes_endCommands_andCommentsAreDropped() {
        List<Statement> s = Statement.split("conns; packets tcp contains \"a;b\" # a comment\nexplain 4;;");
        assertEquals(3, s.size());
        assertEquals(List.of("conns"), s.get(0).words());
        assertEquals(List.of("packets", "tcp", "contains", "a;b"), s.get(1).words());
        assertEquals(List.of("explain", "4"), s.get(2).words());
    }

    @Test
    void rest_keepsAFiltersQuotes_andDropsTheSkippedWords() {
        Statement s = Statement.of("  packets tcp contains \"Welcome\" -n 2 ");
        assertEquals("tcp contains \"Welcome\" -n 2", s.rest(0, Set.of()));
        assertEquals("tcp contains \"Welcome\"", s.rest(0, Set.of(4, 5)));
    }

    @Test
    void aHashInsideAWord_orQuotes_isNotAComment() {
        assertEquals(List.of("filter", "eth.addr==00:00#x"), Statement.split("filter eth.addr==00:00#x").get(0).words());
        assertEquals(List.of("save", "a #b.pcap"), Statement.split("save 'a #b.pcap'").get(0).words());
    }
}
