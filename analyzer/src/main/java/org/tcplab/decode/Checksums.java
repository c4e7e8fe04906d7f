package org.tcplab.decode;

import org.tcplab.wire.Bytes;

/**
 * Internet checksum verification (RFC 1071) for IPv4 headers and for TCP, UDP, ICMP and ICMPv6
 * with their pseudo headers (RFC 9293 §3.1, RFC 768, RFC 8200 §8.1). Computed on demand, off the
 * hot path.
 */
public final class Checksums {
    private Checksums() {
    }

    public static ChecksumStatus ipv4Header(DecodedPacket p) {
        if (p.ipVersion() != 4 || p.ipHeaderLength() < 20 || p.ipData() == null) {
            return ChecksumStatus.UNVERIFIED;
        }
        byte[] b = p.ipData();
        int off = p.ipOffset();
        if (off + p.ipHeaderLength() > b.length) {
            return ChecksumStatus.UNVERIFIED;
        }
        return fold(sum(b, off, p.ipHeaderLength(), 0)) == 0xFFFF ? ChecksumStatus.GOOD : ChecksumStatus.BAD;
    }

    /** The transport checksum of a TCP, UDP, ICMP or ICMPv6 packet. */
    public static ChecksumStatus transport(DecodedPacket p) {
        Layer layer = p.layer();
        if (layer != Layer.TCP && layer != Layer.UDP && layer != Layer.ICMP && layer != Layer.ICMPV6) {
            return ChecksumStatus.UNVERIFIED;
        }
        int length = p.l4Reported();
        if (layer == Layer.UDP && p.udpLength() >= 8) {
            length = p.udpLength();
        }
        if (p.l4Captured() < length || length < (layer == Layer.TCP ? 20 : layer == Layer.UDP ? 8 : 4)) {
            return ChecksumStatus.UNVERIFIED;
        }
        int field = switch (layer) {
            case TCP -> p.tcpChecksum();
            case UDP -> p.udpChecksum();
            default -> p.icmpChecksum();
        };
        if (layer == Layer.UDP && field == 0 && p.ipVersion() == 4) {
            return ChecksumStatus.NONE;
        }
        long pseudo = 0;
        if (layer != Layer.ICMP) {
            int proto = layer == Layer.TCP ? 6 : layer == Layer.UDP ? 17 : 58;
            pseudo = pseudoHeader(p, proto, length);
        }
        long total = sum(p.l4Data(), p.l4Offset(), length, pseudo);
        if (fold(total) == 0xFFFF) {
            return ChecksumStatus.GOOD;
        }
        // Checksum offload (Linux CHECKSUM_PARTIAL) leaves the folded pseudo-header sum in the field.
        if (layer != Layer.ICMP && (field == fold(pseudo) || field == (~fold(pseudo) & 0xFFFF))) {
            return ChecksumStatus.OFFLOAD;
        }
        return ChecksumStatus.BAD;
    }

    private static long pseudoHeader(DecodedPacket p, int proto, int length) {
        long s = 0;
        if (p.ipVersion() == 4) {
            s += (p.srcLo() >>> 16) + (p.srcLo() & 0xFFFF) + (p.dstLo() >>> 16) + (p.dstLo() & 0xFFFF);
        } else {
            s += words(p.srcHi()) + words(p.srcLo()) + words(p.dstHi()) + words(p.dstLo());
        }
        return s + proto + length;
    }

    private static long words(long v) {
        return (v >>> 48) + ((v >>> 32) & 0xFFFF) + ((v >>> 16) & 0xFFFF) + (v & 0xFFFF);
    }

    static long sum(byte[] b, int off, int len, long initial) {
        long s = initial;
        int end = off + len - 1;
        int i = off;
        for (; i < end; i += 2) {
            s += Bytes.u16be(b, i);
        }
        if (i == end) {
            s += (b[i] & 0xff) << 8;
        }
        return s;
    }

    static int fold(long s) {
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }
}
