package org.tcplab.model;

import org.tcplab.decode.ChecksumStatus;
import org.tcplab.decode.Checksums;
import org.tcplab.decode.DecodedPacket;

/**
 * The checksum verdicts of the packet a {@link PacketView} holds, each computed on first use and
 * kept until the view moves on: a display filter, the fields and the details of one packet may all
 * ask, and each verification is a pass over the packet.
 */
final class Checks {
    private boolean ipDone;
    private ChecksumStatus ipStatus;
    private int ipComputed;
    private boolean transportDone;
    private ChecksumStatus transportStatus;
    private int transportComputed;

    void clear() {
        ipDone = false;
        transportDone = false;
    }

    ChecksumStatus ipStatus(DecodedPacket p) {
        ip(p);
        return ipStatus;
    }

    /** What the IPv4 header checksum should be, or -1. */
    int ipComputed(DecodedPacket p) {
        ip(p);
        return ipComputed;
    }

    ChecksumStatus transportStatus(DecodedPacket p) {
        transport(p);
        return transportStatus;
    }

    int transportComputed(DecodedPacket p) {
        transport(p);
        return transportComputed;
    }

    private void ip(DecodedPacket p) {
        if (!ipDone) {
            ipStatus = Checksums.ipv4Header(p);
            ipComputed = Checksums.ipv4HeaderComputed(p);
            ipDone = true;
        }
    }

    private void transport(DecodedPacket p) {
        if (!transportDone) {
            transportStatus = Checksums.transport(p);
            transportComputed = Checksums.transportComputed(p);
            transportDone = true;
        }
    }
}
