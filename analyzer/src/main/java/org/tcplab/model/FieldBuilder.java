package org.tcplab.model;

/** Builds a {@link Field} in the catalogue's files: one statement per field, read top to bottom. */
final class FieldBuilder {
    final String name;
    final String label;
    final Field.Type type;
    Field.Base base = Field.Base.DEC;
    int bits = 32;
    long mask;
    String jsonKey;
    String description = "";
    Field.Counter counter;
    Field.LongValue longValue;
    Field.LongValue hiValue;
    Field.LongValue familyValue;
    Field.BytesValue bytesValue;
    Field.LongValue itemLength;
    Field.TextValue textValue;
    ValueNames names;
    Field.LongValue epochSeconds;
    Field.LongValue epochNanos;

    FieldBuilder(String name, String label, Field.Type type) {
        this.name = name;
        this.label = label;
        this.type = type;
    }

    FieldBuilder hex(int bits) {
        this.base = Field.Base.HEX;
        this.bits = bits;
        return this;
    }

    FieldBuilder base(Field.Base base, int bits) {
        this.base = base;
        this.bits = bits;
        return this;
    }

    FieldBuilder bits(int bits) {
        this.bits = bits;
        return this;
    }

    FieldBuilder mask(long mask) {
        this.mask = mask;
        return this;
    }

    FieldBuilder json(String key) {
        this.jsonKey = key;
        return this;
    }

    FieldBuilder about(String description) {
        this.description = description;
        return this;
    }

    /**
     * A point in time read as whole seconds and the nanoseconds into the second, as the capture
     * file holds it: a file's time stamps can lie beyond what a long of nanoseconds holds.
     */
    FieldBuilder epoch(Field.LongValue seconds, Field.LongValue nanos) {
        this.epochSeconds = seconds;
        this.epochNanos = nanos;
        return this;
    }

    FieldBuilder names(ValueNames names) {
        this.names = names;
        return this;
    }

    FieldBuilder count(Field.Counter counter) {
        this.counter = counter;
        return this;
    }

    FieldBuilder value(Field.LongValue value) {
        this.longValue = value;
        return this;
    }

    FieldBuilder hi(Field.LongValue hi) {
        this.hiValue = hi;
        return this;
    }

    FieldBuilder family(Field.LongValue family) {
        this.familyValue = family;
        return this;
    }

    FieldBuilder bytes(Field.BytesValue bytes) {
        this.bytesValue = bytes;
        return this;
    }

    /**
     * The bytes Wireshark's item for a protocol spans, when fewer than its value holds: a protocol's
     * value runs to the end of what it carries (contains and matches search it all), its item covers
     * its header (slices and len() read that).
     */
    FieldBuilder item(Field.LongValue length) {
        this.itemLength = length;
        return this;
    }

    FieldBuilder text(Field.TextValue text) {
        this.textValue = text;
        return this;
    }

    Field build() {
        if (counter == null) {
            throw new IllegalStateException(name + ": no counter");
        }
        return new Field(this);
    }
}
