package org.tcplab.live;

/**
 * How to open a live capture.
 *
 * @param interfaceName  e.g. "lo"
 * @param filter         a BPF filter expression (pcap-filter(7)), or null for everything
 * @param snapLength     bytes kept of each packet
 * @param bufferBytes    libpcap's kernel buffer
 * @param immediate      deliver each packet at once (for printing) rather than in buffer blocks
 */
public record LiveCaptureOptions(String interfaceName, String filter, int snapLength, int bufferBytes, boolean immediate) {
    public static final int DEFAULT_SNAPLEN = 262144;
    /** Printing: each packet at once, a moderate buffer. */
    public static final int PRINTING_BUFFER = 32 << 20;
    /**
     * Writing only: a large buffer absorbs bursts while the file is written (a 2 GiB loopback
     * transfer arrives at about 750,000 packets/s; see the README).
     */
    public static final int WRITING_BUFFER = 256 << 20;

    public static LiveCaptureOptions of(String interfaceName) {
        return new LiveCaptureOptions(interfaceName, null, DEFAULT_SNAPLEN, PRINTING_BUFFER, true);
    }

    public LiveCaptureOptions withFilter(String f) {
        return new LiveCaptureOptions(interfaceName, f, snapLength, bufferBytes, immediate);
    }
}
