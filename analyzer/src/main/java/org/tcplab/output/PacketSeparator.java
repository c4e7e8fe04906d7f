package org.tcplab.output;

import org.tcplab.model.PacketView;

/**
 * What goes between and after packets: a blank line between multi-line details (as tshark -V
 * prints them), the hex dump after each packet (tshark -x). Wraps the formatter of the packets.
 */
public final class PacketSeparator implements PacketFormatter {
    private final PacketFormatter inner;
    private final boolean blankBetween;
    private final boolean hexAfter;
    private boolean first = true;

    public PacketSeparator(PacketFormatter inner, boolean blankBetween, boolean hexAfter) {
        this.inner = inner;
        this.blankBetween = blankBetween;
        this.hexAfter = hexAfter;
    }

    @Override
    public void format(PacketView v, ByteSink out) {
        if (blankBetween && !first) {
            out.put('\n');
        }
        first = false;
        inner.format(v, out);
        if (hexAfter) {
            // tshark -x without -V: the summary line, then the dump (its last line end is the caller's)
            out.put("\n\n");
            HexDump.write(v, out);
            out.setLength(out.length() - 1);
        }
    }
}
