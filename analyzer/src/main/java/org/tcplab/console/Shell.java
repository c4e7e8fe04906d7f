package org.tcplab.console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.tcplab.command.Io;

/** The console's two ways in, for the launcher: commands from text, or a terminal to type on. */
public final class Shell {
    private Shell() {
    }

    /**
     * Opens {@code file} (null: none) and runs the commands of {@code text} (-c, --script, standard
     * input) writing to {@code io}; the first failure's exit code.
     */
    public static int batch(CommandTree tree, String file, String text, Io io) throws IOException {
        return Console.batch(open(file, io), text, io, tree);
    }

    /** Opens {@code file} (null: none) and runs the interactive console on {@code terminal} until quit or Ctrl-D. */
    public static int interactive(CommandTree tree, String file, Terminal terminal, Path history, Map<String, String> env, Io io)
            throws IOException {
        return new Console(terminal, open(file, io), history, env, tree).loop();
    }

    private static Session open(String file, Io io) throws IOException {
        Session session = new Session();
        if (file != null) {
            session.open(file, io.cancel());
            if (session.damage() != null) {
                io.err().println("analyzer: " + file + ": " + session.damage() + " (the packets before it are open)");
            }
        }
        return session;
    }
}
