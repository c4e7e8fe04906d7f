package org.tcplab.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tcplab.analysis.ConnectionSummary;
import org.tcplab.decode.ChecksumStatus;
import org.tcplab.model.Packet;
import org.tcplab.wire.IpEndpoint;

/**
 * Makes the report of a capture in one language: each TCP connection (by tcp.stream), each UDP
 * conversation (by address pair), each ICMP echo exchange and error, and the capture's health.
 */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    public static CaptureReport build(ReportInput in, Locale locale) {
        Say say = new Say(locale);
        Map<Integer, List<Segment>> tcp = new TreeMap<>();
        Map<String, List<Datagram>> udp = new LinkedHashMap<>();
        Map<String, List<Datagram>> echo = new LinkedHashMap<>();
        // ICMP other than echo, in capture order: errors, and informational messages such as neighbour discovery
        List<Datagram> otherIcmp = new ArrayList<>();
        Map<String, List<Datagram>> pendingFragments = new HashMap<>();
        Map<Long, List<Datagram>> fragmentsOf = new HashMap<>();
        List<Datagram> allUdp = new ArrayList<>();
        List<Datagram> allEcho = new ArrayList<>();
        for (Packet p : in.packets()) {
            Segment s = Segment.of(p);
            if (s != null) {
                tcp.computeIfAbsent(p.tcp().stream(), k -> new ArrayList<>()).add(s);
                continue;
            }
            Datagram d = Datagram.of(p);
            if (d == null) {
                continue;
            }
            if (d.udp() == null && d.icmp() == null && d.fragment()) {
                pendingFragments.computeIfAbsent(fragmentKey(d), k -> new ArrayList<>()).add(d);
                continue;
            }
            if (d.ipv4() != null && d.ipv4().fragmentOffset() > 0) {
                // the last fragment, carrying the reassembled datagram
                List<Datagram> before = pendingFragments.remove(fragmentKey(d));
                List<Datagram> all = new ArrayList<>(before == null ? List.of() : before);
                all.add(d);
                fragmentsOf.put(d.frame(), all);
            }
            if (d.udp() != null) {
                udp.computeIfAbsent(pairKey(d.src(), d.dst()), k -> new ArrayList<>()).add(d);
                allUdp.add(d);
            } else if (d.icmp() != null && IcmpExplainer.echo(d.icmp())) {
                echo.computeIfAbsent(pairKey(d.src(), d.dst()) + "|" + d.icmp().identifier(), k -> new ArrayList<>()).add(d);
                allEcho.add(d);
            } else if (d.icmp() != null) {
                otherIcmp.add(d);
            }
        }
        Map<Integer, ConnectionSummary> summaries = new HashMap<>();
        for (ConnectionSummary c : in.connections()) {
            summaries.put(c.stream(), c);
        }
        List<Conversation> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Segment>> e : tcp.entrySet()) {
            out.add(new TcpExplainer(say, summaries.get(e.getKey()), e.getValue()).explain(e.getKey()));
        }
        // the ICMP error each datagram drew, if any: a probe answered by a router or a closed port is not lost
        Map<Long, Datagram> icmpAnswers = new HashMap<>();
        Map<Datagram, Long> quotedFrames = new java.util.IdentityHashMap<>();
        for (Datagram d : otherIcmp) {
            if (IcmpExplainer.error(d.icmp())) {
                long orig = quoted(d, allUdp, allEcho, tcp);
                quotedFrames.put(d, orig);
                if (orig >= 0) {
                    icmpAnswers.putIfAbsent(orig, d);
                }
            }
        }
        int n = 0;
        for (List<Datagram> ds : udp.values()) {
            out.add(new UdpExplainer(say, ds, fragmentsOf, icmpAnswers).explain(n++));
        }
        IcmpExplainer icmp = new IcmpExplainer(say);
        n = 0;
        for (List<Datagram> ds : echo.values()) {
            out.add(icmp.echoes(n++, ds, icmpAnswers));
        }
        // the routes traceroute's probes traced, before the errors that answered them one by one
        out.addAll(new RouteExplainer(say).explain(allUdp, allEcho, icmpAnswers));
        for (Datagram d : otherIcmp) {
            out.add(IcmpExplainer.error(d.icmp()) ? icmp.error(n++, d, quotedFrames::get) : icmp.message(n++, d));
        }
        String span = in.packets().isEmpty() ? "0"
                : Say.seconds(in.packets().get(in.packets().size() - 1).relativeNanos());
        return new CaptureReport(in.name(), locale.getLanguage().isEmpty() ? "en" : locale.getLanguage(),
                in.packets().size(), span, health(say, in, tcp), out, in.damage());
    }

    private static String fragmentKey(Datagram d) {
        return d.src().address() + ">" + d.dst().address() + "#" + d.ipv4().id() + "/" + d.ipv4().protocol();
    }

    /** The datagram went between the quote's two addresses (each unknown one taken as a match). */
    private static boolean sameEnds(Datagram d, IpEndpoint qsrc, IpEndpoint qdst) {
        return (qsrc == null || d.src().address().equals(qsrc.address())) && (qdst == null || d.dst().address().equals(qdst.address()));
    }

    private static String pairKey(IpEndpoint a, IpEndpoint b) {
        String x = a.toString();
        String y = b.toString();
        return x.compareTo(y) <= 0 ? x + "|" + y : y + "|" + x;
    }

    /**
     * The frame of the earlier datagram, echo request or segment an ICMP error quotes (same ports
     * and destination; same identifier, sequence number and destination; or same seq), or -1.
     */
    private static long quoted(Datagram err, List<Datagram> udp, List<Datagram> echo, Map<Integer, List<Segment>> tcp) {
        Packet.Header q = err.quotedTransport();
        IpEndpoint qdst = err.quotedDst();
        IpEndpoint qsrc = err.quotedSrc();
        if (q instanceof Packet.Icmp i) {
            long best = -1;
            for (Datagram d : echo) {
                Packet.Icmp m = d.icmp();
                // two hosts may ping one target with the same identifier and sequence (Windows starts both at 1)
                if (d.frame() < err.frame() && IcmpExplainer.request(m) && m.v6() == i.v6() && m.type() == i.type()
                        && m.identifier() == i.identifier() && m.sequence() == i.sequence() && sameEnds(d, qsrc, qdst)) {
                    best = d.frame();
                }
            }
            return best;
        }
        if (q instanceof Packet.Udp u) {
            long best = -1;
            for (Datagram d : udp) {
                if (d.frame() < err.frame() && d.src().port() == u.srcPort() && d.dst().port() == u.dstPort()
                        && sameEnds(d, qsrc, qdst)) {
                    best = d.frame();
                }
            }
            return best;
        }
        if (q instanceof Packet.Tcp t) {
            Segment best = null;
            for (List<Segment> stream : tcp.values()) {
                for (Segment s : stream) {
                    if (s.frame() < err.frame() && s.src().port() == t.srcPort() && s.dst().port() == t.dstPort()
                            && s.rawSeq() == t.seqRaw() && (best == null || s.frame() > best.frame())) {
                        best = s;
                    }
                }
            }
            return best == null ? -1 : best.frame();
        }
        return -1;
    }

    /** "Stream" or "Streams", as the list that follows has one or more. */
    private static String streams(Say say, int n) {
        return say.word(n == 1 ? "word.stream" : "word.streams");
    }

    private static List<Sentence> health(Say say, ReportInput in, Map<Integer, List<Segment>> tcp) {
        List<Sentence> out = new ArrayList<>();
        List<Packet> ps = in.packets();
        if (ps.isEmpty()) {
            out.add(say.it("health.empty"));
        }
        long cut = 0;
        long firstCut = -1;
        long offload = 0;
        long bad = 0;
        long firstBad = -1;
        long malformed = 0;
        long firstMalformed = -1;
        long backwards = 0;
        long firstBackwards = -1;
        long prev = Long.MIN_VALUE;
        for (Packet p : ps) {
            if (p.capturedLength() < p.length()) {
                if (cut++ == 0) {
                    firstCut = p.number();
                }
            }
            Packet.Checksum c = p.checksum();
            if (c != null && c.status() == ChecksumStatus.OFFLOAD) {
                offload++;
            } else if (c != null && c.status() == ChecksumStatus.BAD) {
                if (bad++ == 0) {
                    firstBad = p.number();
                }
            }
            if (p.malformation() != null && malformed++ == 0) {
                firstMalformed = p.number();
            }
            long t = p.epochSeconds() * 1_000_000_000L + p.nanos();
            if (t < prev && backwards++ == 0) {
                firstBackwards = p.number();
            }
            prev = Math.max(prev, t);
        }
        List<String> mid = new ArrayList<>();
        List<String> oneway = new ArrayList<>();
        List<String> supers = new ArrayList<>();
        for (Map.Entry<Integer, List<Segment>> e : tcp.entrySet()) {
            boolean syn = false;
            for (Segment s : e.getValue()) {
                syn |= s.syn();
            }
            if (!syn) {
                mid.add(Integer.toString(e.getKey()));
            }
            // one side only, and not just unanswered SYNs (a filtered port is silence, not a missing direction)
            if (e.getValue().stream().map(Segment::from).distinct().count() == 1
                    && e.getValue().stream().anyMatch(x -> !x.syn())) {
                oneway.add(Integer.toString(e.getKey()));
            }
        }
        for (ConnectionSummary c : in.connections()) {
            int limit = Math.max(c.clientMss(), c.serverMss());
            if (limit > 0 && Math.max(c.clientMaxSegment(), c.serverMaxSegment()) > limit) {
                supers.add(Integer.toString(c.stream()));
            }
        }
        if (cut > 0) {
            out.add(say.it("health.snaplen", cut, firstCut));
        }
        if (offload > 0) {
            out.add(say.it("health.offload.checksum", offload));
        }
        if (bad > 0) {
            out.add(say.it("health.bad.checksum", bad, firstBad));
        }
        if (!supers.isEmpty()) {
            out.add(say.it("health.supersegments", String.join(", ", supers)));
        }
        if (!mid.isEmpty()) {
            out.add(say.it("health.midstream", String.join(", ", mid), streams(say, mid.size())));
        }
        if (!oneway.isEmpty()) {
            out.add(say.it("health.oneway", String.join(", ", oneway), streams(say, oneway.size())));
        }
        if (malformed > 0) {
            out.add(say.it("health.malformed", malformed, firstMalformed));
        }
        if (backwards > 0) {
            out.add(say.it("health.backwards", backwards, firstBackwards));
        }
        if (in.recordedDrops() > 0) {
            out.add(say.it("health.drops", in.recordedDrops()));
        }
        if (in.damage() != null) {
            out.add(say.it("health.damage", in.damage(), ps.size()));
        }
        if (out.isEmpty()) {
            out.add(say.it("health.ok"));
        }
        return out;
    }
}
