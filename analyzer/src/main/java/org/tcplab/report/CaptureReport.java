package org.tcplab.report;

import java.util.List;

/**
 * The whole report on a capture: what was read, the capture's health, and each conversation.
 * Made in one language ({@code lang}); every renderer (text, md, json, html) draws from it.
 */
public record CaptureReport(String file, String lang, long packets, String span, List<Sentence> health,
                            List<Conversation> conversations, String damage) {
    public CaptureReport {
        health = List.copyOf(health);
        conversations = List.copyOf(conversations);
    }
}
