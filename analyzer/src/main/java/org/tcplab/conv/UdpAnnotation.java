package org.tcplab.conv;

/** The {@code udp.stream} of each UDP header of one packet, filled in place by {@link UdpStreams}. */
public final class UdpAnnotation {
    static final int MAX = 4;
    int count;
    final int[] layer = new int[MAX];
    final int[] stream = new int[MAX];

    /** The stream of the UDP header at {@code layerIndex} of the packet's layer list, or -1. */
    public int streamOfLayer(int layerIndex) {
        for (int i = 0; i < count; i++) {
            if (layer[i] == layerIndex) {
                return stream[i];
            }
        }
        return -1;
    }

    /** How many UDP headers were numbered. */
    public int count() {
        return count;
    }

    public int stream(int i) {
        return stream[i];
    }

    public int layer(int i) {
        return layer[i];
    }

    public void copyFrom(UdpAnnotation o) {
        count = o.count;
        System.arraycopy(o.layer, 0, layer, 0, MAX);
        System.arraycopy(o.stream, 0, stream, 0, MAX);
    }

    public void reset() {
        count = 0;
    }
}
