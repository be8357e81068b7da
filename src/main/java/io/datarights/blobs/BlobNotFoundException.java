package io.datarights.blobs;

/** No blob under the key in the org (deleted, never stored, or another org's key). */
public class BlobNotFoundException extends RuntimeException {

  public BlobNotFoundException() {
    super("No such blob", null, false, false);
  }
}
