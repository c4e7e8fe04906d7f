package org.tcplab.report;

import java.util.List;

/**
 * A table of a report: column keys (named in the bundle as {@code col.KEY}) and rows of cells. A
 * row that shows a packet names its frame, so the HTML can link an arrow of the ladder to it.
 */
public record Table(List<String> columns, List<Row> rows) {
    public record Row(long frame, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
