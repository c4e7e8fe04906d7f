package org.tcplab.words;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentences a user reads, from a resource bundle in one language. Placeholders are {@code {0}},
 * {@code {1}} ... replaced as they are: unlike {@link java.text.MessageFormat} there is no quoting
 * to get wrong (an apostrophe is an apostrophe) and numbers are never regrouped (a raw sequence
 * number stays 2844154953, not 2,844,154,953).
 */
public final class Wording {
    private static final ConcurrentHashMap<String, Wording> CACHE = new ConcurrentHashMap<>();
    private final ResourceBundle bundle;
    private final Locale locale;

    private Wording(String baseName, Locale locale) {
        // No fallback to the default locale: asking for English on a Chinese desktop must give English.
        this.bundle = ResourceBundle.getBundle(baseName, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.locale = locale;
    }

    /** The bundle {@code baseName} (e.g. {@code org.tcplab.analysis.Causes}) in {@code locale}, English when it has none. */
    public static Wording of(String baseName, Locale locale) {
        return CACHE.computeIfAbsent(baseName + '|' + locale.toLanguageTag(), k -> new Wording(baseName, locale));
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The sentence {@code key} with its placeholders filled; the key itself when the bundle lacks it. */
    public String say(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return fill(pattern, args);
    }

    static String fill(String pattern, Object[] args) {
        if (args.length == 0 || pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder sb = new StringBuilder(pattern.length() + 32);
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close > i + 1 && allDigits(pattern, i + 1, close)) {
                    int k = Integer.parseInt(pattern, i + 1, close, 10);
                    sb.append(k < args.length ? String.valueOf(args[k]) : "");
                    i = close + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return to - from <= 3;
    }
}
