package org.tcplab.analysis;

/**
 * The states Zeek's TCP analyzer gives each endpoint (TCP_ENDPOINT_* in
 * src/analyzer/protocol/tcp/TCP_Endpoint.h). They are Zeek's own, coarser than RFC 9293's:
 * {@link #PARTIAL} is an endpoint seen sending without a SYN, {@link #CLOSED} one that sent a
 * FIN, {@link #RESET} one that sent an RST. conn_state is read from the pair at the end.
 */
enum ZeekState {
    INACTIVE, SYN_SENT, SYN_ACK_SENT, PARTIAL, ESTABLISHED, CLOSED, RESET
}
