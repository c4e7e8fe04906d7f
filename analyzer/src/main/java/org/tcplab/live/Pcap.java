package org.tcplab.live;

import java.util.List;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/**
 * The one door to libpcap through pcap4j: turns its failures (a missing library shows up as
 * {@link UnsatisfiedLinkError} or {@link NoClassDefFoundError}) into {@link CaptureFailure}s.
 */
final class Pcap {
    private Pcap() {
    }

    static List<PcapNetworkInterface> interfaces() throws CaptureFailure {
        try {
            List<PcapNetworkInterface> all = Pcaps.findAllDevs();
            return all == null ? List.of() : all;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw noLibpcap();
        } catch (PcapNativeException e) {
            throw new CaptureFailure(CaptureFailure.Kind.OTHER, "cannot list interfaces: " + e.getMessage());
        }
    }

    static CaptureFailure noLibpcap() {
        return new CaptureFailure(CaptureFailure.Kind.NO_LIBPCAP,
                "libpcap is not installed: install it with apt-get install libpcap0.8");
    }

    static CaptureFailure fromNative(String what, String interfaceName, String message) {
        String m = message == null ? "" : message;
        if (m.contains("Operation not permitted") || m.contains("Permission denied") || m.contains("permission")) {
            return new CaptureFailure(CaptureFailure.Kind.NO_PERMISSION, what + " " + interfaceName
                    + ": not permitted; run as root, or give java the capabilities: sudo setcap cap_net_raw,cap_net_admin=eip "
                    + javaBinary());
        }
        if (m.contains("No such device") || m.contains("doesn't exist")) {
            return new CaptureFailure(CaptureFailure.Kind.NO_SUCH_INTERFACE, "no interface named " + interfaceName);
        }
        return new CaptureFailure(CaptureFailure.Kind.OTHER, what + " " + interfaceName + ": " + m.replace('\n', ' '));
    }

    private static String javaBinary() {
        try {
            return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toRealPath().toString();
        } catch (java.io.IOException e) {
            return "$(readlink -f $(which java))";
        }
    }
}
