package org.tcplab.analysis;

import org.tcplab.wire.IpEndpoint;

/**
 * What one connection did, as numbers and kinds: the value the {@code conns} table, the reports
 * and the console render.
 *
 * @param stream          tshark's tcp.stream
 * @param client          the endpoint that sent the first SYN, or the inferred one ({@link #rolesInferred})
 * @param startNanos      first segment, nanoseconds after the capture's first frame
 * @param clientMss       the MSS the client's SYN offered, or -1
 * @param clientWindowScale the shift the client offered when both SYNs carried the option (RFC 7323 §2.2), else -1
 * @param clientMinSegment smallest payload of the client's data segments, 0 when it sent none
 * @param closedFirst     who sent the first FIN or RST, and in which frame; null when neither did
 * @param rstBy           who sent the first RST, or null
 * @param rstCause        why that RST was sent, or null
 * @param connState       Zeek's code: S0, S1, SF, REJ, S2, S3, RSTO, RSTR, RSTOS0, RSTRH, SH, SHR, OTH
 * @param history         Zeek's history letters (s SYN, h SYN+ACK, a pure ACK, d data, f FIN, r RST, c bad
 *                        checksum, g content gap, t retransmitted payload, w zero window, i FIN+RST,
 *                        q SYN with FIN or RST, ^ roles flipped): upper case from Zeek's originator
 * @param zeekOriginatorIsClient Zeek's originator is this summary's client (false when Zeek took the
 *                        other side for the originator, e.g. by its likely server ports)
 * @param rolesInferred   no SYN was captured: the client is a guess (the SYN+ACK's receiver, else the higher port)
 * @param irttNanos       the initial RTT (SYN to the ACK of the SYN+ACK), 0 when not seen
 * @param retransmissions segments, both ways, that tshark flags tcp.analysis.retransmission,
 *                        tcp.analysis.fast_retransmission or tcp.analysis.spurious_retransmission,
 *                        each segment counted once however many of the three it has
 * @param dupAcks         segments flagged tcp.analysis.duplicate_ack, both ways
 * @param zeroWindows     segments flagged tcp.analysis.zero_window, both ways
 * @param outOfOrder      segments flagged tcp.analysis.out_of_order, both ways
 * @param ackRtts         segments, both ways, with a tcp.analysis.ack_rtt: they acknowledge a
 *                        segment of the other direction, and the RTT is not zero (tshark shows no
 *                        zero RTT)
 * @param ackRttMinNanos  the smallest of those ACK RTTs, -1 when {@code ackRtts} is 0
 * @param ackRttMeanNanos their mean, rounded down to the nanosecond, -1 when {@code ackRtts} is 0
 * @param ackRttMaxNanos  the largest, -1 when {@code ackRtts} is 0
 */
public record ConnectionSummary(int stream, IpEndpoint client, IpEndpoint server, long startNanos, long durationNanos,
                                long clientPackets, long clientBytes, long clientPayload, long serverPackets,
                                long serverBytes, long serverPayload, boolean handshakeComplete, boolean rolesInferred,
                                int clientMss, int serverMss, int clientWindowScale, int serverWindowScale,
                                boolean sack, boolean timestamps, int clientMinSegment, int clientMaxSegment,
                                int serverMinSegment, int serverMaxSegment, Closing closedFirst, Role rstBy,
                                RstCause rstCause, TcpState clientState, TcpState serverState, String connState,
                                String history, boolean zeekOriginatorIsClient, long irttNanos,
                                long retransmissions, long dupAcks, long zeroWindows, long outOfOrder, long ackRtts,
                                long ackRttMinNanos, long ackRttMeanNanos, long ackRttMaxNanos) {

    /** The first FIN or RST of a connection: who sent it, which it was, in which frame. */
    public record Closing(Role by, boolean rst, long frame) {
        /** "client (FIN) in frame 15", as the tables print it. */
        @Override
        public String toString() {
            return by.label() + (rst ? " (RST)" : " (FIN)") + " in frame " + frame;
        }
    }
}
