package org.tcplab.follow;

import java.util.ArrayList;
import java.util.List;
import org.tcplab.wire.ByteString;

/**
 * Puts one TCP stream's payload back in sequence order, as Wireshark 4.0's Follow TCP Stream does
 * (epan/dissectors/packet-tcp.c, follow_tcp_tap_listener and check_follow_fragments): each side's
 * bytes are taken once, at the next expected sequence number; a retransmission or a segment's
 * overlap with what was already taken is dropped; a segment ahead of it waits until the gap fills,
 * or until the other side acknowledges past the gap, when the gap is written as "[N bytes missing
 * in capture file]". Sequence numbers are relative and compared modulo 2^32 (RFC 9293 §3.4).
 */
final class TcpFollower {
    private record Fragment(long seq, ByteString data, long frame) {
    }

    private final long[] next = new long[2];
    private final long[] written = new long[2];
    private final List<List<Fragment>> frags = List.of(new ArrayList<>(), new ArrayList<>());
    final List<Chunk> chunks = new ArrayList<>();

    private static boolean lt(long a, long b) {
        return (int) (a - b) < 0;
    }

    private static boolean gt(long a, long b) {
        return (int) (b - a) < 0;
    }

    /**
     * One segment from node {@code d}: relative seq and ack (ack raw when the ACK flag is clear),
     * its length from the IP header and the payload bytes captured.
     */
    void segment(int d, long seq, long ack, boolean syn, long seglen, byte[] data, int off, int len, long frame) {
        if (syn) {
            seq = (seq + 1) & 0xFFFFFFFFL; // data on a SYN starts after the SYN's sequence number
        }
        if (!frags.get(1 - d).isEmpty()) {
            while (check(1 - d, ack, true, frame)) {
                // flush what the other side's ACK says is delivered
            }
        }
        if (written[d] == 0 && next[d] == 0) {
            next[d] = seq;
        }
        if (lt(seq, next[d])) {
            long end = (seq + seglen) & 0xFFFFFFFFL;
            if (gt(end, next[d])) {
                // only the part beyond what was already taken
                long cut = (next[d] - seq) & 0xFFFFFFFFL;
                int skip = (int) Math.min(cut, len);
                off += skip;
                len -= skip;
                seq = next[d];
                seglen = (end - next[d]) & 0xFFFFFFFFL;
            }
        }
        if (len == 0 || lt(seq, next[d])) {
            return;
        }
        ByteString bytes = ByteString.copyOf(data, off, len);
        if (seq == next[d]) {
            next[d] = (next[d] + seglen) & 0xFFFFFFFFL;
            written[d] += len;
            chunks.add(new Chunk(d, frame, bytes, 0));
            while (check(d, 0, false, frame)) {
                // take the waiting fragments the new bytes reach
            }
        } else {
            frags.get(d).add(new Fragment(seq, bytes, frame));
        }
    }

    /** Takes one waiting fragment of node {@code d}, or writes a gap the other side's ACK covers; false when neither. */
    private boolean check(int d, long ack, boolean useAck, long frame) {
        List<Fragment> list = frags.get(d);
        if (list.isEmpty()) {
            return false;
        }
        long lowest = list.get(0).seq();
        for (int i = 0; i < list.size(); i++) {
            Fragment f = list.get(i);
            if (gt(lowest, f.seq())) {
                lowest = f.seq();
            }
            if (lt(f.seq(), next[d])) {
                long end = (f.seq() + f.data().length()) & 0xFFFFFFFFL;
                if (gt(end, next[d])) {
                    int pos = (int) ((next[d] - f.seq()) & 0xFFFFFFFFL);
                    if (f.data().length() > pos) {
                        chunks.add(new Chunk(d, f.frame(), f.data().substring(pos), 0));
                    }
                    next[d] = (next[d] + f.data().length() - pos) & 0xFFFFFFFFL;
                }
                list.remove(i);
                return true;
            }
            if (f.seq() == next[d]) {
                chunks.add(new Chunk(d, f.frame(), f.data(), 0));
                next[d] = (next[d] + f.data().length()) & 0xFFFFFFFFL;
                list.remove(i);
                return true;
            }
        }
        if (useAck && gt(ack, lowest)) {
            int missing = (int) (lowest - next[d]);
            byte[] text = ("[" + missing + " bytes missing in capture file]\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            chunks.add(new Chunk(d, frame, ByteString.of(text), missing));
            next[d] = lowest;
            return true;
        }
        return false;
    }

    /** What is still waiting behind gaps no ACK covered, oldest first, each after the gap before it. */
    List<Chunk> trailing() {
        List<Chunk> out = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            List<Fragment> list = new ArrayList<>(frags.get(d));
            long from = next[d];
            list.sort((a, b) -> Integer.compare((int) (a.seq() - from), (int) (b.seq() - from)));
            long at = from;
            for (Fragment f : list) {
                long missing = (f.seq() - at) & 0xFFFFFFFFL;
                if ((int) missing > 0) {
                    out.add(new Chunk(d, f.frame(), ByteString.EMPTY, missing));
                    at = f.seq();
                }
                long end = (f.seq() + f.data().length()) & 0xFFFFFFFFL;
                if (gt(end, at)) {
                    int skip = (int) ((at - f.seq()) & 0xFFFFFFFFL);
                    out.add(new Chunk(d, f.frame(), f.data().substring(Math.max(0, skip)), 0));
                    at = end;
                }
            }
        }
        return out;
    }
}
