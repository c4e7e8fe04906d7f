package org.tcplab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tcplab.Corpus;
import org.tcplab.Samples;
import org.tcplab.report.PlainReport;
import org.tcplab.report.ReportBuilder;
import org.tcplab.report.ReportInput;

/** The drops a pcapng file's interface statistics blocks record (§4.6), and the report saying so. */
class PcapNgStatisticsTest {
    private static long drops(Path p) throws Exception {
        try (FrameSource s = CaptureFiles.open(p)) {
            Frame f = new Frame();
            while (s.next(f)) {
                // read to the end: statistics blocks come after the packets
            }
            return s.recordedDrops();
        }
    }

    @Test
    void latestCountersOfEachInterface_areSummed() throws Exception {
        // gopacket's test101: interface 0's ISB says isb_ifdrop 1 and isb_osdrop 42 (a later one of it
        // has no counters), interface 2's says isb_ifdrop 10
        assertEquals(53, drops(Corpus.root().resolve("pcapng/gopacket_le_test101.pcapng")));
        assertEquals(0, drops(Corpus.root().resolve("pcapng/pcapplusplus_pcapng-example.pcapng")));
    }

    @Test
    void noStatistics_isMinusOne() throws Exception {
        assertEquals(-1, drops(Corpus.root().resolve("pcapng/zeek_pcapng-multi-interface.pcapng")));
        assertEquals(-1, drops(Samples.path("greeting.pcap")));
    }

    @Test
    void report_saysTheCaptureDroppedPackets() throws Exception {
        Path p = Corpus.root().resolve("pcapng/gopacket_le_test101.pcapng");
        try (FrameSource s = CaptureFiles.open(p)) {
            String text = PlainReport.text(ReportBuilder.build(ReportInput.read("test101", s, -1), Locale.ENGLISH),
                    Locale.ENGLISH);
            assertTrue(text.contains("The capture recorded 53 packets dropped"), text);
        }
    }
}
