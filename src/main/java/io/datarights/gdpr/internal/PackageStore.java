package io.datarights.gdpr.internal;

import io.datarights.shared.OrgId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Where export parts and packages are kept between steps and until they expire. */
interface PackageStore {

  /** Stores a finished file and returns its key. */
  String store(OrgId org, Path file) throws IOException;

  InputStream open(OrgId org, String key) throws IOException;

  /** Idempotent: a missing key is fine. */
  void delete(OrgId org, String key);
}
