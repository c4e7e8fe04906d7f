package org.tcplab.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Whether this process runs as root: what a private network namespace and the lab need. */
public final class Privileges {
    private Privileges() {
    }

    /** True when {@code id -u} says 0; false when it says otherwise or cannot be run. */
    public static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return "0".equals(out);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
