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

    /** The patterns already read and split, by key: getString walks the bundle's parents each time. */
    private final ConcurrentHashMap<String, Template> patterns = new ConcurrentHashMap<>();

    /** A pattern split once into its text and its placeholders: text[0] arg[0] text[1] ... text[n]. */
    private record Template(String[] text, int[] arg, int length) {
        static Template of(String pattern) {
            java.util.List<String> text = new java.util.ArrayList<>();
            java.util.List<Integer> arg = new java.util.ArrayList<>();
            StringBuilder cur = new StringBuilder();
            int i = 0;
            int n = pattern.length();
            while (i < n) {
                char c = pattern.charAt(i);
                if (c == '{') {
                    int close = pattern.indexOf('}', i);
                    if (close > i + 1 && allDigits(pattern, i + 1, close)) {
                        text.add(cur.toString());
                        cur.setLength(0);
                        arg.add(Integer.parseInt(pattern, i + 1, close, 10));
                        i = close + 1;
                        continue;
                    }
                }
                cur.append(c);
                i++;
            }
            text.add(cur.toString());
            return new Template(text.toArray(new String[0]), arg.stream().mapToInt(Integer::intValue).toArray(), n);
        }

        String fill(Object[] args) {
            if (arg.length == 0) {
                return text[0];
            }
            StringBuilder sb = new StringBuilder(length + 16 * arg.length);
            for (int k = 0; k < arg.length; k++) {
                sb.append(text[k]);
                int a = arg[k];
                if (a < args.length) {
                    Object v = args[a];
                    if (v instanceof Long l) {
                        sb.append(l.longValue());
                    } else if (v instanceof Integer x) {
                        sb.append(x.intValue());
                    } else {
                        sb.append(v);
                    }
                }
            }
            return sb.append(text[arg.length]).toString();
        }
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The pattern of {@code key} as the bundle has it (placeholders unfilled), or null. */
    public String pattern(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** The sentence {@code key} with its placeholders filled; the key itself when the bundle lacks it. */
    public String say(String key, Object... args) {
        Template t = patterns.get(key);
        if (t == null) {
            try {
                t = Template.of(bundle.getString(key));
            } catch (MissingResourceException e) {
                return key;
            }
            patterns.put(key, t);
        }
        return t.fill(args);
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
