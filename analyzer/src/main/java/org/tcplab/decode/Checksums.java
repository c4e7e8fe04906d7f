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

    /**
     * The value the IPv4 header checksum field should hold (the one's complement of the sum of the
     * header's 16-bit words with the field taken as zero, RFC 791 §3.1), or -1 when the header was
     * not captured whole.
     */
    public static int ipv4HeaderComputed(DecodedPacket p) {
        if (p.ipVersion() != 4 || p.ipHeaderLength() < 20 || p.ipData() == null
                || p.ipOffset() + p.ipHeaderLength() > p.ipData().length) {
            return -1;
        }
        byte[] b = p.ipData();
        int off = p.ipOffset();
        long s = sum(b, off, p.ipHeaderLength(), 0) - Bytes.u16be(b, off + 10);
        return ~fold(s) & 0xFFFF;
    }

    /**
     * The value the transport checksum field should hold, pseudo header included (RFC 9293 §3.1,
     * RFC 768, RFC 792, RFC 8200 §8.1), or -1 when it cannot be computed (not all bytes captured).
     */
    public static int transportComputed(DecodedPacket p) {
        int length = verifiableLength(p);
        if (length < 0) {
            return -1;
        }
        Layer layer = p.layer();
        int field = field(p);
        long pseudo = layer == Layer.ICMP ? 0 : pseudoHeader(p, protocol(layer), length);
        int computed = ~fold(sum(p.l4Data(), p.l4Offset(), length, pseudo) - field) & 0xFFFF;
        // RFC 768: a UDP checksum that computes to zero is sent as all ones
        return layer == Layer.UDP && computed == 0 ? 0xFFFF : computed;
    }

    private static int verifiableLength(DecodedPacket p) {
        Layer layer = p.layer();
        if (layer != Layer.TCP && layer != Layer.UDP && layer != Layer.ICMP && layer != Layer.ICMPV6) {
            return -1;
        }
        int length = p.l4Reported();
        if (layer == Layer.UDP && p.udpLength() >= 8) {
            length = p.udpLength();
        }
        if (p.l4Captured() < length || length < (layer == Layer.TCP ? 20 : layer == Layer.UDP ? 8 : 4)) {
            return -1;
        }
        return length;
    }

    /** The checksum field as on the wire. */
    public static int field(DecodedPacket p) {
        return switch (p.layer()) {
            case TCP -> p.tcpChecksum();
            case UDP -> p.udpChecksum();
            default -> p.icmpChecksum();
        };
    }

    private static int protocol(Layer layer) {
        return layer == Layer.TCP ? 6 : layer == Layer.UDP ? 17 : 58;
    }

    /** The transport checksum of a TCP, UDP, ICMP or ICMPv6 packet. */
    public static ChecksumStatus transport(DecodedPacket p) {
        int length = verifiableLength(p);
        if (length < 0) {
            return ChecksumStatus.UNVERIFIED;
        }
        Layer layer = p.layer();
        int field = field(p);
        if (layer == Layer.UDP && field == 0 && p.ipVersion() == 4) {
            return ChecksumStatus.NONE;
        }
        long pseudo = layer == Layer.ICMP ? 0 : pseudoHeader(p, protocol(layer), length);
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

    /** A one's complement sum folded to 16 bits (RFC 1071): carries added back in until none is left. */
    public static int fold(long s) {
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }
}
