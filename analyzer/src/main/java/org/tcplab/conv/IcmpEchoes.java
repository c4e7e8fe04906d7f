package org.tcplab.conv;

import java.util.HashMap;
import java.util.Map;
import org.tcplab.decode.Checksums;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.Layer;

/**
 * Matches ICMP and ICMPv6 echo replies to their requests in one pass, as Wireshark's ICMP
 * dissectors do for icmp.resp_to and icmp.resptime: between the same two addresses (either way),
 * by identifier, sequence number and checksum, the request's checksum taken as the reply's would
 * be (RFC 792: only the type changes, 8 to 0, so the reply's checksum is the request's plus 0x0800
 * in one's complement; RFC 4443: 128 to 129, 0x0100 less). The latest request under a key waits
 * for its reply; a second reply to it matches nothing. Only echo packets are kept: the table holds
 * one entry per request not yet answered.
 */
public final class IcmpEchoes {
    private record Key(int family, long aHi, long aLo, long bHi, long bLo, int checksum, int idSeq) {
    }

    private final Map<Key, long[]> waiting = new HashMap<>();

    public void annotate(DecodedPacket p, long timeNanos, long frame, IcmpAnnotation out) {
        out.reset();
        boolean v6 = p.layer() == Layer.ICMPV6;
        if ((p.layer() != Layer.ICMP && !v6) || p.icmpId() < 0 || p.icmpSeq() < 0) {
            return;
        }
        int type = p.icmpType();
        boolean request = v6 ? type == 128 : type == 8;
        boolean reply = v6 ? type == 129 : type == 0;
        if (!request && !reply) {
            return;
        }
        int c = p.icmpChecksum();
        // the checksum a reply carries: the request's, adjusted for the type it changes
        int expected = v6 ? (reply ? Checksums.fold(c + 0x0100L) : c) : (request ? Checksums.fold(c + 0x0800L) : c);
        // the two addresses in one order, so that both directions share the key
        boolean srcFirst = compare(p.srcHi(), p.srcLo(), p.dstHi(), p.dstLo()) <= 0;
        long aHi = srcFirst ? p.srcHi() : p.dstHi();
        long aLo = srcFirst ? p.srcLo() : p.dstLo();
        long bHi = srcFirst ? p.dstHi() : p.srcHi();
        long bLo = srcFirst ? p.dstLo() : p.srcLo();
        Key key = new Key(p.ipVersion(), aHi, aLo, bHi, bLo, zero(expected), p.icmpId() << 16 | p.icmpSeq());
        if (request) {
            waiting.put(key, new long[] {frame, timeNanos});
            return;
        }
        long[] r = waiting.remove(key);
        if (r != null) {
            out.requestFrame = r[0];
            out.responseNanos = timeNanos - r[1];
        }
    }

    /** 0xFFFF and 0 are the same number in one's complement. */
    private static int zero(int c) {
        return c == 0xFFFF ? 0 : c;
    }

    private static int compare(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }
}
