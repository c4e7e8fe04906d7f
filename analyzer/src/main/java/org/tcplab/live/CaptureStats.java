package org.tcplab.live;

/**
 * Counts at the end of a capture, as tcpdump prints them.
 *
 * @param captured          packets libpcap handed over (all of them reached the sink)
 * @param receivedByFilter  pcap_stats ps_recv: on Linux loopback each packet is counted twice
 *                          (once leaving, once arriving), so it reads about double
 * @param droppedByKernel   ps_drop: no room in the buffer
 * @param droppedByInterface ps_ifdrop
 * @param available         false when libpcap could not give statistics
 */
public record CaptureStats(long captured, long receivedByFilter, long droppedByKernel, long droppedByInterface,
                           boolean available) {
}
