package org.tcplab.decode;

/** The verdict on one checksum; the code is what jsonl prints. */
public enum ChecksumStatus {
    GOOD("good"),
    BAD("bad"),
    /** Holds only the pseudo-header sum: the sender left the rest to the NIC (checksum offload), not corruption. */
    OFFLOAD("offload"),
    /** Not all bytes were captured, or the datagram is a fragment: cannot be checked. */
    UNVERIFIED("unverified"),
    /** UDP over IPv4 with a zero checksum: the sender chose not to compute one (RFC 768). */
    NONE("none");

    private final String code;

    ChecksumStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
