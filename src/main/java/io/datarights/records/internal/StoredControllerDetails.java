package io.datarights.records.internal;

import io.datarights.records.ControllerDetails;
import java.time.Instant;

record StoredControllerDetails(ControllerDetails details, Instant modifiedAt, String modifiedBy) {}
