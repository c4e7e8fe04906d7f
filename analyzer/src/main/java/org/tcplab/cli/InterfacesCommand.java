package org.tcplab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Io;
import org.tcplab.live.CaptureFailure;
import org.tcplab.live.Interfaces;
import picocli.CommandLine.Command;

@Command(name = "interfaces", header = "List the interfaces libpcap can capture on (like tcpdump -D).", mixinStandardHelpOptions = true,
        description = "List the interfaces libpcap can capture on, with their addresses and state (like tcpdump -D).")
public final class InterfacesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        List<Interfaces.Interface> all;
        try {
            all = Interfaces.list();
        } catch (CaptureFailure f) {
            throw CaptureCommand.failure(f);
        }
        java.io.PrintStream out = Io.current().printer();
        int i = 1;
        for (Interfaces.Interface itf : all) {
            List<String> state = new ArrayList<>();
            state.add(itf.up() ? "Up" : "Down");
            if (itf.running()) {
                state.add("Running");
            }
            if (itf.loopback()) {
                state.add("Loopback");
            }
            out.printf("%d.%s%s [%s]%s%n", i++, itf.name(),
                    itf.description() == null ? "" : " (" + itf.description() + ")", String.join(", ", state),
                    itf.addresses().isEmpty() ? "" : "  " + String.join(" ", itf.addresses()));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
