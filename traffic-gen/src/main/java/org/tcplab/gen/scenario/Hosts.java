package org.tcplab.gen.scenario;

import java.net.InetAddress;

/**
 * Where a scenario's two ends run. On loopback both are this namespace; in the lab's small network
 * the server's sockets are made in the server host's namespace and the client's in the client's,
 * so that their traffic crosses the router and the wire. A socket stays in the namespace it was
 * made in, so a scenario only says which end makes it.
 */
public interface Hosts {
    /** Work done as one host. */
    interface Body<T> {
        T run() throws Exception;
    }

    /** Runs body as the client host (its sockets are the client's). */
    <T> T client(Body<T> body) throws Exception;

    /** Runs body as the server host. */
    <T> T server(Body<T> body) throws Exception;

    /** The client's own address, which its unconnected sockets bind. */
    InetAddress clientAddress();

    /** The client host's kernel, as the scenario's checks read it. */
    KernelFacts clientKernel();

    /** The server host's kernel. */
    KernelFacts serverKernel();

    /** How many other hosts share the client's segment (none on loopback). */
    default int peers() {
        return 0;
    }

    /** Runs body as the i-th other host on the client's segment. */
    default <T> T peer(int i, Body<T> body) throws Exception {
        throw new IllegalStateException("no other host on the client's segment");
    }

    /** The i-th other host's address. */
    default InetAddress peerAddress(int i) {
        throw new IllegalStateException("no other host on the client's segment");
    }

    /** The client's segment's broadcast address. */
    default InetAddress broadcastAddress() {
        throw new IllegalStateException("no broadcast on loopback");
    }

    /** Both ends on the loopback of this namespace. */
    static Hosts loopback(InetAddress address) {
        KernelFacts k = new KernelFacts();
        return new Hosts() {
            @Override
            public <T> T client(Body<T> body) throws Exception {
                return body.run();
            }

            @Override
            public <T> T server(Body<T> body) throws Exception {
                return body.run();
            }

            @Override
            public InetAddress clientAddress() {
                return address;
            }

            @Override
            public KernelFacts clientKernel() {
                return k;
            }

            @Override
            public KernelFacts serverKernel() {
                return k;
            }
        };
    }
}
