package io.datarights.blobs.internal;

import io.datarights.blobs.BlobStore;
import io.datarights.database.DatabaseProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the blob store. Today that is the filesystem under the data directory; an S3-compatible
 * store for {@code DATARIGHTS_S3_*} belongs here as a second implementation of {@link BlobStore}.
 */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

  @Bean
  BlobStore blobStore(DatabaseProperties.DataDir dataDir) {
    return new FilesystemBlobStore(dataDir.dataDir().resolve("blobs"));
  }
}
