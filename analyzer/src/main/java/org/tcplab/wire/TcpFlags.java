package org.tcplab.wire;

/**
 * The 12 flag bits of the TCP header (RFC 9293 §3.1; ECE and CWR RFC 3168 §6.1; AE RFC 9768 §3),
 * defined once for the decoder, the analysis, the catalogue and every output, with their names as
 * Wireshark shows them.
 */
public final class TcpFlags {
    public static final int FIN = 0x001;
    public static final int SYN = 0x002;
    public static final int RST = 0x004;
    public static final int PSH = 0x008;
    public static final int ACK = 0x010;
    public static final int URG = 0x020;
    public static final int ECE = 0x040;
    public static final int CWR = 0x080;
    public static final int AE = 0x100;
    /** The three bits above AE, still reserved. */
    public static final int RESERVED = 0xE00;
    /** All twelve bits of the field (the low 12 bits of the 16 that hold the data offset). */
    public static final int MASK = 0xFFF;

    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
    /** tshark's tcp.flags.str letters, from the highest reserved bit down to FIN. */
    private static final String STR_LETTERS = "RRRNCEUAPRSF";

    private TcpFlags() {
    }

    public static boolean has(int flags, int bit) {
        return (flags & bit) != 0;
    }

    /** Wireshark's bracket list in bit order: "SYN, ACK", "FIN, PSH, ACK"; "&lt;none&gt;" for none. */
    public static void appendList(StringBuilder sb, int flags) {
        boolean first = true;
        for (int bit = 0; bit < NAMES.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                if (!first) {
                    sb.append(", ");
                }
                sb.append(NAMES[bit]);
                first = false;
            }
        }
        if ((flags & RESERVED) != 0) {
            sb.append(first ? "" : ", ").append("Reserved");
            first = false;
        }
        if (first) {
            sb.append("<none>");
        }
    }

    // made once per combination that occurs, so that printing a segment's flags allocates nothing
    private static final String[] LISTS = new String[MASK + 1];
    private static final String[] STRS = new String[MASK + 1];

    /** {@link #appendList}'s words as a string, the same instance for the same flags. */
    public static String list(int flags) {
        int f = flags & MASK;
        String s = LISTS[f];
        if (s == null) {
            StringBuilder sb = new StringBuilder(24);
            appendList(sb, f);
            s = sb.toString();
            LISTS[f] = s;
        }
        return s;
    }

    /** tshark's tcp.flags.str: twelve characters, '·' for a clear bit, from the reserved bits down to FIN. */
    public static String str(int flags) {
        int f = flags & MASK;
        String s = STRS[f];
        if (s == null) {
            StringBuilder sb = new StringBuilder(12);
            for (int i = 0; i < 12; i++) {
                int bit = 11 - i;
                sb.append((f & (1 << bit)) != 0 ? STR_LETTERS.charAt(i) : '\u00b7');
            }
            s = sb.toString();
            STRS[f] = s;
        }
        return s;
    }
}
