package org.tcplab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcplab.Samples;

/**
 * The checker on the segmentation sample (SYN, SYN+ACK, ACK; 1460 + 1460 + 30 bytes from the client,
 * three ACKs 1461, 2921, 2951; FIN from the server, FIN+ACK, ACK): a right table passes, and each
 * classic mistake is caught with the right value and the rule.
 */
class AnswerCheckerTest {
    private static final String HEADER = "frame,seq,ack,len,next_seq,flags,client_state,server_state\n";
    private static final String RIGHT = HEADER
            + "1,0,,0,1,SYN,SYN-SENT,LISTEN\n"
            + "2,0,1,0,1,\"SYN, ACK\",ESTABLISHED,SYN-RECEIVED\n"
            + "3,1,1,0,1,ACK,ESTABLISHED,ESTABLISHED\n"
            + "4,1,1,1460,1461,ACK,ESTABLISHED,ESTABLISHED\n"
            + "5,1461,1,1460,2921,ACK,,\n"
            + "6,2921,1,30,2951,\"PSH, ACK\",,\n"
            + "9,1,2951,0,1,ACK,,\n"
            + "10,1,2951,0,2,\"FIN, ACK\",CLOSE-WAIT,FIN-WAIT-1\n"
            + "11,2951,2,0,2952,\"FIN, ACK\",LAST-ACK,TIME-WAIT\n"
            + "12,2,2952,0,2,ACK,CLOSED,TIME-WAIT\n";
    private static AnswerChecker checker;
    private static CaptureReport report;

    @BeforeAll
    static void read() throws Exception {
        report = Reports.of(Samples.path("segment.pcap"));
        checker = new AnswerChecker(report, Locale.ENGLISH);
    }

    private static AnswerChecker.Result check(String csv) {
        return checker.check(AnswerSheet.parse(csv));
    }

    private static AnswerChecker.Verdict only(AnswerChecker.Result r) {
        List<AnswerChecker.Verdict> wrong = r.cells().stream().filter(v -> !v.ok()).toList();
        assertEquals(1, wrong.size(), () -> "exactly one wrong cell expected: " + wrong);
        return wrong.get(0);
    }

    @Test
    void rightTable_passes() {
        AnswerChecker.Result r = check(RIGHT);
        assertEquals(0, r.wrong(), () -> r.cells().toString());
        assertEquals(63, r.cells().size());
        assertFalse(r.raw());
    }

    @Test
    void synAckAck_offByOne_isCaught() {
        AnswerChecker.Verdict v = only(check(HEADER + "2,0,0,0,1,,,\n"));
        assertEquals("ack", v.column());
        assertEquals("1", v.right());
        assertTrue(v.why().contains("1 = 0 + 0 + 1 (SYN)"), v.why());
        assertTrue(v.why().contains("SYN or a FIN consumes one"), v.why());
    }

    @Test
    void finNextSeq_offByOne_isCaught() {
        AnswerChecker.Verdict v = only(check(HEADER + "10,1,2951,0,1,,,\n"));
        assertEquals("next_seq", v.column());
        assertEquals("2", v.right());
        assertTrue(v.why().contains("Off by one"), v.why());
    }

    @Test
    void ackOfTheFin_offByOne_isCaught() {
        AnswerChecker.Verdict v = only(check(HEADER + "11,2951,1,0,2952,,,\n"));
        assertEquals("ack", v.column());
        assertEquals("2", v.right());
        assertTrue(v.why().contains("Off by one"), v.why());
    }

    @Test
    void forgottenLength_isCaught() {
        AnswerChecker.Verdict v = only(check(HEADER + "6,2921,1,30,2921,,,\n"));
        assertEquals("next_seq", v.column());
        assertEquals("2951", v.right());
        assertTrue(v.why().contains("2951 = 2921 + 30"), v.why());
        assertTrue(v.why().contains("length is forgotten"), v.why());
    }

