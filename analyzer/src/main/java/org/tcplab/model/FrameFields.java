package org.tcplab.model;

import static org.tcplab.model.Catalogue.ONCE;
import static org.tcplab.model.Catalogue.field;

import java.util.List;
import org.tcplab.model.Field.Type;

/** The frame as the capture file holds it (Wireshark's {@code frame} protocol). */
public final class FrameFields {
    private FrameFields() {
    }

    public static final Field FRAME = field("frame", "Frame", Type.PROTOCOL).count(ONCE)
            .bytes((v, i, out) -> out.set(v.frame().data(), v.frame().offset(), v.frame().capturedLength()))
            .about("the whole frame, as bytes").build();
    public static final Field NUMBER = field("frame.number", "Frame Number", Type.UINT).count(ONCE).json("frame")
            .value((v, i) -> v.frame().number()).about("position in the capture, from 1").build();
    /** A pcapng simple packet block has no time stamp: no time fields, as in tshark. */
    private static final Field.Counter TIMED = v -> v.frame().hasTime() ? 1 : 0;

    public static final Field TIME = field("frame.time", "Arrival Time", Type.ABSOLUTE_TIME).count(TIMED)
            .epoch((v, i) -> v.frame().epochSeconds(), (v, i) -> v.frame().nanos()).value((v, i) -> v.timeNanos()).about("capture time").build();
    public static final Field TIME_EPOCH = field("frame.time_epoch", "Epoch Time", Type.RELATIVE_TIME).count(TIMED)
            .epoch((v, i) -> v.frame().epochSeconds(), (v, i) -> v.frame().nanos()).value((v, i) -> v.timeNanos()).about("capture time, seconds since 1970").build();
    public static final Field TIME_RELATIVE = field("frame.time_relative", "Time since reference or first frame",
            Type.RELATIVE_TIME).count(TIMED).value((v, i) -> v.relativeNanos()).about("seconds since the first frame").build();
    public static final Field TIME_DELTA = field("frame.time_delta", "Time delta from previous captured frame",
            Type.RELATIVE_TIME).count(TIMED).value((v, i) -> v.deltaNanos()).about("seconds since the previous frame").build();
    public static final Field LEN = field("frame.len", "Frame Length", Type.UINT).count(ONCE).json("len")
            .value((v, i) -> v.frame().originalLength()).about("bytes on the wire").build();
    public static final Field CAP_LEN = field("frame.cap_len", "Capture Length", Type.UINT).count(ONCE).json("caplen")
            .value((v, i) -> v.frame().capturedLength()).about("bytes captured (the snap length may cut a frame)").build();
    public static final Field INTERFACE_ID = field("frame.interface_id", "Interface id", Type.UINT)
            .count(v -> v.frame().sectionInterface() >= 0 ? 1 : 0).value((v, i) -> v.frame().sectionInterface())
            .about("the pcapng interface the frame was captured on").build();
    public static final Field COMMENT = field("frame.comment", "Comment", Type.STRING)
            .count(v -> v.frame().hasComment() ? 1 : 0).json("comment").text((v, i) -> v.frame().comment())
            .about("the pcapng packet comment").build();
    public static final Field MARKED = field("frame.marked", "Frame is marked", Type.BOOLEAN).count(ONCE)
            .value((v, i) -> 0).about("always 0: marks are a Wireshark GUI notion").build();

    static final List<Field> ALL = List.of(FRAME, NUMBER, TIME, TIME_EPOCH, TIME_RELATIVE, TIME_DELTA, LEN, CAP_LEN,
            INTERFACE_ID, COMMENT, MARKED);
}
