package org.tcplab.analysis;

/**
 * What one connection did, for the {@code conns} table.
 *
 * @param stream          tshark's tcp.stream
 * @param conn_state      Zeek's code: S0, S1, SF, REJ, S2, S3, RSTO, RSTR, RSTOS0, RSTRH, SH, SHR, OTH
 * @param history         Zeek's history letters: S SYN, H SYN+ACK, A pure ACK, D data, F FIN, R RST,
 *                        T retransmission, W zero window; upper case from the client, lower case from the server
 * @param rolesInferred   no SYN was captured: the client is a guess (the SYN+ACK's receiver, else the higher port)
 */
public record ConnectionSummary(int stream, String client, String server, long startNanos, long durationNanos,
                                long clientPackets, long clientBytes, long clientPayload, long serverPackets,
                                long serverBytes, long serverPayload, boolean handshakeComplete, boolean rolesInferred,
                                int clientMss, int serverMss, int clientWindowScale, int serverWindowScale,
                                boolean sack, boolean timestamps, int clientMinSegment, int clientMaxSegment,
                                int serverMinSegment, int serverMaxSegment, String closedFirst, String rstBy,
                                String rstCause, String clientState, String serverState, String conn_state,
                                String history, long irttNanos) {
}
