package org.tcplab.cli;

import java.util.Set;

/**
 * tshark's and tcpdump's {@code -r FILE}, typed out of habit ({@code analyzer read -r x.pcap}):
 * for a command that reads a capture, {@code -r} before its file is dropped, so the file is the
 * command's FILE as if given alone. Said once, not per command: every such command takes FILE.
 */
final class ReadFileOption {
    /** The commands whose FILE is a capture to read. */
    private static final Set<String> READING = Set.of("read", "info", "conv", "conns", "follow", "explain", "ladder", "report",
            "check", "annotate");

    private ReadFileOption() {
    }

    /** {@code args} without the first {@code -r} that stands before a word, when the command reads a capture. */
    static String[] dropped(String[] args) {
        if (args.length < 3 || !READING.contains(args[0])) {
            return args;
        }
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--")) {
                return args;
            }
            if (args[i].equals("-r")) {
                String[] out = new String[args.length - 1];
                System.arraycopy(args, 0, out, 0, i);
                System.arraycopy(args, i + 1, out, i, args.length - i - 1);
                return out;
            }
        }
        return args;
    }
}
