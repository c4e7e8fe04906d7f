package org.tcplab.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcplab.decode.Packets.*;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tcplab.capture.LinkTypes;

class PacketDecoderTest {
    private static final int A = addr(10, 0, 0, 1);
    private static final int B = addr(10, 0, 0, 2);
    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket p = new DecodedPacket();

    private void decode(byte[] frame, int linkType) {
        decoder.decode(frame, 0, frame.length, frame.length, linkType, p);
    }

    private static byte[] synFrame() {
        byte[] opts = {2, 4, 0x05, (byte) 0xb4, 1, 3, 3, 7};
        return ethernet(0x0800, ipv4(A, B, 6, 1, 0x4000, tcp(40000, 80, 1000, 0, 0x002, 65535, opts, 0)));
    }

    @Test
    void ethernetIpv4Tcp_allHeaderFields() {
        decode(synFrame(), LinkTypes.ETHERNET);
        assertEquals(Layer.TCP, p.layer());
        assertNull(p.malformation());
        assertEquals(4, p.ipVersion());
        assertEquals(A & 0xFFFFFFFFL, p.srcLo());
        assertEquals(B & 0xFFFFFFFFL, p.dstLo());
        assertTrue(p.dontFragment());
        assertEquals(40000, p.sport());
        assertEquals(80, p.dport());
        assertEquals(1000, p.seq());
        assertEquals(0x002, p.tcpFlags());
        assertEquals(28, p.tcpHeaderLength());
        assertEquals(0, p.payloadLength());
        assertTrue(p.hasSegmentLength());
        assertEquals(ChecksumStatus.GOOD, Checksums.ipv4Header(p));
    }

    @Test
    void stackedVlanTags_areWalked() {
        byte[] ip = ipv4(A, B, 17, 1, 0, udp(53, 53, new byte[4]));
        byte[] inner = vlan(20, 0x0800, ip);
        byte[] outer = vlan(10, 0x8100, inner);
        decode(ethernet(0x88A8, outer), LinkTypes.ETHERNET);
        assertEquals(Layer.UDP, p.layer());
        assertEquals(2, p.vlanCount());
        assertEquals(10, p.firstVlanId());
        assertEquals(4, p.udpLength() - 8);
    }

    @Test
    void linuxCookedV1AndV2_findTheProtocol() {
        byte[] ip = ipv4(A, B, 6, 1, 0, tcp(1, 2, 3, 4, 0x010, 100, new byte[0], 5));
        ByteBuffer sll = ByteBuffer.allocate(16 + ip.length);
        sll.putShort((short) 0).putShort((short) 1).putShort((short) 6).put(new byte[8]).putShort((short) 0x0800).put(ip);
        decode(sll.array(), LinkTypes.LINUX_SLL);
        assertEquals(Layer.TCP, p.layer());
        assertEquals(5, p.payloadLength());
        ByteBuffer sll2 = ByteBuffer.allocate(20 + ip.length);
        sll2.putShort((short) 0x0800).putShort((short) 0).putInt(1).putShort((short) 1).put((byte) 0).put((byte) 6)
                .put(new byte[8]).put(ip);
        decode(sll2.array(), LinkTypes.LINUX_SLL2);
        assertEquals(Layer.TCP, p.layer());
        assertEquals(5, p.payloadLength());
    }

    @Test
    void bsdLoopback_inEitherByteOrder() {
        byte[] ip = ipv4(A, B, 17, 1, 0, udp(1, 2, new byte[0]));
        decode(concat(new byte[] {2, 0, 0, 0}, ip), LinkTypes.NULL);
        assertEquals(Layer.UDP, p.layer());
        decode(concat(new byte[] {0, 0, 0, 2}, ip), LinkTypes.NULL);
        assertEquals(Layer.UDP, p.layer());
        byte[] ip6 = ipv6(0x20010db8L << 32, 1, 0x20010db8L << 32, 2, 17, udp(1, 2, new byte[0]));
        decode(concat(new byte[] {30, 0, 0, 0}, ip6), LinkTypes.NULL);
        assertEquals(Layer.UDP, p.layer());
        assertEquals(6, p.ipVersion());
    }

    @Test
    void ipv6ExtensionHeaders_leadToTheTransport() {
        // hop-by-hop (8 bytes), destination options (8 bytes), then TCP
        byte[] tcp = tcp(5000, 443, 1, 0, 0x002, 1000, new byte[0], 0);
        byte[] dest = concat(new byte[] {6, 0, 1, 4, 0, 0, 0, 0}, tcp);
        byte[] hop = concat(new byte[] {60, 0, 1, 4, 0, 0, 0, 0}, dest);
        decode(ipv6(1, 2, 3, 4, 0, hop), LinkTypes.RAW);
        assertEquals(Layer.TCP, p.layer());
        assertEquals(6, p.ipProtocol());
        assertEquals(5000, p.sport());
    }

