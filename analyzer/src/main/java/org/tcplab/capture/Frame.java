package org.tcplab.capture;

/**
 * One captured frame as a {@link FrameSource} hands it out: the bytes stay in the source's buffer
 * and this cursor says where. It is reused for every frame so that reading a capture allocates
 * nothing per packet; it is valid until the next call to {@link FrameSource#next(Frame)}.
 * Copy what must outlive that ({@link #copyBytes()}).
 */
public final class Frame {
    byte[] data;
    int offset;
    int capturedLength;
    int originalLength;
    long epochSeconds;
    int nanos;
    int linkType;
    int interfaceId;
    long number;
    int commentOffset = -1;
    int commentLength;
    /** Decimal digits of the time stamps' resolution (6 for microseconds, 9 for nanoseconds). */
    int timeDigits = 6;
    boolean pcapng;
    boolean hasTime = true;
    int sectionInterface = -1;

    public byte[] data() {
        return data;
    }

    public int offset() {
        return offset;
    }

    public int capturedLength() {
        return capturedLength;
    }

    public int originalLength() {
        return originalLength;
    }

    public long epochSeconds() {
        return epochSeconds;
    }

    /** Fraction of the second in nanoseconds, always in [0, 1e9). */
    public int nanos() {
        return nanos;
    }

    public int linkType() {
        return linkType;
    }

    public int interfaceId() {
        return interfaceId;
    }

    /** 1-based frame number within the capture, as tshark's frame.number. */
    public long number() {
        return number;
    }

    /** Decimal digits the file's time stamps carry: 6 for microseconds, 9 for nanoseconds. */
    public int timeDigits() {
        return timeDigits;
    }

    /** True for a frame of a pcapng file (it then has an interface id, as tshark shows). */
    public boolean fromPcapng() {
        return pcapng;
    }

    /** Sets what the file says of its time stamps and format; sources call it after {@link #set}. */
    public void format(int timeDigits, boolean pcapng) {
        this.timeDigits = timeDigits;
        this.pcapng = pcapng;
        this.hasTime = true;
        this.sectionInterface = pcapng ? 0 : -1;
    }

    /**
     * A pcapng frame's interface as its section numbers it (-1: a block with none, such as a custom
     * block), and whether the block carries a time stamp (a simple packet block does not: pcapng §4.4).
     */
    public void pcapngBlock(int sectionInterface, boolean hasTime) {
        this.sectionInterface = sectionInterface;
        this.hasTime = hasTime;
    }

    /** False for a block without a time stamp: its time reads as 0, and tshark shows no time fields. */
    public boolean hasTime() {
        return hasTime;
    }

    /** The interface id within its pcapng section (what tshark shows as frame.interface_id), or -1. */
    public int sectionInterface() {
        return sectionInterface;
    }

    public boolean hasComment() {
        return commentOffset >= 0;
    }

    /** Where the comment's UTF-8 bytes are in {@link #data()}, or -1. */
    public int commentOffset() {
        return commentOffset;
    }

    public int commentLength() {
        return commentLength;
    }

    /** Points the comment at {@code len} bytes at {@code off} of {@link #data()} ({@code off} -1: none). */
    public void setComment(int off, int len) {
        this.commentOffset = off;
        this.commentLength = len;
    }

    public String comment() {
        return commentOffset < 0 ? null
                : new String(data, commentOffset, commentLength, java.nio.charset.StandardCharsets.UTF_8);
    }

    public byte[] copyBytes() {
        return java.util.Arrays.copyOfRange(data, offset, offset + capturedLength);
    }

    /** Sets every field; used by sources and by tests that build frames by hand. */
    public void set(byte[] data, int offset, int capturedLength, int originalLength, long epochSeconds, long nanos,
                    int linkType, int interfaceId, long number) {
        this.data = data;
        this.offset = offset;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        // Some writers store a fraction >= one second (tcpdump's timestamp_invalid_micro test); carry it.
        if (nanos >= 1_000_000_000L || nanos < 0) {
            epochSeconds += Math.floorDiv(nanos, 1_000_000_000L);
            nanos = Math.floorMod(nanos, 1_000_000_000L);
        }
        this.epochSeconds = epochSeconds;
        this.nanos = (int) nanos;
        this.linkType = linkType;
        this.interfaceId = interfaceId;
        this.number = number;
        this.commentOffset = -1;
        this.commentLength = 0;
    }

    /**
     * Copies this frame's captured bytes, and its comment, into {@code arena} at {@code at} and
     * points {@code to} there: a copy that outlives the source's buffer, for a frame handed to
     * another thread. Returns the end of what was written; room is the caller's to ensure
     * ({@link #copySize()} bytes).
     */
    public int copyInto(Frame to, byte[] arena, int at) {
        to.copyFrom(this);
        System.arraycopy(data, offset, arena, at, capturedLength);
        to.data = arena;
        to.offset = at;
        int end = at + capturedLength;
        if (commentOffset >= 0) {
            System.arraycopy(data, commentOffset, arena, end, commentLength);
            to.commentOffset = end;
            end += commentLength;
        }
        return end;
    }

    /** The bytes {@link #copyInto} writes. */
    public int copySize() {
        return capturedLength + (commentOffset >= 0 ? commentLength : 0);
    }

    /** Makes this cursor point where {@code o} points (the bytes are shared, not copied). */
    public void copyFrom(Frame o) {
        data = o.data;
        offset = o.offset;
        capturedLength = o.capturedLength;
        originalLength = o.originalLength;
        epochSeconds = o.epochSeconds;
        nanos = o.nanos;
        linkType = o.linkType;
        interfaceId = o.interfaceId;
        number = o.number;
        commentOffset = o.commentOffset;
        commentLength = o.commentLength;
        timeDigits = o.timeDigits;
        pcapng = o.pcapng;
        hasTime = o.hasTime;
        sectionInterface = o.sectionInterface;
    }

}
