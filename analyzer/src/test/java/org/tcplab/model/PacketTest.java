package org.tcplab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tcplab.Corpus;
import org.tcplab.Samples;
import org.tcplab.analysis.AnalysisFlag;
import org.tcplab.analysis.Role;
import org.tcplab.analysis.RstCause;
import org.tcplab.analysis.TcpState;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.decode.ChecksumStatus;
import org.tcplab.pipeline.CaptureAnalyzer;

/** A packet as a value: what the views said of it, kept after the pipeline has moved on. */
class PacketTest {
    private static List<Packet> packets(Path capture) throws IOException {
        List<Packet> out = new ArrayList<>();
        CaptureAnalyzer analyzer = new CaptureAnalyzer();
        try (FrameSource s = CaptureFiles.open(capture)) {
            analyzer.run(s, v -> {
                Packet p = Packet.of(v);
                assertEquals(p, Packet.of(v), "the same view gives an equal value");
                out.add(p);
                return true;
            });
        }
        return out;
    }

    @Test
    void greeting_valuesOutliveTheViews() throws IOException {
        List<Packet> ps = packets(Samples.path("greeting.pcap"));
        assertEquals(17, ps.size());
        Packet syn = ps.get(0);
        assertEquals(1, syn.number());
        Packet.Tcp h = syn.innermost(Packet.Tcp.class);
        assertEquals(0x002, h.flags());
        assertEquals(1460, h.options().mss());
        assertEquals(0, syn.tcp().seq());
        assertEquals(TcpState.SYN_SENT, syn.analysis().clientState());
        assertEquals(1, syn.analysis().transitions().size());
        Packet welcome = ps.get(3);
        assertEquals("Welcome!\n", new String(welcome.payload().toByteArray(), StandardCharsets.US_ASCII));
        assertEquals(Role.SERVER, welcome.analysis().from());
        assertEquals(10, welcome.tcp().nextSeq(), "next seq = 1 + 9");
        assertEquals(9, welcome.analysis().bytesInFlight());
        Packet ackOfWelcome = ps.get(4);
        assertEquals(4, ackOfWelcome.analysis().ackedFrame(), "frame 5 acknowledges the segment of frame 4");
        assertTrue(ackOfWelcome.analysis().ackRttNanos() > 0);
        Packet.Ipv4 ip = welcome.innermost(Packet.Ipv4.class);
        assertTrue(ip.dontFragment());
        assertEquals(64, ip.ttl());
        assertEquals(ChecksumStatus.GOOD, welcome.ipChecksum().status());
        assertEquals(welcome.ipChecksum().onWire(), welcome.ipChecksum().computed());
        // loopback leaves TCP checksums to the NIC: the field holds the pseudo-header sum only
        assertEquals(ChecksumStatus.OFFLOAD, welcome.checksum().status());
        assertTrue(welcome.checksum().computed() != welcome.checksum().onWire());
        assertEquals(TcpState.TIME_WAIT, ps.get(16).analysis().serverState());
    }

    @Test
    void refused_rstCauseAndEvidence() throws IOException {
        Packet rst = packets(Samples.path("rst-refused.pcap")).get(1);
        assertEquals(RstCause.REFUSED, rst.analysis().rstCause());
        assertTrue(rst.analysis().rstEvidence().contains("nothing listens"), rst.analysis().rstEvidence());
    }

    @Test
    void icmpErrorQuote_isAHeaderMarkedQuoted() throws IOException {
        Packet p = packets(Corpus.root().resolve("icmp/zeek_icmp-destunreach-udp.pcap")).get(0);
        List<Packet.Header> quoted = p.headers().stream().filter(Packet.Header::quoted).toList();
        assertTrue(quoted.get(0) instanceof Packet.Ipv4, p.headers().toString());
        assertTrue(quoted.get(1) instanceof Packet.Udp u && u.srcPort() == 53, p.headers().toString());
        assertNull(p.tcp());
        Packet.Icmp icmp = p.innermost(Packet.Icmp.class);
        assertNotNull(icmp);
        assertEquals(3, icmp.type());
    }

    @Test
    void retransmissions_carryTheirVerdicts() throws IOException {
        List<Packet> ps = packets(Corpus.root().resolve("tcp/sanders_tcp_retransmissions.pcapng"));
        assertTrue(ps.get(1).analysis().flags().contains(AnalysisFlag.RETRANSMISSION));
    }
}
