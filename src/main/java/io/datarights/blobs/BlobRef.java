package io.datarights.blobs;

import java.util.Objects;

/**
 * A stored blob: the key it is found under, its size in bytes and the SHA-256 of its content
 * (lower-case hex), both computed while it was written.
 */
public record BlobRef(String key, long size, String sha256) {

  public BlobRef {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sha256, "sha256");
  }
}
