package org.tcplab.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue: every field the outputs print and the display filters know, by name. Wireshark's
 * fields keep Wireshark's names; ours start with {@code tcplab.}.
 */
public final class Fields {
    private static final List<Field> ALL;
    private static final Map<String, Field> BY_NAME = new LinkedHashMap<>();

    static {
        List<Field> all = new ArrayList<>();
        all.addAll(FrameFields.ALL);
        all.addAll(LinkFields.ALL);
        all.addAll(IpFields.ALL);
        all.addAll(TcpFields.ALL);
        all.addAll(UdpFields.ALL);
        all.addAll(IcmpFields.ALL);
        all.addAll(TcplabFields.ALL);
        for (Field f : all) {
            if (BY_NAME.put(f.name(), f) != null) {
                throw new IllegalStateException("field named twice: " + f.name());
            }
        }
        ALL = Collections.unmodifiableList(all);
    }

    private Fields() {
    }

    public static List<Field> all() {
        return ALL;
    }

    /** The field of that name, or null. */
    public static Field byName(String name) {
        return BY_NAME.get(name);
    }

    /**
     * The known name closest to {@code name} (fewest single-character edits, at most a third of its
     * length), for "did you mean": null when nothing is close.
     */
    public static String closest(String name) {
        String best = null;
        int bestDistance = Math.max(2, name.length() / 3) + 1;
        for (String candidate : BY_NAME.keySet()) {
            int d = distance(name, candidate, bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /** Levenshtein distance, or {@code limit} once it is known to be at least that. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit);
    }
}