    @Test
    void cumulativeAck_namesEveryFrameItCovers() {
        // the server's FIN acknowledges all three data segments at once: frames 4-6 from ack 1
        AnswerChecker.Verdict v = only(check(HEADER + "10,1,2950,0,2,,,\n"));
        assertEquals("2951", v.right());
        assertTrue(v.why().contains("ack should be 2951"), v.why());
    }

    @Test
    void seqAndAckSwapped_isCaught() {
        AnswerChecker.Result r = check(HEADER + "10,2951,1,0,2,,,\n");
        assertEquals(2, r.wrong());
        for (AnswerChecker.Verdict v : r.cells()) {
            if (!v.ok()) {
                assertTrue(v.why().contains("swapped"), v.why());
            }
        }
    }

    @Test
    void relativeForRaw_isCaught() {
        Segment syn = report.conversations().get(0).segments().get(0);
        Segment synAck = report.conversations().get(0).segments().get(1);
        String sheet = HEADER.replace("frame,", "# numbers: raw\nframe,") + "1," + syn.rawSeq() + ",,0,,,,\n"
                + "2,0," + synAck.rawAck() + ",0,,,,\n";
        AnswerChecker.Verdict v = only(check(sheet));
        assertEquals("seq", v.column());
        assertEquals(Long.toString(synAck.rawSeq()), v.right());
        assertTrue(v.why().contains("relative number"), v.why());
    }

    @Test
    void rawNumbers_areDetected_withoutTheComment() {
        Segment synAck = report.conversations().get(0).segments().get(1);
        AnswerChecker.Result r = check(HEADER + "2," + synAck.rawSeq() + "," + synAck.rawAck() + ",0,,,,\n");
        assertTrue(r.raw());
        assertEquals(0, r.wrong(), () -> r.cells().toString());
    }

    @Test
    void ackOfTheWrongSegment_isCaught() {
        // frame 9 acknowledges frame 6 (ack 2951), not frame 5 (2921 is where frame 5 ends)
        AnswerChecker.Verdict v = only(check(HEADER + "9,1,1461,0,1,,,\n"));
        assertEquals("2951", v.right());
        assertTrue(v.why().contains("ack of another segment: frame 4"), v.why());
    }

    @Test
    void stateBeforeInsteadOfAfter_isCaught() {
        AnswerChecker.Verdict v = only(check(HEADER + "2,,,,,,SYN-SENT,\n"));
        assertEquals("client_state", v.column());
        assertEquals("ESTABLISHED", v.right());
        assertTrue(v.why().contains("state before"), v.why());
    }

    /** States as RFC 793 abbreviates them and as ss and netstat print them are the states they name. */
    @Test
    void states_inTheirShortForms_areRight() {
        assertEquals(0, check(HEADER + "1,,,,,,SYN_SENT,listen\n2,,,,,,ESTAB,SYN-RCVD\n10,,,,,,close wait,FIN_WAIT1\n"
                + "12,,,,,,CLOSE,TIME_WAIT\n").wrong());
        assertEquals(0, check(HEADER + "2,,,,,,established,SYN_RECV\n").wrong());
        assertEquals("SYN-RECEIVED", only(check(HEADER + "2,,,,,,ESTAB,ESTAB\n")).right());
    }

    @Test
    void flags_inAnyOrderAndCase_areRight() {
        assertEquals(0, check(HEADER + "2,,,,,\"ack, syn\",,\n").wrong());
        assertEquals("SYN, ACK", only(check(HEADER + "2,,,,,SYN,,\n")).right());
    }

    @Test
    void unknownColumn_isOneLineError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnswerSheet.parse("frame,sequence\n1,0\n"));
        assertTrue(e.getMessage().contains("unknown column 'sequence'"), e.getMessage());
    }

    @Test
    void template_listsEveryFrame_andChecksClean() {
        String t = AnswerSheet.template(report, "segment.pcap");
        AnswerSheet blank = AnswerSheet.parse(t);
        assertEquals(12, blank.rows().size());
        assertEquals("relative", blank.numbers());
        assertEquals(0, checker.check(blank).cells().size());
    }
}
