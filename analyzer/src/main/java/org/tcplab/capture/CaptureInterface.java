package org.tcplab.capture;

/**
 * One interface of a capture file, as a pcapng interface description block (§4.2) gives it, or
 * the single one a classic pcap file implies (no section, no name).
 *
 * @param section        the pcapng section it belongs to, from 0 (always 0 for pcap)
 * @param unitsPerSecond the time stamps' resolution (if_tsresol): 1000000 for microseconds
 * @param offsetSeconds  if_tsoffset, already added to the frames' time stamps
 * @param name           if_name, or null
 */
public record CaptureInterface(int section, int linkType, int snapLength, long unitsPerSecond, long offsetSeconds,
                               String name) {
    /** Decimal digits that show the resolution whole: 10^-k gives k, 2^-k the digits of 10^-k above it; at most 9. */
    public int digits() {
        int d = 0;
        for (long u = 1; u < unitsPerSecond && d < 9; u *= 10) {
            d++;
        }
        return d;
    }
}
