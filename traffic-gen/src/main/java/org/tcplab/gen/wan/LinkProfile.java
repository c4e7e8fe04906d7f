package org.tcplab.gen.wan;

/**
 * What the emulated link does to each packet in one direction (netem's knobs, made in user space
 * because this kernel has no qdiscs): a delay with jitter, loss at random or in bursts
 * (Gilbert–Elliott), duplication, reordering, a rate and a tail-drop queue in front of it.
 *
 * @param delayNanos  one-way delay added to every packet
 * @param jitterNanos each packet's delay varies uniformly by up to this much either way
 * @param loss        fraction of packets lost in the long run (0 to 1)
 * @param burst       mean length of a loss burst in packets: 1 is independent loss; above 1 the
 *                    two-state Gilbert–Elliott chain (every packet lost in the bad state, none in
 *                    the good) with the same long-run loss
 * @param duplicate   fraction of packets sent twice
 * @param reorder     fraction of packets sent at once, ahead of the ones still delayed
 * @param rateBitsPerSecond serialisation rate, 0 for no limit
 * @param queuePackets packets that may wait for the rate before the queue drops at its tail
 */
public record LinkProfile(long delayNanos, long jitterNanos, double loss, double burst, double duplicate, double reorder,
                          long rateBitsPerSecond, int queuePackets) {
    public static final LinkProfile CLEAN = new LinkProfile(0, 0, 0, 1, 0, 0, 0, 1000);

    /** The Gilbert–Elliott chain's move from good to bad: p / (p + r) = loss, with r = 1 / burst. */
    double goodToBad() {
        double r = 1 / burst;
        return loss >= 1 ? 1 : loss * r / (1 - loss);
    }

    /** And from bad back to good: the mean burst is 1 / r packets. */
    double badToGood() {
        return 1 / burst;
    }

    /** The nanoseconds a packet of this many bytes takes on the link at its rate. */
    long serialisationNanos(int bytes) {
        return rateBitsPerSecond == 0 ? 0 : bytes * 8L * 1_000_000_000L / rateBitsPerSecond;
    }
}
