package io.datarights.holds;

import java.util.UUID;

/** An active legal hold: its id and the reason the data must be kept. */
public record Hold(UUID id, String reason) {}
