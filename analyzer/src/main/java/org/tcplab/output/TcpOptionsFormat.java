package org.tcplab.output;

import org.tcplab.decode.DecodedPacket;
import org.tcplab.tcp.TcpAnnotation;
import org.tcplab.tcp.TcpOptions;

/**
 * Writes a segment's TCP options, as JSON or as Wireshark's info-column words
 * ("MSS=1460 SACK_PERM WS=128 TSval=… SLE=… SRE=…"). One instance is reused; nothing is allocated.
 * SACK edges are shown relative to the peer's initial sequence number, as Wireshark does.
 */
final class TcpOptionsFormat implements TcpOptions.Visitor {
    private StringBuilder sb;
    private boolean json;
    private boolean first;
    private boolean inSack;
    private long sackBase;

    /** Appends {@code ,"options":{…}} or {@code  MSS=… …}; nothing when the header has no options. */
    void append(StringBuilder out, DecodedPacket p, TcpAnnotation t, boolean asJson) {
        int from = p.l4Offset() + 20;
        int to = Math.min(p.l4Offset() + p.tcpHeaderLength(), p.l4Offset() + p.l4Captured());
        if (to <= from) {
            return;
        }
        sb = out;
        json = asJson;
        first = true;
        inSack = false;
        // the ACK's relative and raw values give the peer's base; SACK edges live in that space
        sackBase = t.relative() && (p.tcpFlags() & org.tcplab.wire.TcpFlags.ACK) != 0 ? (p.ack() - t.ack()) & 0xFFFFFFFFL : 0;
        if (json) {
            sb.append(",\"options\":{");
        }
        TcpOptions.walk(p.l4Data(), from, to, this);
        if (json) {
            if (inSack) {
                sb.append(']');
            }
            sb.append('}');
        }
    }

    private void key(String name) {
        closeSack();
        if (json) {
            if (!first) {
                sb.append(',');
            }
            sb.append('"').append(name).append("\":");
        } else {
            sb.append(' ').append(name);
        }
        first = false;
    }

    private void closeSack() {
        if (inSack && json) {
            sb.append(']');
        }
        inSack = false;
    }

    @Override
    public void mss(int mss) {
        key(json ? "mss" : "MSS=");
        sb.append(mss);
    }

    @Override
    public void windowScale(int shift) {
        key(json ? "wscale" : "WS=");
        // Wireshark shows the multiplier; a shift above 14 is used as 14 (RFC 7323 §2.3)
        sb.append(json ? shift : 1 << Math.min(shift, TcpOptions.MAX_WINDOW_SCALE));
    }

    @Override
    public void sackPermitted() {
        key(json ? "sack_perm" : "SACK_PERM");
        if (json) {
            sb.append("true");
        }
    }

    @Override
    public void sackBlock(long left, long right) {
        long l = (left - sackBase) & 0xFFFFFFFFL;
        long r = (right - sackBase) & 0xFFFFFFFFL;
        if (json) {
            if (!inSack) {
                key("sack");
                sb.append('[');
                inSack = true;
            } else {
                sb.append(',');
            }
            sb.append('[').append(l).append(',').append(r).append(']');
        } else {
            sb.append(" SLE=").append(l).append(" SRE=").append(r);
        }
    }

    @Override
    public void timestamps(long value, long echo) {
        key(json ? "ts" : "TSval=");
        if (json) {
            sb.append('[').append(value).append(',').append(echo).append(']');
        } else {
            sb.append(value).append(" TSecr=").append(echo);
        }
    }

    @Override
    public void unknown(int kind, int length) {
        key(json ? "kind_" + kind : "opt" + kind);
        if (json) {
            sb.append(length);
        }
    }

    @Override
    public void malformed(int kind, int length) {
        key(json ? "malformed" : "bad-option:kind=");
        if (json) {
            sb.append("\"kind ").append(kind).append(" length ").append(length).append('"');
        } else {
            sb.append(kind).append(",len=").append(length);
        }
    }
}
