package io.datarights.security;

import io.datarights.shared.OrgId;
import java.util.List;
import java.util.Optional;

/** Creating clients for other features (organization creation, bootstrap, demo). */
public interface OAuthClients {

  /** Creates a client with a generated id and secret. */
  NewClient create(OrgId org, String name, List<String> permissions);

  /**
   * Creates a client with a chosen id unless that id already exists.
   *
   * @param secret the secret to use, or null to generate one
   * @return the created client, or empty if the id was taken
   */
  Optional<NewClient> createIfAbsent(
      OrgId org, String clientId, String secret, String name, List<String> permissions);
}
