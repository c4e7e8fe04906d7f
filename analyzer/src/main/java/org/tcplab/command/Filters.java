package org.tcplab.command;

import org.tcplab.filter.DisplayFilter;
import org.tcplab.filter.FilterException;

/** A display filter from the command line, or the one-line usage error that says what is wrong with it. */
public final class Filters {
    private Filters() {
    }

    /** Null for no filter. */
    public static DisplayFilter compile(String text) {
        if (text == null) {
            return null;
        }
        try {
            return DisplayFilter.compile(text);
        } catch (FilterException e) {
            throw new Failure(ExitCodes.USAGE, "display filter: " + e.getMessage());
        }
    }
}
