package org.tcplab.report;

import java.util.List;

/**
 * The report on one TCP connection, UDP conversation or ICMP exchange: its title, its sections,
 * its ladder, and for a TCP connection the segments (the time-sequence graph and the answer
 * checker read them).
 *
 * @param kind  tcp, udp or icmp
 * @param index tcp.stream for TCP; the conversation's number in the report for UDP and ICMP
 */
public record Conversation(String kind, int index, String a, String b, Sentence title, List<Section> sections,
                           Ladder ladder, List<Segment> segments) {
    public Conversation {
        sections = List.copyOf(sections);
        segments = List.copyOf(segments);
    }

    /** An HTML id for this conversation, unique in the report. */
    public String anchor() {
        return kind + index;
    }
}
