package io.datarights.gdpr.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Signed, expiring download links for export packages. */
@Component
class ExportLinks {

  Optional<String> linkFor(StoredRequest request) {
    return Optional.empty();
  }
}
