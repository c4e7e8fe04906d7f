package org.tcplab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Explains one UDP conversation: requests matched to replies, no handshake and no ACKs, retries
 * and the gaps between them, requests that got no reply, datagrams sent as IP fragments.
 */
final class UdpExplainer {
    private static final List<String> COLUMNS = List.of("frame", "time", "direction", "len", "payload", "reply", "rtt");
    private final Say say;
    private final List<Datagram> dgrams;
    private final Map<Long, List<Datagram>> fragments;

    /** {@code fragments}: for a reassembled datagram's frame, the fragments that made it. */
    UdpExplainer(Say say, List<Datagram> dgrams, Map<Long, List<Datagram>> fragments) {
        this.say = say;
        this.dgrams = dgrams;
        this.fragments = fragments;
    }

    Conversation explain(int index) {
        Datagram first = dgrams.get(0);
        String a = first.src().toString();
        String b = first.dst().toString();
        List<Table.Row> rows = new ArrayList<>();
        List<Sentence> out = new ArrayList<>();
        out.add(say.it("udp.nohandshake"));
        int requests = 0;
        int unanswered = 0;
        Datagram previousRequest = null;
        boolean previousAnswered = true;
        List<String> gaps = new ArrayList<>();
        Datagram seriesStart = null;
        long lastGap = 0;
        List<Ladder.Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < dgrams.size(); i++) {
            Datagram d = dgrams.get(i);
            boolean request = d.src().equals(first.src());
            Datagram reply = null;
            if (request) {
                requests++;
                for (int j = i + 1; j < dgrams.size(); j++) {
                    Datagram n = dgrams.get(j);
                    if (n.src().equals(first.src())) {
                        break;
                    }
                    reply = n;
                    break;
                }
                // a retry, as far as the wire shows: the previous request got no reply, and this one
                // has its size (the application's own id or try counter may differ)
                long gap = previousRequest == null ? 0 : d.time() - previousRequest.time();
                // a timeout that shrinks starts a new request: retries back off, they never speed up
                boolean shrinks = !gaps.isEmpty() && gap < lastGap * 3 / 4;
                if (previousRequest != null && !previousAnswered && !shrinks
                        && previousRequest.packet().payload().length() == d.packet().payload().length()) {
                    lastGap = gap;
                    if (gaps.isEmpty()) {
                        seriesStart = previousRequest;
                    }
                    gaps.add(Say.seconds(d.time() - previousRequest.time()));
                    out.add(say.it("udp.retry", d.frame(), previousRequest.frame(),
                            Say.seconds(d.time() - previousRequest.time())));
                } else if (!gaps.isEmpty()) {
                    out.add(say.it("udp.gaps", seriesStart.frame(), previousRequest.frame(), String.join(", ", gaps)));
                    gaps.clear();
                }
                if (reply == null) {
                    unanswered++;
                }
                previousRequest = d;
                previousAnswered = reply != null;
            }
            int len = d.udp().length() - 8;
            rows.add(new Table.Row(d.frame(), List.of(Long.toString(d.frame()), Say.seconds(d.time()),
                    d.src() + " → " + d.dst(), Integer.toString(len), preview(d), reply == null ? "" : Long.toString(reply.frame()),
                    reply == null ? "" : Say.seconds(reply.time() - d.time()))));
            if (request && reply != null) {
                out.add(say.it("udp.reply", d.frame(), reply.frame(), Say.seconds(reply.time() - d.time()), len,
                        reply.udp().length() - 8));
            } else if (request) {
                out.add(say.it("udp.noreply", d.frame()));
            }
            arrows.add(new Ladder.Arrow(d.frame(), d.time(), request ? 0 : 1, request ? 1 : 0, "UDP len=" + len,
                    request && reply == null));
            List<Datagram> frags = fragments.get(d.frame());
            if (frags != null) {
                List<String> offsets = new ArrayList<>();
                List<String> frames = new ArrayList<>();
                for (Datagram f : frags) {
                    offsets.add(Integer.toString(f.ipv4().fragmentOffset() * 8));
                    frames.add(Long.toString(f.frame()));
                }
                out.add(say.it("udp.fragments", d.frame(), d.udp().length(), frags.size(), String.join(", ", frames),
                        String.join(", ", offsets), d.ipv4() == null ? "" : Integer.toString(d.ipv4().id())));
            }
        }
        if (!gaps.isEmpty()) {
            out.add(say.it("udp.gaps", seriesStart.frame(), previousRequest.frame(), String.join(", ", gaps)));
        }
        out.add(say.it("udp.count", requests, requests - unanswered, unanswered));
        Sentence title = say.it("udp.title", index, a, b, dgrams.size());
        Section exchange = new Section("exchange", new Table(COLUMNS, rows), out);
        return new Conversation("udp", index, a, b, title, List.of(exchange),
                new Ladder(List.of(a, b), arrows, List.of()), List.of());
    }

    private static String preview(Datagram d) {
        byte[] b = d.packet().payload().toByteArray();
        String s = org.tcplab.model.PayloadText.render(b, 0, Math.min(b.length, 128)).replace("\n", "↵");
        return s.length() > 32 ? s.substring(0, 31) + "…" : s;
    }
}
