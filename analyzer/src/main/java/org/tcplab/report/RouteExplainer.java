package org.tcplab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tcplab.model.Packet;

/**
 * The route traceroute's probes traced, as the capture shows it: probes from one host to one
 * destination (UDP datagrams, or echo requests as {@code traceroute -I} and Windows' tracert send)
 * with a TTL that grows; where the TTL ran out, the router dropped the probe and sent back time
 * exceeded from its own address (RFC 792; RFC 1812 §4.3.2.4), so each answer names one hop. The
 * destination itself answers the probe that reaches it: port unreachable for UDP (RFC 1122
 * §4.1.3.1), an echo reply for an echo request. One route per kind of probe, source and
 * destination whose probes went out with at least two TTLs and at least one drew time exceeded.
 */
final class RouteExplainer {
    private static final List<String> COLUMNS = List.of("ttl", "router", "frames", "rtt_ms", "type");
    private final Say say;

    RouteExplainer(Say say) {
        this.say = say;
    }

    /** {@code errors}: for a datagram's frame, the ICMP error that quotes it. The answers are ICMP, echo replies or errors. */
    List<Conversation> explain(List<Datagram> udp, List<Datagram> echo, Map<Long, Datagram> errors) {
        List<Datagram> all = new ArrayList<>(udp);
        Map<Long, Datagram> replies = new HashMap<>();
        for (int i = 0; i < echo.size(); i++) {
            Datagram d = echo.get(i);
            if (!IcmpExplainer.request(d.icmp())) {
                continue;
            }
            all.add(d);
            for (int j = i + 1; j < echo.size(); j++) {
                Datagram r = echo.get(j);
                if (!IcmpExplainer.request(r.icmp()) && r.icmp().identifier() == d.icmp().identifier()
                        && r.icmp().sequence() == d.icmp().sequence() && r.src().address().equals(d.dst().address())) {
                    replies.put(d.frame(), r);
                    break;
                }
            }
        }
        all.sort(Comparator.comparingLong(Datagram::frame));
        // UDP probes and echo requests apart: one traceroute sends one kind
        Map<String, List<Datagram>> probes = new LinkedHashMap<>();
        for (Datagram d : all) {
            probes.computeIfAbsent((d.udp() != null ? "udp " : "echo ") + d.src().address() + ">" + d.dst().address(),
                    k -> new ArrayList<>()).add(d);
        }
        Map<Long, Datagram> answers = new HashMap<>(replies);
        answers.putAll(errors);
        List<Conversation> out = new ArrayList<>();
        for (List<Datagram> ps : probes.values()) {
            // a traceroute's TTL grows: one datagram's time exceeded (a query caught in a routing loop) traces nothing
            if (ps.stream().mapToInt(Datagram::ttl).distinct().count() >= 2
                    && ps.stream().anyMatch(p -> timeExceeded(errors.get(p.frame())))) {
                out.add(route(out.size(), ps, answers));
            }
        }
        return out;
    }

    private static boolean timeExceeded(Datagram error) {
        return error != null && error.icmp().type() == (error.icmp().v6() ? 3 : 11);
    }

    private Conversation route(int index, List<Datagram> ps, Map<Long, Datagram> answers) {
        Datagram first = ps.get(0);
        String src = first.src().address();
        String dst = first.dst().address();
        TreeMap<Integer, List<Datagram>> byTtl = new TreeMap<>();
        int reached = -1;
        for (Datagram p : ps) {
            byTtl.computeIfAbsent(p.ttl(), k -> new ArrayList<>()).add(p);
            Datagram a = answers.get(p.frame());
            if (a != null && a.src().address().equals(dst) && (reached < 0 || p.ttl() < reached)) {
                reached = p.ttl();
            }
        }
        List<Sentence> out = new ArrayList<>();
        out.add(say.it("route.how", src, dst, say.word(first.udp() != null ? "route.probes.udp" : "route.probes.echo"),
                byTtl.firstKey()));
        List<Table.Row> rows = new ArrayList<>();
        String lastRouter = null;
        int lastTtl = -1;
        for (Map.Entry<Integer, List<Datagram>> e : byTtl.entrySet()) {
            int ttl = e.getKey();
            if (reached >= 0 && ttl > reached) {
                break;
            }
            Set<String> routers = new LinkedHashSet<>();
            Set<String> types = new LinkedHashSet<>();
            List<String> frames = new ArrayList<>();
            List<String> rtts = new ArrayList<>();
            List<Long> told = new ArrayList<>();
            for (Datagram p : e.getValue()) {
                Datagram a = answers.get(p.frame());
                told.add(p.frame());
                if (a == null) {
                    frames.add(Long.toString(p.frame()));
                    rtts.add("*");
                    continue;
                }
                told.add(a.frame());
                Packet.Icmp m = a.icmp();
                routers.add(a.src().address());
                types.add(say.icmp(m.v6(), m.type(), m.code()));
                frames.add(p.frame() + " → " + a.frame());
                rtts.add(Say.millis(a.time() - p.time()));
            }
            rows.add(new Table.Row(e.getValue().get(0).frame(), List.of(Integer.toString(ttl),
                    routers.isEmpty() ? "*" : String.join(", ", routers), String.join(", ", frames),
                    String.join(", ", rtts), String.join(", ", types)), told));
            if (routers.isEmpty()) {
                out.add(say.it("route.silent", ttl, e.getValue().size()));
            } else {
                if (routers.size() > 1) {
                    out.add(say.it("route.paths", ttl, String.join(", ", routers)));
                }
                lastRouter = String.join(", ", routers);
                lastTtl = ttl;
            }
        }
        if (reached >= 0) {
            // the destination's own answer: at that TTL a router may have answered another probe (a path changed)
            Datagram a = null;
            for (Datagram p : byTtl.get(reached)) {
                Datagram x = answers.get(p.frame());
                a = a == null && x != null && x.src().address().equals(dst) ? x : a;
            }
            Packet.Icmp m = a.icmp();
            out.add(say.it("route.reached", dst, reached, say.icmp(m.v6(), m.type(), m.code())));
        } else {
            out.add(say.it("route.unreached", dst, lastRouter, lastTtl));
        }
        return new Conversation("route", index, src, dst, say.it("route.title", index, src, dst, reached >= 0 ? reached : lastTtl),
                List.of(new Section("route", new Table(COLUMNS, rows), out)),
                new Ladder(List.of(src, dst), List.of(), List.of()), List.of());
    }
}
