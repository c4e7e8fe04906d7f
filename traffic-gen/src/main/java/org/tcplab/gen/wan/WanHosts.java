package org.tcplab.gen.wan;

import java.net.InetAddress;
import java.util.List;
import org.tcplab.gen.scenario.Hosts;
import org.tcplab.gen.scenario.KernelFacts;

/** A scenario's two ends on the lab network's client and server hosts. */
public final class WanHosts implements Hosts {
    private final WanTopology net;
    private final KernelFacts client;
    private final KernelFacts server;

    public WanHosts(WanTopology net) {
        this.net = net;
        this.client = new KernelFacts(nsenter(net, WanTopology.CLIENT), "eth0");
        this.server = new KernelFacts(nsenter(net, WanTopology.SERVER), "eth0");
    }

    private static List<String> nsenter(WanTopology net, String host) {
        return List.of("nsenter", "-t", Long.toString(net.pid(host)), "-n");
    }

    @Override
    public <T> T client(Body<T> body) throws Exception {
        return net.inside(WanTopology.CLIENT, body);
    }

    @Override
    public <T> T server(Body<T> body) throws Exception {
        return net.inside(WanTopology.SERVER, body);
    }

    @Override
    public InetAddress clientAddress() {
        return address(WanTopology.CLIENT_ADDRESS);
    }

    @Override
    public int peers() {
        return WanTopology.PEERS.size();
    }

    @Override
    public <T> T peer(int i, Body<T> body) throws Exception {
        return net.inside(WanTopology.PEERS.get(i), body);
    }

    @Override
    public InetAddress peerAddress(int i) {
        return address("198.18.1." + (3 + i));
    }

    @Override
    public InetAddress broadcastAddress() {
        return address(WanTopology.CLIENT_BROADCAST);
    }

    private static InetAddress address(String a) {
        try {
            return InetAddress.getByName(a);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public KernelFacts clientKernel() {
        return client;
    }

    @Override
    public KernelFacts serverKernel() {
        return server;
    }
}