    @Test
    void ipv4Fragments_areReassembledAtTheLastOne() {
        byte[] whole = tcp(1234, 80, 77, 0, 0x018, 500, new byte[0], 100); // 120 bytes of TCP
        byte[] first = Arrays.copyOfRange(whole, 0, 64);
        byte[] second = Arrays.copyOfRange(whole, 64, 120);
        decode(ipv4(A, B, 6, 42, 0x2000, first), LinkTypes.IPV4);
        assertTrue(p.isFragment());
        assertTrue(p.moreFragments());
        assertEquals(Layer.IPV4, p.layer());
        decode(ipv4(A, B, 6, 42, 64 / 8, second), LinkTypes.IPV4);
        assertFalse(p.isFragment());
        assertTrue(p.isReassembled());
        assertEquals(2, p.fragmentCount());
        assertEquals(Layer.TCP, p.layer());
        assertEquals(100, p.payloadLength());
        assertEquals(77, p.seq());
    }

    @Test
    void ipv6Fragments_areReassembled() {
        byte[] whole = udp(9, 9, new byte[100]);
        byte[] f1 = concat(new byte[] {17, 0, 0, 1, 0, 0, 0, 7}, Arrays.copyOfRange(whole, 0, 56));
        byte[] f2 = concat(new byte[] {17, 0, 0, 56, 0, 0, 0, 7}, Arrays.copyOfRange(whole, 56, 108));
        decode(ipv6(1, 2, 3, 4, 44, f1), LinkTypes.IPV6);
        assertTrue(p.isFragment());
        decode(ipv6(1, 2, 3, 4, 44, f2), LinkTypes.IPV6);
        assertEquals(Layer.UDP, p.layer());
        assertEquals(108, p.udpLength());
    }

    @Test
    void icmpError_quotesTheOffendingTcpHeader() {
        byte[] quoted = Arrays.copyOf(ipv4(B, A, 6, 9, 0, tcp(80, 40000, 123456, 0, 0x002, 0, new byte[0], 0)), 28);
        byte[] icmp = concat(new byte[] {3, 3, 0, 0, 0, 0, 0, 0}, quoted);
        decode(ipv4(A, B, 1, 1, 0, icmp), LinkTypes.IPV4);
        assertEquals(Layer.ICMP, p.layer());
        assertEquals(3, p.icmpType());
        assertEquals(3, p.icmpCode());
        assertEquals(6, p.quotedProtocol());
        assertEquals(80, p.quotedSport());
        assertEquals(123456, p.quotedSeq());
        assertEquals(-1, p.sport(), "the ICMP packet itself has no ports");
    }

    @Test
    void tcpHeaderCutBySnapLength_isMarkedButKeepsPorts() {
        byte[] frame = synFrame();
        decoder.decode(frame, 0, 14 + 20 + 10, frame.length, LinkTypes.ETHERNET, p);
        assertEquals(Layer.TCP, p.layer());
        assertEquals(Malformation.TCP_HEADER_CUT, p.malformation());
        assertEquals(40000, p.sport());
        assertEquals(10, p.tcpFieldsCaptured());
        assertEquals("TCP header cut short (10 of 20 bytes captured)", p.malformationText());
    }

    @Test
    void ipv4HeaderLengthBelowTwenty_isMalformed() {
        byte[] frame = synFrame();
        frame[14] = 0x44;
        decode(frame, LinkTypes.ETHERNET);
        assertEquals(Malformation.IPV4_BAD_HEADER_LENGTH, p.malformation());
        assertEquals(Layer.IPV4, p.layer());
    }

    @Test
    void segmentShorterThanItsHeader_hasNoSegmentLength() {
        byte[] ip = ipv4(A, B, 6, 1, 0, tcp(1, 2, 3, 4, 0x010, 100, new byte[8], 0));
        ip[3] = 20 + 24; // IP length says 24 bytes of TCP, the header says 28
        decode(ip, LinkTypes.IPV4);
        assertEquals(Malformation.TCP_SHORT_SEGMENT, p.malformation());
        assertFalse(p.hasSegmentLength());
    }

    @Test
    void unknownLinkType_isMarkedNotThrown() {
        decode(new byte[] {1, 2, 3}, 147);
        assertEquals(Malformation.UNSUPPORTED_LINK_TYPE, p.malformation());
    }

    @Test
    void everyTruncationOfAPacket_decodesWithoutThrowing() {
        byte[] frame = ethernet(0x8100, vlan(5, 0x0800, ipv4(A, B, 6, 1, 0, tcp(1, 2, 3, 4, 0x012, 1, new byte[] {2, 4, 5, (byte) 180}, 10))));
        for (int cut = 0; cut <= frame.length; cut++) {
            decoder.decode(frame, 0, cut, frame.length, LinkTypes.ETHERNET, p);
        }
        assertEquals(Layer.TCP, p.layer());
    }

    @Test
    void checksumLeftForOffload_isNotCalledBad() {
        byte[] seg = tcp(1, 2, 3, 4, 0x010, 100, new byte[0], 0);
        byte[] ip = ipv4(A, B, 6, 1, 0, seg);
        // Linux CHECKSUM_PARTIAL: the field holds the folded pseudo-header sum only.
        long pseudo = (A >>> 16) + (A & 0xFFFF) + (B >>> 16) + (B & 0xFFFF) + 6 + seg.length;
        int folded = Checksums.fold(pseudo);
        ip[20 + 16] = (byte) (folded >>> 8);
        ip[20 + 17] = (byte) folded;
        decode(ip, LinkTypes.IPV4);
        assertEquals(ChecksumStatus.OFFLOAD, Checksums.transport(p));
        ip[20 + 17] ^= 0x55;
        decode(ip, LinkTypes.IPV4);
        assertEquals(ChecksumStatus.BAD, Checksums.transport(p));
    }
}
