package org.tcplab.capture;

/** LINKTYPE_ values (tcpdump.org/linktypes.html) that we decode, and names for the rest in messages. */
public final class LinkTypes {
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** DLT_RAW as some BSDs number it in files. */
    public static final int RAW_BSD_12 = 12;
    public static final int RAW_BSD_14 = 14;
    public static final int RAW = 101;
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;
    /**
     * Not a link type: marks a pcapng custom block (§4.8), which tshark counts as a frame. Keeping
     * it in the frame numbering keeps our frame numbers equal to Wireshark's.
     */
    public static final int PCAPNG_CUSTOM_BLOCK = 0x10BAD;

    private LinkTypes() {
    }

    public static boolean isSupported(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW_BSD_12, RAW_BSD_14, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 -> true;
            default -> false;
        };
    }

    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "NULL (BSD loopback)";
            case ETHERNET -> "ETHERNET";
            case 6 -> "IEEE802_5 (Token Ring)";
            case 9 -> "PPP";
            case RAW_BSD_12, RAW_BSD_14, RAW -> "RAW (IP)";
            case 50 -> "PPP_HDLC";
            case 104 -> "C_HDLC";
            case 105 -> "IEEE802_11";
            case LOOP -> "LOOP (OpenBSD loopback)";
            case LINUX_SLL -> "LINUX_SLL (Linux cooked)";
            case 127 -> "IEEE802_11_RADIOTAP";
            case 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162 -> "USER" + (linkType - 147);
            case 187 -> "BLUETOOTH_HCI_H4";
            case 189 -> "USB_LINUX";
            case 195 -> "IEEE802_15_4";
            case 201 -> "BLUETOOTH_HCI_H4_WITH_PHDR";
            case 220 -> "USB_LINUX_MMAPPED";
            case IPV4 -> "IPV4";
            case IPV6 -> "IPV6";
            case 249 -> "USBPCAP";
            case 252 -> "WIRESHARK_UPPER_PDU";
            case LINUX_SLL2 -> "LINUX_SLL2";
            case PCAPNG_CUSTOM_BLOCK -> "pcapng custom block";
            default -> "link type " + linkType;
        };
    }
}
