package org.tcplab.report;

/** How many terminal columns a string takes: East Asian wide characters take two (Unicode UAX #11, roughly). */
final class Width {
    private Width() {
    }

    static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            w += wide(c) ? 2 : 1;
        }
        return w;
    }

    private static boolean wide(int c) {
        return c >= 0x1100 && (c <= 0x115f || c >= 0x2e80 && c <= 0xa4cf || c >= 0xac00 && c <= 0xd7a3
                || c >= 0xf900 && c <= 0xfaff || c >= 0xfe30 && c <= 0xfe4f || c >= 0xff00 && c <= 0xff60
                || c >= 0xffe0 && c <= 0xffe6 || c >= 0x20000 && c <= 0x3fffd);
    }

    static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = of(s); i < width; i++) {
            sb.append(' ');
        }
        return sb.toString();
    }

    static String padLeft(String s, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = of(s); i < width; i++) {
            sb.append(' ');
        }
        return sb.append(s).toString();
    }
}
