package org.tcplab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tcplab.model.Packet;

/**
 * Explains one UDP conversation: requests matched to replies, no handshake and no ACKs, retries
 * and the gaps between them, requests that got no reply or an ICMP error instead (RFC 1122
 * §4.1.3.3), datagrams sent as IP fragments.
 */
final class UdpExplainer {
    private static final List<String> COLUMNS = List.of("frame", "time", "direction", "len", "payload", "reply", "rtt");
    private final Say say;
    private final List<Datagram> dgrams;
    private final Map<Long, List<Datagram>> fragments;
    private final Map<Long, Datagram> icmpAnswers;

    /**
     * {@code fragments}: for a reassembled datagram's frame, the fragments that made it;
     * {@code icmpAnswers}: for a datagram's frame, the ICMP error that quotes it.
     */
    UdpExplainer(Say say, List<Datagram> dgrams, Map<Long, List<Datagram>> fragments, Map<Long, Datagram> icmpAnswers) {
        this.say = say;
        this.dgrams = dgrams;
        this.fragments = fragments;
        this.icmpAnswers = icmpAnswers;
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
        int refused = 0;
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
            Datagram error = request ? icmpAnswers.get(d.frame()) : null;
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
                if (reply == null && error != null) {
                    refused++;
                } else if (reply == null) {
                    unanswered++;
                }
                previousRequest = d;
                // an ICMP error is an answer too: the next datagram of the same size is a new probe, not a retry
                previousAnswered = reply != null || error != null;
            }
            int len = d.udp().length() - 8;
            Datagram answer = reply != null ? reply : error;
            rows.add(new Table.Row(d.frame(), List.of(Long.toString(d.frame()), Say.seconds(d.time()),
                    d.src() + " → " + d.dst(), Integer.toString(len), preview(d),
                    answer == null ? "" : reply != null ? Long.toString(reply.frame()) : say.word("udp.icmp.cell", error.frame()),
                    answer == null ? "" : Say.seconds(answer.time() - d.time()))));
            if (request && reply != null) {
                out.add(say.it("udp.reply", d.frame(), reply.frame(), Say.seconds(reply.time() - d.time()), len,
                        reply.udp().length() - 8));
            } else if (request && error != null) {
                Packet.Icmp m = error.icmp();
                // from the datagram's destination it arrived there; from anyone else it stopped on the way
                boolean fromDestination = error.src().address().equals(d.dst().address());
                out.add(say.it(fromDestination ? "udp.icmp.host" : "udp.icmp.router", d.frame(), error.frame(),
                        say.icmp(m.v6(), m.type(), m.code()), error.src().address(), Say.seconds(error.time() - d.time())));
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
        if (refused > 0) {
            out.add(say.it("udp.count.icmp", requests, requests - unanswered - refused, refused, unanswered));
        } else {
            out.add(say.it("udp.count", requests, requests - unanswered, unanswered));
        }
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
