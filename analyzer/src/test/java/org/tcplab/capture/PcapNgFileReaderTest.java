package org.tcplab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PcapNgFileReaderTest {
    private static FrameSource open(byte[] file) throws IOException {
        return CaptureFiles.open(new ByteArrayInputStream(file), "test.pcapng");
    }

    @Test
    void interfacesKeepTheirOwnLinkTypeAndTimestampResolution() throws IOException {
        byte[] file = new Captures.PcapNg().section(false)
                .iface(LinkTypes.ETHERNET, -1, "eth0")          // microseconds
                .iface(LinkTypes.LINUX_SLL, 9, "any")            // nanoseconds
                .iface(LinkTypes.RAW, 0x80 | 10, null)          // 2^-10 s
                .epb(0, 1_500_000_123_456L, new byte[14], 14, "first")
                .epb(1, 1_500_000_123_456_789L, new byte[16], 100, null)
                .epb(2, 1024L * 7 + 512, new byte[20], 20, null)
                .bytes();
        Frame f = new Frame();
        try (FrameSource s = open(file)) {
            assertEquals(-1, s.fileLinkType());
            assertTrue(s.next(f));
            assertEquals(LinkTypes.ETHERNET, f.linkType());
            assertEquals(1_500_000, f.epochSeconds());
            assertEquals(123_456_000, f.nanos());
            assertEquals("first", f.comment());
            assertTrue(s.next(f));
            assertEquals(LinkTypes.LINUX_SLL, f.linkType());
            assertEquals(1_500_000, f.epochSeconds());
            assertEquals(123_456_789, f.nanos());
            assertEquals(100, f.originalLength());
            assertNull(f.comment());
            assertTrue(s.next(f));
            assertEquals(LinkTypes.RAW, f.linkType());
            assertEquals(7, f.epochSeconds());
            assertEquals(500_000_000, f.nanos());
            assertFalse(s.next(f));
        }
    }

    @Test
    void sectionsOfEitherByteOrder_resetInterfaces() throws IOException {
        byte[] file = new Captures.PcapNg().section(false).iface(LinkTypes.ETHERNET, -1, null)
                .epb(0, 1_000_000, new byte[14], 14, null)
                .section(true).iface(LinkTypes.IPV4, 9, null)
                .epb(0, 2_000_000_000L, new byte[20], 20, null)
                .bytes();
        Frame f = new Frame();
        try (FrameSource s = open(file)) {
            assertTrue(s.next(f));
            assertEquals(LinkTypes.ETHERNET, f.linkType());
            assertEquals(1, f.epochSeconds());
            assertTrue(s.next(f));
            assertEquals(LinkTypes.IPV4, f.linkType(), "the second section's interface 0 is its own");
            assertEquals(2, f.epochSeconds());
            assertEquals(2, f.number());
            assertFalse(s.next(f));
        }
    }

    @Test
    void unknownBlocksAreSkipped_andSimplePacketsRead() throws IOException {
        byte[] file = new Captures.PcapNg().section(false).iface(LinkTypes.ETHERNET, -1, null)
                .raw(0x0000_0004, new byte[8])   // name resolution
                .raw(0x1234_5678, new byte[12])  // unknown
                .spb(new byte[60])
                .raw(0x0000_0005, new byte[16])  // interface statistics
                .bytes();
        Frame f = new Frame();
        try (FrameSource s = open(file)) {
            assertTrue(s.next(f));
            assertEquals(60, f.capturedLength());
            assertEquals(1, f.number());
            assertFalse(s.next(f));
        }
    }

    @Test
    void customBlock_isAFrameAsInWireshark() throws IOException {
        byte[] file = new Captures.PcapNg().section(false).iface(LinkTypes.ETHERNET, -1, null)
                .raw(0x0000_0BAD, new byte[12])
                .epb(0, 0, new byte[14], 14, null)
                .bytes();
        Frame f = new Frame();
        try (FrameSource s = open(file)) {
            assertTrue(s.next(f));
            assertEquals(LinkTypes.PCAPNG_CUSTOM_BLOCK, f.linkType());
            assertTrue(s.next(f));
            assertEquals(2, f.number());
        }
    }

    @Test
    void packetNamingAMissingInterface_isCorrupt() throws IOException {
        byte[] file = new Captures.PcapNg().section(false).iface(LinkTypes.ETHERNET, -1, null)
                .epb(3, 0, new byte[14], 14, null).bytes();
        try (FrameSource s = open(file)) {
            CaptureFileException e = assertThrows(CaptureFileException.class, () -> s.next(new Frame()));
            assertEquals(CaptureFileException.Kind.CORRUPT, e.kind());
        }
    }

    @Test
    void unknownSectionVersion_isUnsupported() {
        byte[] file = new Captures.PcapNg().section(false, 2, 0).bytes();
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> open(file));
        assertEquals(CaptureFileException.Kind.UNSUPPORTED, e.kind());
    }

    @Test
    void blockCutShort_isTruncated() throws IOException {
        byte[] full = new Captures.PcapNg().section(false).iface(LinkTypes.ETHERNET, -1, null)
                .epb(0, 0, new byte[14], 14, null).epb(0, 0, new byte[100], 100, null).bytes();
        byte[] cut = Arrays.copyOf(full, full.length - 30);
        Frame f = new Frame();
        try (FrameSource s = open(cut)) {
            assertTrue(s.next(f));
            CaptureFileException e = assertThrows(CaptureFileException.class, () -> s.next(f));
            assertEquals(CaptureFileException.Kind.TRUNCATED, e.kind());
        }
    }

    @Test
    void mismatchedTrailingLength_isCorrupt() throws IOException {
        byte[] file = new Captures.PcapNg().section(false).iface(LinkTypes.ETHERNET, -1, null)
                .epb(0, 0, new byte[14], 14, null).bytes();
        file[file.length - 4] = 99;
        try (FrameSource s = open(file)) {
            assertThrows(CaptureFileException.class, () -> s.next(new Frame()));
        }
    }
}
