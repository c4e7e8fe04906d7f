package org.tcplab.conv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tcplab.tcp.FlowTable;

/**
 * Frames and bytes each way per conversation, as tshark's {@code -z conv,tcp} (one row per
 * tcp.stream) and {@code -z conv,udp} (one row per address/port pair). Endpoint A is the source of
 * the conversation's first frame; bytes are whole frame lengths; start and end are the earliest and
 * latest time stamps. Each row is one stride of a flat long array: no per-packet objects, and one
 * or two cache lines touched per packet.
 */
public final class ConversationTable {
    private static final int A_HI = 0;
    private static final int A_LO = 1;
    private static final int B_HI = 2;
    private static final int B_LO = 3;
    /** aPort | bPort << 16 | family << 32 | tcp << 40 */
    private static final int META = 4;
    private static final int FRAMES_AB = 5;
    private static final int FRAMES_BA = 6;
    private static final int BYTES_AB = 7;
    private static final int BYTES_BA = 8;
    private static final int FIRST = 9;
    private static final int LAST = 10;
    private static final int STRIDE = 11;

    private final FlowTable udpFlows = new FlowTable(256);
    private long[] rows = new long[64 * STRIDE];
    private int count;
    /** Row of each TCP stream index, -1 before its first counted frame. */
    private int[] rowOfStream = new int[64];
    /** Row of each UDP flow, numbered densely in udpFlows (a FlowTable keeps a key per value). */
    private int[] rowOfUdp = new int[64];
    private int udpCount;

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
        int flow = udpFlows.get(ipFamily, srcHi, srcLo, sport, dstHi, dstLo, dport);
        int row;
        if (flow < 0) {
            row = newRow(false, ipFamily, srcHi, srcLo, sport, dstHi, dstLo, dport, timeNanos);
            if (udpCount == rowOfUdp.length) {
                rowOfUdp = Arrays.copyOf(rowOfUdp, udpCount * 2);
            }
            rowOfUdp[udpCount] = row;
            udpFlows.put(ipFamily, srcHi, srcLo, sport, dstHi, dstLo, dport, udpCount++);
        } else {
            row = rowOfUdp[flow];
        }
        count(row, srcHi, srcLo, sport, frameLength, timeNanos);
    }

    private void count(int row, long srcHi, long srcLo, int sport, int frameLength, long timeNanos) {
        long[] r = rows;
        int b = row * STRIDE;
        if (srcLo == r[b + A_LO] && srcHi == r[b + A_HI] && sport == (int) (r[b + META] & 0xFFFF)) {
            r[b + FRAMES_AB]++;
            r[b + BYTES_AB] += frameLength;
        } else {
            r[b + FRAMES_BA]++;
            r[b + BYTES_BA] += frameLength;
        }
        // tshark keeps the earliest and latest time stamps: captures are not always in time order.
        if (timeNanos < r[b + FIRST]) {
            r[b + FIRST] = timeNanos;
        }
        if (timeNanos > r[b + LAST]) {
            r[b + LAST] = timeNanos;
        }
    }

    private int newRow(boolean isTcp, int ipFamily, long srcHi, long srcLo, int sport, long dstHi, long dstLo, int dport,
                       long timeNanos) {
        int row = count++;
        if ((row + 1) * STRIDE > rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        int b = row * STRIDE;
        rows[b + A_HI] = srcHi;
        rows[b + A_LO] = srcLo;
        rows[b + B_HI] = dstHi;
        rows[b + B_LO] = dstLo;
        rows[b + META] = sport | (long) dport << 16 | (long) ipFamily << 32 | (isTcp ? 1L : 0L) << 40;
        rows[b + FIRST] = timeNanos;
        rows[b + LAST] = timeNanos;
        return row;
    }

    /** The rows of one protocol in order of first appearance. */
    public List<Conversation> rows(boolean tcpRows) {
        List<Conversation> out = new ArrayList<>();
        for (int row = 0; row < count; row++) {
            int b = row * STRIDE;
            long meta = rows[b + META];
            if (((meta >>> 40) == 1) != tcpRows) {
                continue;
            }
            out.add(new Conversation(tcpRows ? "tcp" : "udp", (int) ((meta >>> 32) & 0xFF),
                    rows[b + A_HI], rows[b + A_LO], (int) (meta & 0xFFFF), rows[b + B_HI], rows[b + B_LO],
                    (int) ((meta >>> 16) & 0xFFFF), rows[b + FRAMES_AB], rows[b + BYTES_AB], rows[b + FRAMES_BA],
                    rows[b + BYTES_BA], rows[b + FIRST], rows[b + LAST]));
        }
        return out;
    }
}
