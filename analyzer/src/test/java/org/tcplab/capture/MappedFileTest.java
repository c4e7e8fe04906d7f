package org.tcplab.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileTest {
    @TempDir
    Path dir;

    /** 300 packets of 1 to 299 bytes: records cross every 4 KiB window boundary at varied offsets. */
    private static byte[] capture() {
        int n = 300;
        byte[][] packets = new byte[n][];
        long[][] times = new long[n][];
        for (int i = 0; i < n; i++) {
            packets[i] = new byte[1 + i];
            for (int j = 0; j < packets[i].length; j++) {
                packets[i][j] = (byte) (i * 31 + j);
            }
            times[i] = new long[] {1000 + i, i};
        }
        return Captures.pcap(false, false, 1, times, packets);
    }

    private static List<byte[]> frames(FrameSource s) throws IOException {
        List<byte[]> out = new ArrayList<>();
        Frame f = new Frame();
        while (s.next(f)) {
            out.add(f.copyBytes());
        }
        return out;
    }

    @Test
    void smallWindows_giveTheSameFramesAsAStream() throws IOException {
        byte[] file = capture();
        Path p = dir.resolve("a.pcap");
        Files.write(p, file);
        List<byte[]> streamed;
        try (FrameSource s = CaptureFiles.open(new ByteArrayInputStream(file), "a.pcap")) {
            streamed = frames(s);
        }
        // a buffer smaller than a window and one larger: both refill paths
        for (int buffer : new int[] {1024, 64 << 10}) {
            FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
            try (FrameSource s = new PcapFileReader(new ChannelInput(new MappedFile(ch, 4096), buffer))) {
                List<byte[]> mapped = frames(s);
                assertEquals(streamed.size(), mapped.size());
                for (int i = 0; i < mapped.size(); i++) {
                    assertArrayEquals(streamed.get(i), mapped.get(i), "frame " + (i + 1));
                }
            }
        }
    }

    @Test
    void fileGrowingAfterOpen_isReadToItsNewEnd() throws IOException {
        byte[] file = capture();
        int firstPart = 24 + 16 + 1; // the header and the first packet
        Path p = dir.resolve("growing.pcap");
        Files.write(p, java.util.Arrays.copyOf(file, firstPart));
        Frame f = new Frame();
        try (FrameSource s = CaptureFiles.open(p)) {
            assertTrue(s.next(f));
            Files.write(p, java.util.Arrays.copyOfRange(file, firstPart, file.length), StandardOpenOption.APPEND);
            int rest = 0;
            while (s.next(f)) {
                rest++;
            }
            assertEquals(299, rest, "the packets appended after the file was opened");
            assertFalse(s.next(f));
        }
    }
}
