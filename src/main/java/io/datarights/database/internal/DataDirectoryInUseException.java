package io.datarights.database.internal;

import java.nio.file.Path;

/** A second server was started on a data directory that a running server holds. */
class DataDirectoryInUseException extends RuntimeException {

  private final Path directory;

  DataDirectoryInUseException(Path directory) {
    super("The data directory " + directory + " is in use by another Datarights server.");
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }
}
