package org.tcplab.live;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNetworkInterface;
import org.tcplab.wire.Addresses;
import org.tcplab.wire.Bytes;

/** The capture interfaces, as {@code tcpdump -D} lists them. */
public final class Interfaces {
    /** One interface: name, description, addresses, and state flags. */
    public record Interface(String name, String description, List<String> addresses, boolean up, boolean running,
                            boolean loopback) {
    }

    private Interfaces() {
    }

    public static List<Interface> list() throws CaptureFailure {
        List<Interface> out = new ArrayList<>();
        for (PcapNetworkInterface nif : Pcap.interfaces()) {
            List<String> addresses = new ArrayList<>();
            for (PcapAddress a : nif.getAddresses()) {
                InetAddress ia = a.getAddress();
                if (ia != null) {
                    byte[] b = ia.getAddress();
                    addresses.add(b.length == 4 ? ia.getHostAddress()
                            : Addresses.format(6, Bytes.i64be(b, 0), Bytes.i64be(b, 8)));
                }
            }
            out.add(new Interface(nif.getName(), nif.getDescription(), List.copyOf(addresses), nif.isUp(), nif.isRunning(),
                    nif.isLoopBack()));
        }
        return out;
    }

    /** Fails with the list of interfaces that exist when {@code name} is not one of them. */
    static void requireExists(String name) throws CaptureFailure {
        List<String> names = new ArrayList<>();
        for (PcapNetworkInterface nif : Pcap.interfaces()) {
            if (nif.getName().equals(name)) {
                return;
            }
            names.add(nif.getName());
        }
        throw new CaptureFailure(CaptureFailure.Kind.NO_SUCH_INTERFACE, "no interface named " + name
                + (names.isEmpty() ? "; libpcap sees none (not permitted to list them?)" : "; there are: " + String.join(", ", names)));
    }
}
