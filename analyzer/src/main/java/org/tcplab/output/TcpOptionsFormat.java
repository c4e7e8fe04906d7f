package org.tcplab.output;

import org.tcplab.model.Field;
import org.tcplab.model.PacketView;
import org.tcplab.model.Slice;
import org.tcplab.model.TcpFields;
import org.tcplab.tcp.TcpOptions;

/**
 * Writes a segment's TCP options in the order they come, as JSON or as Wireshark's info-column
 * words ("MSS=1460 SACK_PERM WS=128 TSval=… SLE=… SRE=…"). One instance is reused; nothing is
 * allocated. SACK edges are relative to the peer's base, as Wireshark shows them
 * ({@link TcpFields#sackBase}).
 */
final class TcpOptionsFormat implements TcpOptions.Visitor {
    private final Slice area = new Slice();
    private ByteSink sb;
    private boolean json;
    private boolean first;
    private boolean inSack;
    private long sackBase;

    /** Appends {@code ,"options":{…}} or {@code  MSS=… …}; nothing when the header has no options. */
    void append(ByteSink out, PacketView v, boolean asJson) {
        Field f = TcpFields.OPTIONS;
        int n = f.count(v);
        if (n == 0) {
            return;
        }
        f.bytes(v, n - 1, area);
        sb = out;
        json = asJson;
        first = true;
        inSack = false;
        sackBase = TcpFields.sackBase(v);
        if (json) {
            sb.put(",\"options\":{");
        }
        TcpOptions.walk(area.data(), area.offset(), area.offset() + area.length(), this);
        if (json) {
            if (inSack) {
                sb.put(']');
            }
            sb.put('}');
        }
    }

    private void key(String name) {
        closeSack();
        if (json) {
            if (!first) {
                sb.put(',');
            }
            sb.put('"').put(name).put("\":");
        } else {
            sb.put(' ').put(name);
        }
        first = false;
    }

    private void closeSack() {
        if (inSack && json) {
            sb.put(']');
        }
        inSack = false;
    }

    @Override
    public void mss(int mss) {
        key(json ? "mss" : "MSS=");
        sb.put(mss);
    }

    @Override
    public void windowScale(int shift) {
        key(json ? "wscale" : "WS=");
        // Wireshark shows the multiplier; a shift above 14 is used as 14 (RFC 7323 §2.3)
        sb.put(json ? shift : 1 << Math.min(shift, TcpOptions.MAX_WINDOW_SCALE));
    }

    @Override
    public void sackPermitted() {
        key(json ? "sack_perm" : "SACK_PERM");
        if (json) {
            sb.put("true");
        }
    }

    @Override
    public void sackBlock(long left, long right) {
        long l = (left - sackBase) & 0xFFFFFFFFL;
        long r = (right - sackBase) & 0xFFFFFFFFL;
        if (json) {
            if (!inSack) {
                key("sack");
                sb.put('[');
                inSack = true;
            } else {
                sb.put(',');
            }
            sb.put('[').put(l).put(',').put(r).put(']');
        } else {
            sb.put(" SLE=").put(l).put(" SRE=").put(r);
        }
    }

    @Override
    public void timestamps(long value, long echo) {
        key(json ? "ts" : "TSval=");
        if (json) {
            sb.put('[').put(value).put(',').put(echo).put(']');
        } else {
            sb.put(value).put(" TSecr=").put(echo);
        }
    }

    @Override
    public void unknown(int kind, int length) {
        if (json) {
            closeSack();
            if (!first) {
                sb.put(',');
            }
            sb.put("\"kind_").put(kind).put("\":").put(length);
            first = false;
        } else {
            key("opt");
            sb.put(kind);
        }
    }

    @Override
    public void malformed(int kind, int length) {
        key(json ? "malformed" : "bad-option:kind=");
        if (json) {
            sb.put("\"kind ").put(kind).put(" length ").put(length).put('"');
        } else {
            sb.put(kind).put(",len=").put(length);
        }
    }
}
