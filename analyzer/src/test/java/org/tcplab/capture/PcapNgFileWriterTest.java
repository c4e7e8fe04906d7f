package org.tcplab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapNgFileWriterTest {
    @TempDir
    Path dir;

    private static final byte[] DATA = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

    @Test
    void aLiveCapturesFile_oneInterface_nanoseconds() throws Exception {
        Path f = dir.resolve("live.pcapng");
        try (PcapNgFileWriter w = new PcapNgFileWriter(f, LinkTypes.ETHERNET, 262144, "lo", "tcp")) {
            w.write(1_700_000_000L, 123_456_789, DATA, 1, 9, 60);
        }
        try (FrameSource s = CaptureFiles.open(f)) {
            Frame fr = new Frame();
            assertTrue(s.next(fr));
            assertEquals(List.of(new CaptureInterface(0, LinkTypes.ETHERNET, 262144, 1_000_000_000L, 0, "lo")), s.interfaces());
            assertEquals(1_700_000_000L, fr.epochSeconds());
            assertEquals(123_456_789, fr.nanos());
            assertEquals(9, fr.capturedLength());
            assertEquals(60, fr.originalLength());
            assertEquals(2, fr.data()[fr.offset()]);
            assertFalse(fr.hasComment());
            assertFalse(s.next(fr));
        }
    }

    @Test
    void sectionsInterfacesAndComments_readBackAsWritten() throws Exception {
        Path f = dir.resolve("rewritten.pcapng");
        // one character of three UTF-8 bytes past the 65535 an option holds: cut before it, not through it
        String longComment = "x".repeat(65534) + "€";
        try (PcapNgFileWriter w = new PcapNgFileWriter(f)) {
            assertEquals(0, w.addInterface(LinkTypes.ETHERNET, 96, "eth0", null, 6));
            assertEquals(1, w.addInterface(LinkTypes.NULL, 0, null, null, 9));
            w.write(1, 10, 999_999_999, DATA, 0, 11, 11, List.of("first", "second"));
            w.write(0, 4_000_000_000L, 123_456_000, DATA, 0, 4, 11, List.of(longComment));
            w.newSection();
            assertEquals(0, w.addInterface(LinkTypes.RAW, 65535, "raw", null, 9));
            w.writeSimple(DATA, 0, 8, 8);
        }
        try (FrameSource s = CaptureFiles.open(f)) {
            Frame fr = new Frame();
            assertTrue(s.next(fr));
            assertEquals(1, fr.sectionInterface());
            assertEquals(LinkTypes.NULL, fr.linkType());
            assertEquals(999_999_999, fr.nanos());
            assertEquals("first", fr.comment()); // our reader keeps the first
            assertTrue(s.next(fr));
            assertEquals(0, fr.sectionInterface());
            assertEquals(4_000_000_000L, fr.epochSeconds());
            assertEquals(123_456_000, fr.nanos());
            assertEquals(11, fr.originalLength());
            assertEquals("x".repeat(65534), fr.comment());
            assertEquals(65534, fr.comment().getBytes(StandardCharsets.UTF_8).length);
            assertTrue(s.next(fr));
            assertFalse(fr.hasTime());
            assertEquals(0, fr.sectionInterface());
            assertEquals(2, fr.interfaceId());
            assertEquals(LinkTypes.RAW, fr.linkType());
            assertEquals(8, fr.capturedLength());
            assertFalse(s.next(fr));
            assertEquals(List.of(0, 0, 1), s.interfaces().stream().map(CaptureInterface::section).toList());
            assertEquals(1_000_000L, s.interfaces().get(0).unitsPerSecond());
        }
    }
}
