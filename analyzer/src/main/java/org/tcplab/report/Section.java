package org.tcplab.report;

import java.util.List;

/**
 * One part of a conversation's report: handshake, data, segmentation, teardown, reset, exchange,
 * checksum... ({@code kind}, titled by the bundle's {@code section.KIND}), a table, and the
 * sentences that explain it.
 */
public record Section(String kind, Table table, List<Sentence> sentences) {
    public Section {
        sentences = List.copyOf(sentences);
    }
}
