package org.tcplab.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PcapFileReaderTest {
    private static FrameSource open(byte[] file) throws IOException {
        return CaptureFiles.open(new ByteArrayInputStream(file), "test.pcap");
    }

    @ParameterizedTest(name = "bigEndian={0} nanos={1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void readsEitherByteOrderAndResolution(boolean bigEndian, boolean nanos) throws IOException {
        byte[] a = {1, 2, 3};
        byte[] b = {4, 5, 6, 7};
        long frac = nanos ? 123456789 : 123456;
        byte[] file = Captures.pcap(bigEndian, nanos, 1, new long[][] {{1000, frac}, {1001, 0, 60}}, a, b);
        Frame f = new Frame();
        try (FrameSource s = open(file)) {
            assertEquals(1, s.fileLinkType());
            assertTrue(s.next(f));
            assertEquals(1, f.number());
            assertEquals(1000, f.epochSeconds());
            assertEquals(nanos ? 123456789 : 123456000, f.nanos());
            assertArrayEquals(a, f.copyBytes());
            assertTrue(s.next(f));
            assertEquals(2, f.number());
            assertEquals(4, f.capturedLength());
            assertEquals(64, f.originalLength(), "original length kept apart from the captured length");
            assertFalse(s.next(f));
        }
    }

    @Test
    void recordCutShort_isTruncatedAfterEarlierPacketsWereHandedOut() throws IOException {
        byte[] file = Captures.pcap(false, false, 1, new long[][] {{1, 0}, {2, 0}}, new byte[10], new byte[10]);
        byte[] cut = Arrays.copyOf(file, file.length - 4);
        Frame f = new Frame();
        try (FrameSource s = open(cut)) {
            assertTrue(s.next(f));
            CaptureFileException e = assertThrows(CaptureFileException.class, () -> s.next(f));
            assertEquals(CaptureFileException.Kind.TRUNCATED, e.kind());
            assertTrue(e.getMessage().contains("packet 2"), e.getMessage());
        }
    }

    @Test
    void absurdCapturedLength_isCorrupt() throws IOException {
        byte[] file = Captures.pcap(false, false, 1, new long[][] {{1, 0}}, new byte[10]);
        file[24 + 8] = (byte) 0xff;
        file[24 + 9] = (byte) 0xff;
        file[24 + 10] = (byte) 0xff;
        try (FrameSource s = open(file)) {
            CaptureFileException e = assertThrows(CaptureFileException.class, () -> s.next(new Frame()));
            assertEquals(CaptureFileException.Kind.CORRUPT, e.kind());
        }
    }

    @Test
    void microsecondFieldOverAMillion_carriesIntoSeconds() throws IOException {
        byte[] file = Captures.pcap(false, false, 1, new long[][] {{10, 1_000_000}}, new byte[1]);
        Frame f = new Frame();
        try (FrameSource s = open(file)) {
            assertTrue(s.next(f));
            assertEquals(11, f.epochSeconds());
            assertEquals(0, f.nanos());
        }
    }

    @Test
    void unknownMagic_isNotACapture() {
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> open("hello world, not a pcap".getBytes()));
        assertEquals(CaptureFileException.Kind.NOT_A_CAPTURE, e.kind());
    }

    @Test
    void emptyInput_isNotACapture() {
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> open(new byte[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void versionOne_isUnsupported() {
        byte[] file = Captures.pcap(false, false, 1, new long[0][]);
        file[4] = 1;
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> open(file));
        assertEquals(CaptureFileException.Kind.UNSUPPORTED, e.kind());
    }
}
