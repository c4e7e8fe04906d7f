package org.tcplab.gen;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;

/** Targets: loopback unless the user says --allow-remote (tests never do). */
final class Loopback {
    private Loopback() {
    }

    static InetAddress resolve(String host, boolean allowRemote) {
        InetAddress a;
        try {
            a = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new Failure(ExitCodes.USAGE, "unknown host " + host);
        }
        if (!a.isLoopbackAddress() && !allowRemote) {
            throw new Failure(ExitCodes.USAGE, host + " is not a loopback address; traffic-gen only sends to loopback unless given --allow-remote");
        }
        return a;
    }
}
