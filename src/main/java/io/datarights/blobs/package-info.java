/**
 * The blob store: files that belong to records (attachments, recordings, later export packages),
 * kept outside the database under keys that we generate. {@link io.datarights.blobs.BlobStore} is
 * the seam: the filesystem store under the data directory is the default; an S3-compatible store
 * ({@code DATARIGHTS_S3_*}) is meant to be a second implementation of the same interface.
 */
package io.datarights.blobs;
