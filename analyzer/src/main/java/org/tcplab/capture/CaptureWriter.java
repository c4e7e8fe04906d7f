package org.tcplab.capture;

import java.io.IOException;

/** Where captured packets are written: classic pcap or pcapng. */
public interface CaptureWriter extends AutoCloseable {
    void write(long epochSeconds, int nanos, byte[] data, int off, int capturedLength, int originalLength) throws IOException;

    /** Pushes buffered packets to the file (the file is valid after each flush). */
    void flush() throws IOException;

    /** Starts writing what is buffered without waiting for it (a capture's periodic push). */
    default void handOver() throws IOException {
        flush();
    }

    @Override
    void close() throws IOException;

    /**
     * Opens a writer chosen by the file name: {@code .pcapng} writes pcapng, anything else classic
     * pcap; both keep nanosecond time stamps (tcpdump, tshark and Wireshark read nanosecond pcap).
     */
    static CaptureWriter open(java.nio.file.Path path, int linkType, int snapLength, String interfaceName, String filter)
            throws IOException {
        if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pcapng")) {
            return new PcapNgFileWriter(path, linkType, snapLength, interfaceName, filter);
        }
        return new PcapFileWriter(path, linkType, snapLength, true);
    }

    /** The same into a stream ({@code -w -}): pcapng or classic pcap as asked. */
    static CaptureWriter open(java.io.OutputStream stream, boolean pcapng, int linkType, int snapLength, String interfaceName,
                              String filter) throws IOException {
        if (pcapng) {
            return new PcapNgFileWriter(stream, linkType, snapLength, interfaceName, filter);
        }
        return new PcapFileWriter(stream, linkType, snapLength, true);
    }
}
