package org.tcplab.analysis;

/**
 * One endpoint's state change caused by a captured segment.
 *
 * @param endpoint "client" (sent the first SYN, or inferred) or "server"
 * @param cause    in plain words with the numbers, relative sequence numbers
 */
public record Transition(String endpoint, TcpState from, TcpState to, String cause) {
}
