package org.tcplab.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcplab.decode.Packets.addr;
import static org.tcplab.decode.Packets.ethernet;
import static org.tcplab.decode.Packets.ipv4;
import static org.tcplab.decode.Packets.tcp;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tcplab.Corpus;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.Frame;
import org.tcplab.capture.FrameSource;
import org.tcplab.capture.LinkTypes;
import org.tcplab.decode.DecodedPacket;
import org.tcplab.decode.PacketDecoder;

/**
 * {@link TcpSegment#fillCommon}, the connection pass's shortcut for Ethernet + IPv4 + TCP frames,
 * either declines a frame or fills exactly what the decoder and {@link TcpSegment#fill} would.
 */
class TcpSegmentTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket packet = new DecodedPacket();

    private static String fields(TcpSegment s) {
        return s.tracked + " " + s.family + " " + s.srcHi + " " + s.srcLo + " " + s.dstHi + " " + s.dstLo + " " + s.sport + " "
                + s.dport + " " + s.seq + " " + s.ack + " " + s.flags + " " + s.window + " " + s.hasSegmentLength + " "
                + s.payloadLength + " " + s.synMss + " " + s.synWindowScale + " " + s.synFirstWindowScale + " "
                + s.synSackPermitted + " " + s.synTimestamps + " " + s.sackDelivered + " " + s.timeNanos + " "
                + s.frame + " " + s.frameLength;
    }

    /** Whether the shortcut took the frame; fails when it filled anything but the decoder's result. */
    private boolean agrees(byte[] b, int off, int captured, int original, int linkType) {
        TcpSegment common = new TcpSegment();
        String untouched = fields(common);
        if (!common.fillCommon(b, off, captured, original, linkType, 7, 3)) {
            assertEquals(untouched, fields(common), "declined, yet changed the segment");
            return false;
        }
        decoder.decode(b, off, captured, original, linkType, packet);
        TcpSegment decoded = new TcpSegment();
        assertTrue(decoded.fill(packet, 7, 3, original), "the decoder does not track this frame");
        assertEquals(fields(decoded), fields(common));
        return true;
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFrame_takenAsTheDecoderReadsIt_orLeftToIt() {
        return Corpus.captures().stream().map(f -> DynamicTest.dynamicTest(Corpus.root().relativize(f).toString(), () -> {
            Frame frame = new Frame();
            try (FrameSource s = CaptureFiles.open(f)) {
                while (s.next(frame)) {
                    agrees(frame.data(), frame.offset(), frame.capturedLength(), frame.originalLength(), frame.linkType());
                }
            } catch (java.io.IOException e) {
                // a damaged capture: the frames before the damage were checked
            }
        }));
    }

    @Test
    void everyHeaderByteChanged_orFrameCut_stillTheDecodersReading() {
        byte[] syn = ethernet(0x0800, ipv4(addr(10, 0, 0, 1), addr(10, 0, 0, 2), 6, 1, 0x4000,
                tcp(40000, 80, 1000, 0, 0x002, 64240, new byte[] {2, 4, 5, (byte) 0xb4, 1, 3, 3, 7}, 0)));
        byte[] data = ethernet(0x0800, ipv4(addr(10, 0, 0, 2), addr(10, 0, 0, 1), 6, 2, 0,
                tcp(80, 40000, 5000, 1001, 0x018, 502, new byte[0], 100)));
        int taken = 0;
        int checked = 0;
        for (byte[] original : new byte[][] {syn, data}) {
            assertTrue(agrees(original, 0, original.length, original.length, LinkTypes.ETHERNET), "a plain frame is taken");
            for (int at = 0; at < Math.min(original.length, 74); at++) {
                for (int value : new int[] {0x00, 0xFF, 0x01, 0x10, 0x20, 0x40, 0x80, 0x45, 0x06, 0x08}) {
                    byte[] b = original.clone();
                    b[at] = (byte) (value == 0x01 || value == 0x10 ? b[at] ^ value : value);
                    taken += agrees(b, 0, b.length, b.length, LinkTypes.ETHERNET) ? 1 : 0;
                    checked++;
                }
            }
            for (int cut = 0; cut <= original.length; cut++) {
                // cut by a snap length (the frame was longer on the wire), and a frame that is just short
                taken += agrees(original, 0, cut, original.length, LinkTypes.ETHERNET) ? 1 : 0;
                taken += agrees(Arrays.copyOf(original, cut), 0, cut, cut, LinkTypes.ETHERNET) ? 1 : 0;
                checked += 2;
            }
            for (int linkType : new int[] {LinkTypes.RAW, LinkTypes.LINUX_SLL, LinkTypes.NULL}) {
                assertEquals(false, agrees(original, 0, original.length, original.length, linkType));
            }
        }
        assertTrue(taken > 100 && taken < checked, taken + " of " + checked + " taken");
    }
}
