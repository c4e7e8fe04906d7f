package org.tcplab.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcplab.words.Spelling;

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
        all.addAll(HttpFields.ALL);
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
        return Spelling.closest(name, BY_NAME.keySet(), Math.max(2, name.length() / 3) + 1);
    }
}
