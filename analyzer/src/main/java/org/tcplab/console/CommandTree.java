package org.tcplab.console;

import java.util.List;
import picocli.CommandLine;

/**
 * The CLI's command tree as the console sees it, handed over by the launcher so the console runs
 * the very commands the one-shot CLI runs (no command exists twice) without importing the CLI.
 */
public interface CommandTree {
    /** Runs {@code argv} (the command's name first) writing to the current Io; its exit code. */
    int execute(List<String> argv);

    /** The picocli model of the command {@code name} (for completing its options), or null. */
    CommandLine command(String name);
}
