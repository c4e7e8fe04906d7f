package org.tcplab.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * What the connection analysis adds to one TCP segment: Wireshark's sequence-analysis verdict,
 * both endpoints' states after it, the state changes it caused, and why an RST was sent. Filled
 * in place by {@link ConnectionTracker} and reused, like the decoder's and the stream tracker's
 * views.
 */
public final class ConnectionAnnotation {
    boolean analysed;
    int clientDirection = -1;
    boolean fromClient;
    TcpState clientState;
    TcpState serverState;
    long firstRttNanos;
    final List<Transition> transitions = new ArrayList<>(4);
    final Connection.RstVerdict rst = new Connection.RstVerdict();
    final SequenceAnalysis.Verdict verdict = new SequenceAnalysis.Verdict();

    /** Clears everything: a segment the analysis did not see (not TCP, or analysis off). */
    public void reset() {
        analysed = false;
        clientDirection = -1;
        fromClient = false;
        clientState = null;
        serverState = null;
        firstRttNanos = 0;
        if (!transitions.isEmpty()) {
            transitions.clear();
        }
        rst.cause = null;
        rst.detail = null;
        verdict.reset();
    }

    /** Copies another annotation (for a view that outlives the tracker's reuse of it). */
    public void copyFrom(ConnectionAnnotation o) {
        analysed = o.analysed;
        clientDirection = o.clientDirection;
        fromClient = o.fromClient;
        clientState = o.clientState;
        serverState = o.serverState;
        firstRttNanos = o.firstRttNanos;
        transitions.clear();
        transitions.addAll(o.transitions);
        rst.cause = o.rst.cause;
        rst.detail = o.rst.detail;
        verdict.copyFrom(o.verdict);
    }

    /** True when the connection analysis saw this segment (then the states are set). */
    public boolean analysed() { return analysed; }
    /** {@link AnalysisFlag} bits of this segment. */
    public int analysisFlags() { return verdict.flags; }
    public SequenceAnalysis.Verdict verdict() { return verdict; }
    /** The client's state after this segment (RFC 9293 names), or null when not analysed. */
    public TcpState clientState() { return clientState; }
    public TcpState serverState() { return serverState; }
    /** True when the client sent this segment. */
    public boolean fromClient() { return fromClient; }
    /** The stream direction (0 or 1, see {@code TcpAnnotation.direction}) of the client, or -1. */
    public int clientDirection() { return clientDirection; }
    /** State changes this segment caused, in order. */
    public List<Transition> transitions() { return transitions; }
    /** Why this RST was sent, or null for other segments. */
    public RstCause rstCause() { return rst.cause; }
    /** The evidence worded in English, made when asked: a pass that prints nothing words no RST. */
    public String rstEvidence() { return rst.detail == null ? null : rst.detail.toString(); }
    public RstEvidence rstDetail() { return rst.detail; }
    /** The connection's initial RTT as known at this segment, or 0. */
    public long firstRttNanos() { return firstRttNanos; }
}
