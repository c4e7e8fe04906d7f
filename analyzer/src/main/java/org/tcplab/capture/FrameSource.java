package org.tcplab.capture;

import java.io.IOException;

/** Where frames come from: a capture file now, a live interface later. */
public interface FrameSource extends AutoCloseable {
    /**
     * Fills {@code frame} with the next frame.
     *
     * @return false at the clean end of the input
     * @throws CaptureFileException when the input is corrupt or cut short; every frame handed out
     *                              before stays valid
     */
    boolean next(Frame frame) throws IOException;

    /** The file's single link type (pcap), or -1 when it may vary per packet (pcapng). */
    default int fileLinkType() {
        return -1;
    }

    /**
     * The interfaces described so far, indexed by {@link Frame#interfaceId()}: a pcapng file's grow
     * as its interface description blocks are read (each is known before a frame names it).
     */
    default java.util.List<CaptureInterface> interfaces() {
        return java.util.List.of();
    }

    /**
     * Packets the capture says it dropped (pcapng interface statistics: isb_ifdrop + isb_osdrop,
     * the latest of each interface), or -1 when the file records none.
     */
    default long recordedDrops() {
        return -1;
    }

    /** "pcap" or "pcapng", for messages. */
    String formatName();

    @Override
    void close() throws IOException;
}
