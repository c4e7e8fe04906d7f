package org.tcplab.gen.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Line-oriented reading and writing on a socket. Reads up to a newline, however TCP happened to
 * split the bytes: one recv() is not one message.
 */
public final class Lines {
    private Lines() {
    }

    /** The next line without its newline, or null at end of stream. */
    public static String read(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    public static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
