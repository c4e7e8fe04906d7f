package org.tcplab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.tcplab.model.Packet;
import org.tcplab.wire.ByteString;

/**
 * Explains ICMP: an echo exchange (id, seq, RTT, TTL of each reply, the checksum worked out word by
 * word), or an error matched to the datagram it quotes.
 */
final class IcmpExplainer {
    private static final List<String> COLUMNS = List.of("frame", "time", "direction", "type", "id", "seq", "ttl",
            "reply", "rtt");
    private final Say say;

    IcmpExplainer(Say say) {
        this.say = say;
    }

    static boolean request(Packet.Icmp i) {
        return i.v6() ? i.type() == 128 : i.type() == 8;
    }

    private static boolean reply(Packet.Icmp i) {
        return i.v6() ? i.type() == 129 : i.type() == 0;
    }

    static boolean echo(Packet.Icmp i) {
        return request(i) || reply(i);
    }

    /**
     * An error message, which quotes the datagram it is about: ICMPv6 types below 128 (RFC 4443
     * §2.1); for ICMPv4 destination unreachable, source quench, redirect, time exceeded and
     * parameter problem (RFC 792). The rest (neighbour discovery, router advertisements, MLD,
     * timestamps) are informational and quote nothing.
     */
    static boolean error(Packet.Icmp i) {
        int t = i.type();
        return i.v6() ? t < 128 : t == 3 || t == 4 || t == 5 || t == 11 || t == 12;
    }

