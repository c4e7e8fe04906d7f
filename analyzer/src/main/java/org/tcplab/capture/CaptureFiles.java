package org.tcplab.capture;

import static org.tcplab.capture.CaptureFileException.Kind.NOT_A_CAPTURE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tcplab.wire.Bytes;

/** Opens a capture file, telling pcap from pcapng by its first four bytes. */
public final class CaptureFiles {
    private CaptureFiles() {
    }

    public static FrameSource open(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if (Files.isDirectory(path)) {
            throw new CaptureFileException(NOT_A_CAPTURE, path + " is a directory, not a capture file");
        }
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            if (gzipped(ch)) {
                return open(GzipInput.open(Channels.newInputStream(ch)), path.toString());
            }
            if (Files.isRegularFile(path)) {
                return open(new ChannelInput(new MappedFile(ch), ChannelInput.DEFAULT_SIZE), path.toString());
            }
            return open(ch, path.toString());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public static FrameSource open(InputStream in, String name) throws IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 2);
        byte[] head = p.readNBytes(2);
        p.unread(head);
        if (head.length == 2 && ((head[0] & 0xff) << 8 | (head[1] & 0xff)) == GzipInput.MAGIC) {
            return open(Channels.newChannel(GzipInput.open(p)), name);
        }
        return open(Channels.newChannel(p), name);
    }

    /** Peeks at the first two bytes of a regular file for gzip's magic; the position is left at the start. */
    private static boolean gzipped(FileChannel ch) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(2);
        long at = ch.position();
        while (b.hasRemaining() && ch.read(b) > 0) {
            // two bytes at most
        }
        ch.position(at);
        return b.position() == 2 && (b.getShort(0) & 0xFFFF) == GzipInput.MAGIC;
    }

    static FrameSource open(ReadableByteChannel ch, String name) throws IOException {
        return open(new ChannelInput(ch, ChannelInput.DEFAULT_SIZE), name);
    }

    private static FrameSource open(ChannelInput in, String name) throws IOException {
        if (!in.request(4)) {
            throw new CaptureFileException(NOT_A_CAPTURE, name + " is not a capture file: "
                    + (in.available() == 0 ? "it is empty" : "only " + in.available() + " bytes long"));
        }
        int magic = Bytes.i32be(in.buf, in.pos);
        if (magic == PcapNgFileReader.SHB) {
            return new PcapNgFileReader(in);
        }
        if (magic == PcapFileReader.MAGIC_MICROS || magic == PcapFileReader.MAGIC_NANOS
                || Integer.reverseBytes(magic) == PcapFileReader.MAGIC_MICROS
                || Integer.reverseBytes(magic) == PcapFileReader.MAGIC_NANOS) {
            return new PcapFileReader(in);
        }
        throw new CaptureFileException(NOT_A_CAPTURE, String.format(
                "%s is not a pcap or pcapng capture file (it starts with 0x%08x)", name, magic));
    }
}
