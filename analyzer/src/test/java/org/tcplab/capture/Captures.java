package org.tcplab.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Builds small pcap and pcapng files in memory for tests. */
public final class Captures {
    private Captures() {
    }

    /** A classic pcap file. */
    public static byte[] pcap(boolean bigEndian, boolean nanos, int linkType, long[][] times, byte[]... packets) {
        ByteBuffer b = ByteBuffer.allocate(24 + packets.length * 16 + total(packets)).order(order(bigEndian));
        b.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(linkType);
        for (int i = 0; i < packets.length; i++) {
            b.putInt((int) times[i][0]).putInt((int) times[i][1]).putInt(packets[i].length).putInt(packets[i].length + (times[i].length > 2 ? (int) times[i][2] : 0));
            b.put(packets[i]);
        }
        return b.array();
    }

    private static int total(byte[][] packets) {
        int n = 0;
        for (byte[] p : packets) {
            n += p.length;
        }
        return n;
    }

    private static ByteOrder order(boolean bigEndian) {
        return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** pcapng blocks, one section at a time. */
    public static final class PcapNg {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        public PcapNg section(boolean bigEndian, int major, int minor) {
            order = order(bigEndian);
            ByteBuffer body = buf(16);
            body.putInt(0x1A2B3C4D).putShort((short) major).putShort((short) minor).putLong(-1);
            return block(0x0A0D0D0A, body.array(), List.of());
        }

        public PcapNg section(boolean bigEndian) {
            return section(bigEndian, 1, 0);
        }

        /** An interface; {@code tsresol} < 0 for the default (microseconds). */
        public PcapNg iface(int linkType, int tsresol, String name) {
            ByteBuffer body = buf(8);
            body.putShort((short) linkType).putShort((short) 0).putInt(0);
            List<byte[]> opts = new ArrayList<>();
            if (name != null) {
                opts.add(option(2, name.getBytes()));
            }
            if (tsresol >= 0) {
                opts.add(option(9, new byte[] {(byte) tsresol}));
            }
            return block(1, body.array(), opts);
        }

        public PcapNg epb(int iface, long ticks, byte[] data, int origLen, String comment) {
            ByteBuffer body = buf(20 + pad(data.length));
            body.putInt(iface).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length).putInt(origLen).put(data);
            return block(6, body.array(), comment == null ? List.of() : List.of(option(1, comment.getBytes())));
        }

        public PcapNg spb(byte[] data) {
            ByteBuffer body = buf(4 + pad(data.length));
            body.putInt(data.length).put(data);
            return block(3, body.array(), List.of());
        }

        public PcapNg raw(int type, byte[] body) {
            return block(type, body, List.of());
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        private ByteBuffer buf(int n) {
            return ByteBuffer.allocate(n).order(order);
        }

        private byte[] option(int code, byte[] value) {
            ByteBuffer b = buf(4 + pad(value.length));
            b.putShort((short) code).putShort((short) value.length).put(value);
            return b.array();
        }

        private PcapNg block(int type, byte[] body, List<byte[]> options) {
            int optLen = 0;
            for (byte[] o : options) {
                optLen += o.length;
            }
            if (!options.isEmpty()) {
                optLen += 4; // opt_endofopt
            }
            int len = 12 + pad(body.length) + optLen;
            ByteBuffer b = buf(len);
            b.putInt(type).putInt(len).put(body);
            b.position(8 + pad(body.length));
            for (byte[] o : options) {
                b.put(o);
            }
            if (!options.isEmpty()) {
                b.putInt(0);
            }
            b.putInt(len);
            out.writeBytes(b.array());
            return this;
        }

        private static int pad(int n) {
            return (n + 3) & ~3;
        }
    }
}
