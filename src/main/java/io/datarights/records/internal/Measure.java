package io.datarights.records.internal;

/** A technical or organisational measure (Art. 32(1)), with a stable key to refer to it by. */
record Measure(String key, String title, String description) {}
