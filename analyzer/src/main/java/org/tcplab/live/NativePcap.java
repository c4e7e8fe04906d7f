package org.tcplab.live;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.reflect.Field;
import org.pcap4j.core.PcapHandle;

/**
 * The per-packet read, bound straight to libpcap (JNA direct mapping) on a handle that pcap4j
 * opened and configured. pcap4j's own loop calls back into Java for every packet through JNA's
 * callback machinery, allocating a Structure, a byte array and a Timestamp each time; at the
 * packet rates of a loopback bulk transfer that costs drops. Here one native call per packet
 * fills a reused buffer: nothing is allocated.
 */
final class NativePcap {
    private static final int PCAP_ERROR_BREAK = -2;

    static {
        Native.register(NativePcap.class, NativeLibrary.getInstance(System.getProperty("org.pcap4j.core.pcapLibName", "pcap")));
    }

    /** int pcap_next_ex(pcap_t *, struct pcap_pkthdr **, const u_char **) */
    private static native int pcap_next_ex(Pointer pcap, Pointer header, Pointer data);

    /** int pcap_setnonblock(pcap_t *, int, char *errbuf) */
    private static native int pcap_setnonblock(Pointer pcap, int nonblock, Pointer errbuf);

    /** One packet's metadata, filled by {@link #next}. */
    static final class Packet {
        long seconds;
        int nanos;
        int capturedLength;
        int originalLength;
    }

    /** What {@link #next} returned. */
    enum Result { PACKET, TIMEOUT, STOPPED }

    private final Pointer pcap;
    private final boolean nanoPrecision;
    private final Memory out = new Memory(16);
    private final Pointer outData = out.share(8);
    private final Pointer header = new Pointer(0);
    private final Pointer data = new Pointer(0);
    private final Memory errbuf = new Memory(256);

    NativePcap(PcapHandle handle) {
        this.pcap = handleOf(handle);
        this.nanoPrecision = handle.getTimestampPrecision() == PcapHandle.TimestampPrecision.NANO;
    }

    /** pcap4j keeps the pcap_t pointer private; we read it once. */
    private static Pointer handleOf(PcapHandle handle) {
        try {
            Field f = PcapHandle.class.getDeclaredField("handle");
            f.setAccessible(true);
            return (Pointer) f.get(handle);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this pcap4j version hides its handle differently", e);
        }
    }

    /**
     * Reads the next packet into {@code buf} (which must hold the snap length).
     *
     * @throws IllegalStateException with libpcap's message when the read fails
     */
    Result next(byte[] buf, Packet p) {
        int r = pcap_next_ex(pcap, out, outData);
        if (r == 1) {
            Pointer.nativeValue(header, out.getLong(0));
            Pointer.nativeValue(data, out.getLong(8));
            // struct pcap_pkthdr on LP64: struct timeval (two longs), then caplen and len
            p.seconds = header.getLong(0);
            long fraction = header.getLong(8);
            p.nanos = (int) (nanoPrecision ? fraction : fraction * 1000);
            p.capturedLength = Math.min(header.getInt(16), buf.length);
            p.originalLength = header.getInt(20);
            data.read(0, buf, 0, p.capturedLength);
            return Result.PACKET;
        }
        if (r == 0) {
            return Result.TIMEOUT;
        }
        if (r == PCAP_ERROR_BREAK) {
            return Result.STOPPED;
        }
        throw new IllegalStateException("pcap_next_ex returned " + r);
    }

    void setNonBlocking() {
        pcap_setnonblock(pcap, 1, errbuf);
    }
}
