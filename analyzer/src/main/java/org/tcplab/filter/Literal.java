package org.tcplab.filter;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.tcplab.model.Field;
import org.tcplab.wire.Bytes;

/**
 * A value written in a filter, read as the type of the field it is compared with, as Wireshark
 * reads it: integers in decimal, hex (0x) or octal (leading 0); True/False; seconds with a
 * fraction; dates; IPv4 and IPv6 addresses with an optional /prefix; Ethernet addresses; byte
 * strings as hex with ':', '-' or '.' between bytes; text in quotes.
 */
final class Literal {
    private Literal() {
    }

    /** A value that could not be read: the caller words the message with the field and column. */
    static final class BadValue extends Exception {
        BadValue(String why) {
            super(why);
        }
    }

    /** The text of an operand as a value: a quoted string's bytes, or the word. */
    static String text(Expr.Operand o) {
        if (o instanceof Expr.Call c) {
            return c.name() + "(" + text(c.argument()) + ")"; // for messages: a call is never a value
        }
        return o instanceof Expr.Text t ? new String(t.bytes().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                : ((Expr.Word) o).text();
    }

    static byte[] bytesOf(Expr.Operand o) throws BadValue {
        if (o instanceof Expr.Text t) {
            return t.bytes().getBytes(StandardCharsets.ISO_8859_1);
        }
        return hexBytes(text(o));
    }

    /** An integer for field {@code f}: a number, or True/False for booleans, or seconds for times. */
    static long integer(Field f, Expr.Operand o) throws BadValue {
        String s = text(o);
        if (f != null && f.type() == Field.Type.BOOLEAN) {
            if (s.equalsIgnoreCase("true")) {
                return 1;
            }
            if (s.equalsIgnoreCase("false")) {
                return 0;
            }
            // as tshark: any other number is true (tcp.flags.syn == 2 is tcp.flags.syn == 1)
            long n = number(s);
            if (n < 0) {
                throw new BadValue("a boolean is not negative");
            }
            return n == 0 ? 0 : 1;
        }
        if (f != null && f.type() == Field.Type.RELATIVE_TIME) {
            return seconds(s);
        }
        if (f != null && f.type() == Field.Type.MILLISECONDS) {
            return nanoseconds(s, 6, "milliseconds"); // held as nanoseconds: 0.5 is 500,000 ns
        }
        if (f != null && f.type() == Field.Type.ABSOLUTE_TIME) {
            return date(s);
        }
        return number(s);
    }

    static long number(String s) throws BadValue {
        String t = s;
        boolean negative = t.startsWith("-");
        if (negative) {
            t = t.substring(1);
        }
        try {
            long v;
            if (t.startsWith("0x") || t.startsWith("0X")) {
                v = Long.parseUnsignedLong(t.substring(2), 16);
            } else if (t.length() > 1 && t.startsWith("0")) {
                v = Long.parseUnsignedLong(t.substring(1), 8);
            } else {
                v = Long.parseLong(t);
            }
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new BadValue("not a number");
        }
    }

    /** Seconds, with up to nine digits of fraction, as nanoseconds. */
    static long seconds(String s) throws BadValue {
        return nanoseconds(s, 9, "seconds");
    }

    /** A decimal number of a unit {@code digits} decimal places above a nanosecond, as nanoseconds. */
    private static long nanoseconds(String s, int digits, String unit) throws BadValue {
        try {
            return new BigDecimal(s).movePointRight(digits).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadValue("not a number of " + unit);
        }
    }

    private static final DateTimeFormatter[] DATES = {
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]", Locale.ROOT),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]", Locale.ROOT),
        DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]", Locale.ENGLISH),
    };

    /** "2026-11-21 14:23:15.5" or Wireshark's "Nov 21, 2026 14:23:15.502380156", local time unless it ends in UTC or Z. */
    static long date(String s) throws BadValue {
        String t = s.trim();
        ZoneId zone = ZoneId.systemDefault();
        if (t.endsWith(" UTC") || t.endsWith("Z")) {
            zone = ZoneOffset.UTC;
            t = t.endsWith("Z") ? t.substring(0, t.length() - 1) : t.substring(0, t.length() - 4);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDateTime d = LocalDateTime.parse(t, f);
                java.time.Instant i = d.atZone(zone).toInstant();
                return i.getEpochSecond() * 1_000_000_000L + i.getNano();
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        throw new BadValue("not a date and time (e.g. \"2026-11-21 14:23:15\")");
    }

    /** {family, hi, lo, prefix bits} of an IPv4 or IPv6 address with an optional /prefix. */
    static long[] address(String s) throws BadValue {
        String a = s;
        int bits = -1;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            a = s.substring(0, slash);
            try {
                bits = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new BadValue("the prefix after '/' is not a number");
            }
        }
        boolean v4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = !v4 && a.indexOf(':') >= 0 && a.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) {
            throw new BadValue("not an IP address (names are not resolved)");
        }
        byte[] b;
        try {
            b = InetAddress.getByName(a).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new BadValue("not an IP address");
        }
        int max = b.length == 4 ? 32 : 128;
        if (bits < 0) {
            bits = max;
        }
        if (bits > max) {
            throw new BadValue("a /" + bits + " prefix is longer than the address");
        }
        if (b.length == 4) {
            return new long[] {4, 0, Bytes.u32be(b, 0), bits};
        }
        return new long[] {6, Bytes.i64be(b, 0), Bytes.i64be(b, 8), bits};
    }

    /** Six bytes: 00:11:22:33:44:55, 00-11-22-33-44-55 or 0011.2233.4455. */
    static long ether(String s) throws BadValue {
        byte[] b = hexBytes(s);
        if (b.length != 6) {
            throw new BadValue("not an Ethernet address (six bytes, e.g. 00:11:22:33:44:55)");
        }
        long v = 0;
        for (byte x : b) {
            v = v << 8 | (x & 0xff);
        }
        return v;
    }

    /** Hex bytes: aa:bb:cc, aa-bb-cc, aa.bb.cc, aabbcc, or one byte as 0x57 or 57. */
    static byte[] hexBytes(String s) throws BadValue {
        String t = s;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == ':' || c == '-' || c == '.') {
                i++;
                continue;
            }
            int hi = Character.digit(c, 16);
            int j = i + 1;
            int lo = j < t.length() ? Character.digit(t.charAt(j), 16) : -1;
            if (hi < 0) {
                throw new BadValue("not a byte string (hex bytes such as 47:45:54, or a quoted string)");
            }
            if (lo < 0) {
                // a lone digit between separators is one byte: 0:1:2
                out.write(hi);
                i = j;
            } else {
                out.write(hi << 4 | lo);
                i = j + 1;
            }
        }
        if (out.size() == 0) {
            throw new BadValue("an empty byte string");
        }
        return out.toByteArray();
    }
}
