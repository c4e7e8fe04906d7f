package org.tcplab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tcplab.decode.IcmpNames;

/**
 * A report names ICMP types and codes in its language: in English exactly as packet lines do
 * (decode/IcmpNames, which the bundle repeats for translation), in Chinese a name of its own for
 * every type and code IcmpNames knows.
 */
class IcmpWordsTest {
    @Test
    void english_isIcmpNames_forEveryTypeAndCode_ofBothVersions() {
        Say en = new Say(Locale.ENGLISH);
        for (boolean v6 : new boolean[] {false, true}) {
            for (int type = 0; type < 256; type++) {
                for (int code = 0; code < 256; code++) {
                    assertEquals(IcmpNames.describe(v6, type, code), en.icmp(v6, type, code),
                            (v6 ? "ICMPv6" : "ICMP") + " type " + type + " code " + code);
                }
            }
        }
    }

    @Test
    void chinese_namesEveryTypeAndCode_IcmpNamesKnows() {
        Say zh = new Say(Locale.CHINESE);
        int named = 0;
        for (boolean v6 : new boolean[] {false, true}) {
            for (int type = 0; type < 256; type++) {
                boolean known = !IcmpNames.type(v6, type).startsWith("type ");
                for (int code = 0; code < 256; code++) {
                    String english = IcmpNames.code(v6, type, code);
                    String said = zh.icmp(v6, type, code);
                    if (known && english != null && !english.startsWith("code ")) {
                        named++;
                        assertFalse(said.contains(english) || said.contains("代码"), type + "/" + code + ": " + said);
                        assertTrue(said.endsWith("）"), said);
                    }
                    if (known) {
                        assertFalse(said.contains(IcmpNames.type(v6, type)) || said.startsWith("类型"), type + ": " + said);
                    }
                }
            }
        }
        assertEquals(26, named, "the codes IcmpNames names");
        assertEquals("超时（传输中 TTL 耗尽）", zh.icmp(false, 11, 0));
        assertEquals("类型 42", zh.icmp(false, 42, 0));
        assertEquals("目的不可达（代码 8）", zh.icmp(false, 3, 8));
    }
}
