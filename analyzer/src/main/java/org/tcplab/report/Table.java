package org.tcplab.report;

import java.util.List;

/**
 * A table of a report: column keys (named in the bundle as {@code col.KEY}) and rows of cells. A
 * row that shows a packet names its frame, so the HTML can link an arrow of the ladder to it.
 */
public record Table(List<String> columns, List<Row> rows) {
    /**
     * @param frame the packet the row shows (the first, when it shows several)
     * @param also  the other frames it tells of: a route's hop, every probe sent with its TTL and
     *              each answer, so that {@code explain} of any of them finds the hop
     */
    public record Row(long frame, List<String> cells, List<Long> also) {
        public Row {
            cells = List.copyOf(cells);
            also = List.copyOf(also);
        }

        public Row(long frame, List<String> cells) {
            this(frame, cells, List.of());
        }

        /** The row shows or tells of {@code f}. */
        public boolean tells(long f) {
            return frame == f || also.contains(f);
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
