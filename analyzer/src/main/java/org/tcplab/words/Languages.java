package org.tcplab.words;

import java.util.Locale;

/** The language the user's locale asks for, among those the bundles speak. */
public final class Languages {
    private Languages() {
    }

    /** "zh" when LC_ALL or LANG (or the JVM's locale) is Chinese (LANG=zh_CN.UTF-8), else "en". */
    public static String ofEnvironment() {
        String env = System.getenv("LC_ALL");
        if (env == null || env.isEmpty()) {
            env = System.getenv("LANG");
        }
        String l = env != null && !env.isEmpty() ? env : Locale.getDefault().getLanguage();
        return l.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
    }
}
