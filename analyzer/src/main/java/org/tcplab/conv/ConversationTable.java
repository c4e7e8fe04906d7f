package org.tcplab.conv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tcplab.tcp.FlowTable;

/**
 * Frames and bytes each way per conversation, as tshark's {@code -z conv,tcp} (one row per
 * tcp.stream) and {@code -z conv,udp} (one row per address/port pair). Endpoint A is the source of
 * the conversation's first frame; bytes are whole frame lengths. Flat arrays, no per-packet objects.
 */
public final class ConversationTable {
    private final FlowTable udpFlows = new FlowTable(256);
    private int count;
    private int[] family = new int[64];
    private long[] aHi = new long[64];
    private long[] aLo = new long[64];
    private long[] bHi = new long[64];
    private long[] bLo = new long[64];
    private int[] aPort = new int[64];
    private int[] bPort = new int[64];
    private long[] framesAB = new long[64];
    private long[] framesBA = new long[64];
    private long[] bytesAB = new long[64];
    private long[] bytesBA = new long[64];
    private long[] firstNanos = new long[64];
    private long[] lastNanos = new long[64];
    /** Row of each TCP stream index, -1 before its first frame. */
    private int[] rowOfStream = new int[64];
    private boolean[] tcp = new boolean[64];

    public ConversationTable() {
        Arrays.fill(rowOfStream, -1);
    }

    /** Counts a TCP frame of stream {@code stream}. */
    public void addTcp(int stream, int ipFamily, long srcHi, long srcLo, int sport, long dstHi, long dstLo, int dport,
                       int frameLength, long timeNanos) {
        if (stream >= rowOfStream.length) {
            int old = rowOfStream.length;
            rowOfStream = Arrays.copyOf(rowOfStream, Math.max(stream + 1, old * 2));
            Arrays.fill(rowOfStream, old, rowOfStream.length, -1);
        }
        int row = rowOfStream[stream];
        if (row < 0) {
            row = newRow(true, ipFamily, srcHi, srcLo, sport, dstHi, dstLo, dport, timeNanos);
            rowOfStream[stream] = row;
        }
        count(row, srcHi, srcLo, sport, frameLength, timeNanos);
    }

    /** Counts a UDP frame. */
    public void addUdp(int ipFamily, long srcHi, long srcLo, int sport, long dstHi, long dstLo, int dport,
                       int frameLength, long timeNanos) {
        int row = udpFlows.get(ipFamily, srcHi, srcLo, sport, dstHi, dstLo, dport);
        if (row < 0) {
            row = newRow(false, ipFamily, srcHi, srcLo, sport, dstHi, dstLo, dport, timeNanos);
            udpFlows.put(ipFamily, srcHi, srcLo, sport, dstHi, dstLo, dport, row);
        }
        count(row, srcHi, srcLo, sport, frameLength, timeNanos);
    }

    private void count(int row, long srcHi, long srcLo, int sport, int frameLength, long timeNanos) {
        if (srcHi == aHi[row] && srcLo == aLo[row] && sport == aPort[row]) {
            framesAB[row]++;
            bytesAB[row] += frameLength;
        } else {
            framesBA[row]++;
            bytesBA[row] += frameLength;
        }
        // tshark keeps the earliest and latest time stamps: captures are not always in time order.
        firstNanos[row] = Math.min(firstNanos[row], timeNanos);
        lastNanos[row] = Math.max(lastNanos[row], timeNanos);
    }

    private int newRow(boolean isTcp, int ipFamily, long srcHi, long srcLo, int sport, long dstHi, long dstLo, int dport,
                       long timeNanos) {
        int r = count++;
        if (r == family.length) {
            int n = r * 2;
            family = Arrays.copyOf(family, n);
            aHi = Arrays.copyOf(aHi, n);
            aLo = Arrays.copyOf(aLo, n);
            bHi = Arrays.copyOf(bHi, n);
            bLo = Arrays.copyOf(bLo, n);
            aPort = Arrays.copyOf(aPort, n);
            bPort = Arrays.copyOf(bPort, n);
            framesAB = Arrays.copyOf(framesAB, n);
            framesBA = Arrays.copyOf(framesBA, n);
            bytesAB = Arrays.copyOf(bytesAB, n);
            bytesBA = Arrays.copyOf(bytesBA, n);
            firstNanos = Arrays.copyOf(firstNanos, n);
            lastNanos = Arrays.copyOf(lastNanos, n);
            tcp = Arrays.copyOf(tcp, n);
        }
        tcp[r] = isTcp;
        family[r] = ipFamily;
        aHi[r] = srcHi;
        aLo[r] = srcLo;
        aPort[r] = sport;
        bHi[r] = dstHi;
        bLo[r] = dstLo;
        bPort[r] = dport;
        firstNanos[r] = timeNanos;
        lastNanos[r] = timeNanos;
        return r;
    }

    /** The rows of one protocol in order of first appearance. */
    public List<Conversation> rows(boolean tcpRows) {
        List<Conversation> out = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            if (tcp[r] == tcpRows) {
                out.add(new Conversation(tcpRows ? "tcp" : "udp", family[r], aHi[r], aLo[r], aPort[r], bHi[r], bLo[r],
                        bPort[r], framesAB[r], bytesAB[r], framesBA[r], bytesBA[r], firstNanos[r], lastNanos[r]));
            }
        }
        return out;
    }
}
