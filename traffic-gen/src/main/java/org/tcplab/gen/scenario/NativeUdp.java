package org.tcplab.gen.scenario;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.net.Inet4Address;

/**
 * A UDP socket made with libc itself, for what Java has no option for: IP_MTU_DISCOVER with
 * IP_PMTUDISC_DO (don't fragment; refuse what the path MTU cannot carry) and reading IP_MTU, the
 * path MTU the kernel has learned (ip(7)). It is made in the calling thread's network namespace.
 */
final class NativeUdp implements AutoCloseable {
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int IPPROTO_IP = 0;
    /** ip(7): IP_MTU_DISCOVER and its value IP_PMTUDISC_DO; IP_MTU, valid on a connected socket. */
    private static final int IP_MTU_DISCOVER = 10;
    private static final int IP_PMTUDISC_DO = 2;
    private static final int IP_MTU = 14;
    /** errno EMSGSIZE: the datagram is larger than the path MTU the kernel knows. */
    static final int EMSGSIZE = 90;

    static {
        Native.register(NativeUdp.class, NativeLibrary.getInstance("c"));
    }

    private static native int socket(int domain, int type, int protocol) throws LastErrorException;

    private static native int setsockopt(int fd, int level, int name, int[] value, int len) throws LastErrorException;

    private static native int getsockopt(int fd, int level, int name, int[] value, int[] len) throws LastErrorException;

    private static native int connect(int fd, byte[] address, int len) throws LastErrorException;

    private static native long send(int fd, byte[] buf, long len, int flags) throws LastErrorException;

    private static native int close(int fd) throws LastErrorException;

    private final int fd;

    /** A UDP socket with don't-fragment set, connected to address:port. */
    NativeUdp(Inet4Address address, int port) {
        fd = socket(AF_INET, SOCK_DGRAM, 0);
        try {
            setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, new int[] {IP_PMTUDISC_DO}, 4);
            byte[] a = address.getAddress();
            // struct sockaddr_in: family (host order), port (network order), address, zeros
            byte[] sin = {(byte) AF_INET, 0, (byte) (port >>> 8), (byte) port, a[0], a[1], a[2], a[3], 0, 0, 0, 0, 0, 0, 0, 0};
            connect(fd, sin, sin.length);
        } catch (LastErrorException e) {
            close(fd);
            throw e;
        }
    }

    /** Sends one datagram; 0 when the kernel took it, else the errno (EMSGSIZE when it is too big for the path). */
    int send(byte[] data) {
        try {
            send(fd, data, data.length, 0);
            return 0;
        } catch (LastErrorException e) {
            return e.getErrorCode();
        }
    }

    /** The path MTU the kernel knows for the connected destination (IP_MTU). */
    int pathMtu() {
        int[] v = new int[1];
        getsockopt(fd, IPPROTO_IP, IP_MTU, v, new int[] {4});
        return v[0];
    }

    @Override
    public void close() {
        close(fd);
    }
}
