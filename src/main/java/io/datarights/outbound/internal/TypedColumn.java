package io.datarights.outbound.internal;

/** A phone or e-mail column of a contact list, with its kind of number or address ("cell", "work"...). */
record TypedColumn(String columnName, String type) {}
