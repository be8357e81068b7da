package io.datarights.security;

/**
 * Secret keys the platform generates for itself on first use (export-link signing, audit
 * pseudonyms), kept in the database so that every node and every restart uses the same ones.
 */
public interface PlatformSecrets {

  /** The 32-byte secret of that name, created on first use. */
  byte[] get(String name);
}
