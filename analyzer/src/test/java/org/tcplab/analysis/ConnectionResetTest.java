package org.tcplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.tcplab.analysis.Segments.ACK;
import static org.tcplab.analysis.Segments.FIN;
import static org.tcplab.analysis.Segments.PSH;
import static org.tcplab.analysis.Segments.RST;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tracker reuses freed connection objects: {@link Connection#reset()} must leave every field,
 * through its directions, endpoints and Zeek's view, as a new object has it. Compared by
 * reflection, so that a field added later without a reset fails here.
 */
class ConnectionResetTest {

    /** A connection that set most of its fields: data both ways, a hole, duplicate ACKs, a FIN and an RST. */
    private static Connection used() {
        Segments s = new Segments().handshake();
        for (int i = 0; i < 12; i++) {
            s.client(PSH | ACK, 1 + 100L * i, 1, 100); // twelve unacknowledged segments: the ring grows
        }
        s.server(PSH | ACK, 1, 101, 50)
                .server(PSH | ACK, 151, 101, 50) // 51-150 never captured: a hole in the reassembler
                .client(ACK, 1201, 51, 0).client(ACK, 1201, 51, 0).client(ACK, 1201, 51, 0)
                .client(FIN | ACK, 1201, 51, 0)
                .server(RST | ACK, 51, 1202, 0);
        return s.connection();
    }

    @Test
    void reset_leavesEveryFieldAsANewConnectionHasIt() throws ReflectiveOperationException {
        Connection c = used();
        List<String> before = differences(new Connection(), c);
        assertNotEquals(List.of(), before, "the connection was used");
        c.reset();
        assertEquals(List.of(), differences(new Connection(), c));
    }

    /** Paths of the fields that differ; the ring's contents past its count are never read, so not compared. */
    private static List<String> differences(Object fresh, Object reset) throws ReflectiveOperationException {
        List<String> out = new ArrayList<>();
        compare("connection", fresh, reset, out, new IdentityHashMap<>());
        return out;
    }

    private static void compare(String path, Object a, Object b, List<String> out, Map<Object, Object> seen)
            throws ReflectiveOperationException {
        if (a == null || b == null) {
            if (a != b) {
                out.add(path + ": " + a + " / " + b);
            }
            return;
        }
        Class<?> k = a.getClass();
        if (k == long[].class) {
            // the unacknowledged-segment ring: only its capacity may differ (kept up to POOLED_RING)
            if (Array.getLength(b) > Direction.POOLED_RING * Direction.SEG) {
                out.add(path + ": a ring of " + Array.getLength(b) / Direction.SEG + " kept");
            }
            return;
        }
        if (k.isArray()) {
            for (int i = 0; i < Array.getLength(a); i++) {
                compare(path + "[" + i + "]", Array.get(a, i), Array.get(b, i), out, seen);
            }
            return;
        }
        if (a instanceof CharSequence) {
            if (!a.toString().equals(b.toString())) {
                out.add(path + ": \"" + a + "\" / \"" + b + "\"");
            }
            return;
        }
        if (!k.getName().startsWith("org.tcplab.") || k.isEnum() || k.isRecord()) {
            if (!a.equals(b)) {
                out.add(path + ": " + a + " / " + b);
            }
            return;
        }
        if (seen.put(a, b) != null) {
            return; // the endpoints are reached both from the connection and from Zeek's view
        }
        for (Class<?> c = k; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("serial")) {
                    continue; // serial: which use of the object this is, set by the tracker
                }
                f.setAccessible(true);
                compare(path + "." + f.getName(), f.get(a), f.get(b), out, seen);
            }
        }
    }
}