    /**
     * An echo exchange; {@code errors}: for a request's frame, the ICMP error that quotes it (a
     * router's time exceeded answers traceroute's request, not an echo reply).
     */
    Conversation echoes(int index, List<Datagram> ds, Map<Long, Datagram> errors) {
        Datagram first = ds.get(0);
        // ICMP has no ports: the sides are named by their role, so that loopback's two ends stay two
        String a = say.word("icmp.side.request", first.src().address());
        String b = say.word("icmp.side.reply", first.dst().address());
        List<Table.Row> rows = new ArrayList<>();
        List<Sentence> out = new ArrayList<>();
        List<Ladder.Arrow> arrows = new ArrayList<>();
        int answered = 0;
        int requests = 0;
        int refused = 0;
        for (int i = 0; i < ds.size(); i++) {
            Datagram d = ds.get(i);
            Packet.Icmp m = d.icmp();
            Datagram rep = null;
            Datagram error = null;
            if (request(m)) {
                requests++;
                for (int j = i + 1; j < ds.size(); j++) {
                    Packet.Icmp r = ds.get(j).icmp();
                    if (reply(r) && r.sequence() == m.sequence() && r.identifier() == m.identifier()) {
                        rep = ds.get(j);
                        break;
                    }
                }
                if (rep != null) {
                    answered++;
                    out.add(say.it("icmp.echo", d.frame(), m.identifier(), m.sequence(), rep.frame(),
                            Say.seconds(rep.time() - d.time()), rep.ttl(), Say.millis(rep.time() - d.time())));
                } else if ((error = errors.get(d.frame())) != null) {
                    refused++;
                    Packet.Icmp e = error.icmp();
                    // from the request's destination it arrived there; from anyone else it stopped on the way
                    boolean fromDestination = error.src().address().equals(d.dst().address());
                    out.add(say.it(fromDestination ? "icmp.echo.error.host" : "icmp.echo.error.router", d.frame(), m.identifier(),
                            m.sequence(), d.ttl(), error.src().address(), say.icmp(e.v6(), e.type(), e.code()),
                            error.frame(), Say.seconds(error.time() - d.time()), Say.millis(error.time() - d.time())));
                } else {
                    out.add(say.it("icmp.noreply", d.frame(), m.identifier(), m.sequence()));
                }
            }
            Datagram answer = rep != null ? rep : error;
            rows.add(new Table.Row(d.frame(), List.of(Long.toString(d.frame()), Say.seconds(d.time()),
                    d.src().address() + " → " + d.dst().address(), say.icmp(m.v6(), m.type(), m.code()),
                    Integer.toString(m.identifier()), Integer.toString(m.sequence()), Integer.toString(d.ttl()),
                    answer == null ? "" : rep != null ? Long.toString(rep.frame()) : say.word("udp.icmp.cell", error.frame()),
                    answer == null ? "" : Say.seconds(answer.time() - d.time()))));
            boolean forward = request(m) || !reply(m) && d.src().address().equals(first.src().address());
            arrows.add(new Ladder.Arrow(d.frame(), d.time(), forward ? 0 : 1, forward ? 1 : 0,
                    (request(m) ? "echo request" : "echo reply") + " id=" + m.identifier() + " seq=" + m.sequence(),
                    request(m) && rep == null));
        }
        out.add(refused > 0 ? say.it("icmp.count.error", requests, answered, refused, requests - answered - refused)
                : say.it("icmp.count", requests, answered));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("exchange", new Table(COLUMNS, rows), out));
        Section sum = checksum(first);
        if (sum != null) {
            sections.add(sum);
        }
        return new Conversation("icmp", index, a, b, say.it("icmp.title", index, a, b, ds.size()), sections,
                new Ladder(List.of(a, b), arrows, List.of()), List.of());
    }

    /**
     * The Internet checksum of an ICMPv4 message worked out (RFC 792, RFC 1071): the one's-complement
     * sum of its 16-bit words with the checksum field taken as 0, the carries folded back in, and
     * the complement. ICMPv6 also sums a pseudo header (RFC 4443 §2.3), said but not shown.
     */
    Section checksum(Datagram d) {
        Packet.Icmp m = d.icmp();
        Packet.Checksum c = d.packet().checksum();
        List<Sentence> out = new ArrayList<>();
        if (m.v6()) {
            out.add(say.it("icmp.sum.v6", d.frame(), hex(m.checksum())));
            return new Section("checksum", new Table(List.of(), List.of()), out);
        }
        ByteString payload = d.packet().payload();
        if (d.packet().capturedLength() < d.packet().length()) {
            return null;
        }
        List<Integer> words = new ArrayList<>();
        words.add((m.type() << 8) | m.code());
        words.add(0);
        words.add(m.identifier());
        words.add(m.sequence());
        for (int i = 0; i < payload.length(); i += 2) {
            int hi = payload.byteAt(i);
            int lo = i + 1 < payload.length() ? payload.byteAt(i + 1) : 0;
            words.add((hi << 8) | lo);
        }
        long sum = 0;
        for (int w : words) {
            sum += w;
        }
        long folded = sum;
        List<String> folds = new ArrayList<>();
        while (folded >> 16 != 0) {
            long next = (folded & 0xFFFF) + (folded >> 16);
            folds.add(hex16(folded & 0xFFFF) + " + " + hex16(folded >> 16) + " = " + hex16(next));
            folded = next;
        }
        int computed = (int) (~folded & 0xFFFF);
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i == 6 && words.size() > 9) {
                shown.append(" + … (").append(words.size() - 8).append(" more) + ");
                i = words.size() - 2;
            } else if (i > 0) {
                shown.append(" + ");
            }
            shown.append(hex16(words.get(i)));
        }
        out.add(say.it("icmp.sum.words", d.frame(), words.size(), shown.toString(), hex(sum)));
        out.add(say.it("icmp.sum.fold", folds.isEmpty() ? hex16(folded) : String.join("; ", folds), hex16(folded),
                hex16(computed)));
        boolean good = computed == m.checksum();
        out.add(say.it(good ? "icmp.sum.good" : "icmp.sum.bad", hex16(m.checksum()), hex16(computed)));
        return new Section("checksum", new Table(List.of(), List.of()), out);
    }

    /** An ICMP error as its own exchange: what it says, and the datagram it quotes. */
    Conversation error(int index, Datagram d, ToLongFunction<Datagram> quotedFrame) {
        Packet.Icmp m = d.icmp();
        String a = say.word("icmp.side.error", d.src().address());
        String b = say.word("icmp.side.quoted", d.dst().address());
        List<Sentence> out = new ArrayList<>();
        String name = say.icmp(m.v6(), m.type(), m.code());
        long orig = quotedFrame.applyAsLong(d);
        Packet.Header q = d.quotedTransport();
        String what = q instanceof Packet.Udp u ? "UDP " + u.srcPort() + " → " + u.dstPort()
                : q instanceof Packet.Tcp t ? "TCP " + t.srcPort() + " → " + t.dstPort()
                : q instanceof Packet.Icmp i ? say.icmp(i.v6(), i.type(), i.code()) + " id=" + i.identifier()
                        + " seq=" + i.sequence() : "?";
        if (orig >= 0) {
            out.add(say.it("icmp.error.quotes", d.frame(), name, what, orig, d.src().address()));
        } else {
            out.add(say.it("icmp.error.unmatched", d.frame(), name, what, d.src().address()));
        }
        means(out, "icmp.error.means.", m);
        return single(index, d, a, b, name, orig, "error", out);
    }

    /** An informational message other than echo (a router solicitation, a neighbour advertisement...): what it is for. */
    Conversation message(int index, Datagram d) {
        Packet.Icmp m = d.icmp();
        String a = d.src().address();
        String b = d.dst().address();
        String name = say.icmp(m.v6(), m.type(), m.code());
        List<Sentence> out = new ArrayList<>();
        out.add(say.it("icmp.message.says", d.frame(), name, a));
        means(out, "icmp.message.means.", m);
        return single(index, d, a, b, name, -1, "message", out);
    }

    /** The sentence on what this type (and code) means, from the bundle under prefix, when it has one. */
    private void means(List<Sentence> out, String prefix, Packet.Icmp m) {
        String key = prefix + (m.v6() ? "v6." : "") + m.type() + "." + m.code();
        if (say.word(key).equals(key)) {
            key = prefix + (m.v6() ? "v6." : "") + m.type();
        }
        if (!say.word(key).equals(key)) {
            out.add(say.it(key));
        }
    }

    /** One ICMP message as its own exchange: one row, one arrow, the sentences given. */
    private Conversation single(int index, Datagram d, String a, String b, String name, long orig, String section,
                                List<Sentence> out) {
        List<Table.Row> rows = List.of(new Table.Row(d.frame(), List.of(Long.toString(d.frame()), Say.seconds(d.time()),
                a + " → " + b, name, "", "", Integer.toString(d.ttl()), orig < 0 ? "" : Long.toString(orig), "")));
        // an error is marked as a problem on the ladder; an informational message (a router solicitation) is not
        List<Ladder.Arrow> arrows = List.of(new Ladder.Arrow(d.frame(), d.time(), 0, 1, name, section.equals("error")));
        return new Conversation("icmp", index, a, b, say.it("icmp." + section + ".title", index, a, b, name),
                List.of(new Section(section, new Table(COLUMNS, rows), out)), new Ladder(List.of(a, b), arrows, List.of()),
                List.of());
    }

    private static String hex16(long v) {
        return String.format(Locale.ROOT, "0x%04x", v);
    }

    private static String hex(long v) {
        return String.format(Locale.ROOT, "0x%x", v);
    }
}
