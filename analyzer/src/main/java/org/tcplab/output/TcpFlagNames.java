package org.tcplab.output;

/** Names for the 12 TCP flag bits: Wireshark's bracket list and tshark's tcp.flags.str. */
public final class TcpFlagNames {
    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE", "Reserved", "Reserved", "Reserved"};
    private static final String STR_LETTERS = "RRRNCEUAPRSF";

    private TcpFlagNames() {
    }

    /** Wireshark's order: "SYN, ACK", "FIN, PSH, ACK". */
    public static void appendList(StringBuilder sb, int flags) {
        boolean first = true;
        // Wireshark lists FIN, SYN, RST, PSH, ACK, URG, ECE, CWR, AE in bit order.
        for (int bit = 0; bit < 9; bit++) {
            if ((flags & (1 << bit)) != 0) {
                if (!first) {
                    sb.append(", ");
                }
                sb.append(NAMES[bit]);
                first = false;
            }
        }
        if ((flags & 0xE00) != 0) {
            sb.append(first ? "" : ", ").append("Reserved");
            first = false;
        }
        if (first) {
            sb.append("<none>");
        }
    }

    /** tshark's tcp.flags.str: twelve characters, '·' for a clear bit, from the reserved bits down to FIN. */
    public static String str(int flags) {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            int bit = 11 - i;
            sb.append((flags & (1 << bit)) != 0 ? STR_LETTERS.charAt(i) : '\u00b7');
        }
        return sb.toString();
    }
}
