package io.datarights.blobs;

/** Content longer than the limit given to {@link BlobStore#put}; the web layer answers 413. */
public class BlobTooLargeException extends RuntimeException {

  private final long limit;

  public BlobTooLargeException(long limit) {
    super("The file is larger than the limit of " + limit + " bytes.", null, false, false);
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
