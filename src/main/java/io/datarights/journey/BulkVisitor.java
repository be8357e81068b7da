package io.datarights.journey;

import java.util.List;
import java.util.Map;

/** A web visitor with recorded consent and the pages they viewed, for a bulk load. */
public record BulkVisitor(String cookieId, Map<String, String> traits, List<String> pageUrls) {}
