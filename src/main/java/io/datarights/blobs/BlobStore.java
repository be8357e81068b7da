package io.datarights.blobs;

import io.datarights.shared.OrgId;
import java.io.InputStream;

/**
 * Files of an org, stored under keys the store generates; a key never comes from a client's file
 * name. Every method is scoped by the org: another org's key is simply not there.
 *
 * <p>Failures to read or write are {@link java.io.UncheckedIOException}s.
 */
public interface BlobStore {

  /**
   * Streams the content into a new blob, counting its bytes and computing its SHA-256 on the way.
   * Nothing is kept unless the whole content was written.
   *
   * @param kind what the blob is, e.g. "attachment" or "recording" (lower-case letters, digits and
   *     dashes); part of the key, for the operator's eye
   * @param maxBytes the largest content accepted
   * @throws BlobTooLargeException when the content is longer than {@code maxBytes}; nothing is kept
   */
  BlobRef put(OrgId org, String kind, InputStream content, long maxBytes);

  /**
   * The content of a blob, to be closed by the caller.
   *
   * @throws BlobNotFoundException when the org has no blob under that key
   */
  InputStream open(OrgId org, String key);

  boolean exists(OrgId org, String key);

  /** Deletes a blob. Idempotent: a key that is already gone (or never was) is fine. */
  void delete(OrgId org, String key);
}
