package io.datarights.records.internal;

/** A name with its contact details, as Art. 30(1)(a) asks for the controller and the DPO. */
record ContactPoint(String name, String email, String address) {}
