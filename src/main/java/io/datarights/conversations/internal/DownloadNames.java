package io.datarights.conversations.internal;

import java.util.regex.Pattern;

/**
 * File names from clients made safe for a Content-Disposition header and a file system: the last
 * path segment only, letters, digits and a few marks, no leading dot, bounded length.
 */
final class DownloadNames {

  private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}._()+ -]");
  private static final int MAX = 150;

  private DownloadNames() {}

  static String safe(String fileName) {
    String name = fileName == null ? "" : fileName;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    name = UNSAFE.matcher(name).replaceAll("_").replaceAll("\\.{2,}", ".").strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.isBlank()) {
      return "attachment";
    }
    return name.length() > MAX ? name.substring(name.length() - MAX) : name;
  }
}
