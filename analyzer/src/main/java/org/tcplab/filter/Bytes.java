package org.tcplab.filter;

import org.tcplab.model.Slice;

/** Byte comparisons for the filter's nodes, without copying. */
final class Bytes {
    private Bytes() {
    }

    /** Unsigned lexicographic order, a shorter prefix first. */
    static int compare(Slice a, byte[] b) {
        int n = Math.min(a.length(), b.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(a.byteAt(i), b[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length);
    }

    static int indexOf(Slice hay, byte[] needle) {
        int n = hay.length() - needle.length;
        byte[] d = hay.data();
        int off = hay.offset();
        outer:
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (d[off + i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A slice's bytes as 8-bit characters, for regular expressions; reused. */
    static final class Latin1 implements CharSequence {
        private byte[] data;
        private int offset;
        private int length;

        void of(Slice s) {
            data = s.data();
            offset = s.offset();
            length = s.length();
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) (data[offset + index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(data, offset + start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(data, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
