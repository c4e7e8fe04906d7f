package org.tcplab.words;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each translated bundle says everything English says, with the same placeholders in each sentence. */
class BundlesTest {
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)}");

    @ParameterizedTest
    @ValueSource(strings = {"org/tcplab/report/Report", "org/tcplab/analysis/Causes", "org/tcplab/console/Console"})
    void chinese_hasEveryKeyOfEnglish_withTheSamePlaceholders(String base) throws IOException {
        Properties en = load(base + ".properties");
        Properties zh = load(base + "_zh.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()), base + ": the keys");
        TreeMap<String, String> differ = new TreeMap<>();
        for (String k : en.stringPropertyNames()) {
            TreeSet<String> a = args(en.getProperty(k));
            TreeSet<String> b = args(zh.getProperty(k));
            if (!a.equals(b)) {
                differ.put(k, a + " vs " + b);
            }
        }
        assertEquals(new TreeMap<>(), differ, base + ": placeholders per key (en vs zh)");
    }

    private static TreeSet<String> args(String s) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = ARG.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no bundle " + path);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
