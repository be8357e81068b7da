package io.datarights.gdpr.internal;

import io.datarights.blobs.BlobStore;
import io.datarights.shared.OrgId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Export parts and packages live in the blob store, beside the attachments they contain. */
@Component
class BlobPackageStore implements PackageStore {

  private final BlobStore blobs;

  BlobPackageStore(BlobStore blobs) {
    this.blobs = blobs;
  }

  @Override
  public String store(OrgId org, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return blobs.put(org, "export", in, Long.MAX_VALUE).key();
    }
  }

  @Override
  public InputStream open(OrgId org, String key) {
    return blobs.open(org, key);
  }

  @Override
  public void delete(OrgId org, String key) {
    blobs.delete(org, key);
  }
}
