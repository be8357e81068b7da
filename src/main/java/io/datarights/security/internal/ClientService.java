package io.datarights.security.internal;

import io.datarights.security.NewClient;
import io.datarights.security.OAuthClients;
import io.datarights.shared.OrgId;
import io.datarights.shared.StorableText;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ClientService implements OAuthClients {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ClientRepository clients;
  private final BCryptPasswordEncoder hasher = new BCryptPasswordEncoder();
  private final Clock clock;
  /** Compared against when the client id is unknown, so that timing does not reveal valid ids. */
  private final String decoyHash;

  ClientService(ClientRepository clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
    this.decoyHash = hasher.encode(generateSecret());
  }

  @Override
  @Transactional
  public NewClient create(OrgId org, String name, List<String> permissions) {
    String id = UUID.randomUUID().toString();
    String secret = generateSecret();
    store(org, id, secret, name, permissions);
    return new NewClient(id, name, secret, List.copyOf(permissions));
  }

  @Override
  @Transactional
  public Optional<NewClient> createIfAbsent(
      OrgId org, String clientId, String secret, String name, List<String> permissions) {
    if (clients.existsAnywhere(clientId)) {
      return Optional.empty();
    }
    String actualSecret = secret == null ? generateSecret() : secret;
    store(org, clientId, actualSecret, name, permissions);
    return Optional.of(new NewClient(clientId, name, actualSecret, List.copyOf(permissions)));
  }

  /** The org of a client id, to audit refused attempts against existing clients. */
  Optional<OrgId> orgOf(String clientId) {
    return find(clientId).map(StoredClient::orgId);
  }

  /** The client if the secret matches; constant work whether or not the id exists. */
  Optional<StoredClient> authenticate(String clientId, String secret) {
    Optional<StoredClient> client = find(clientId);
    boolean matches = hasher.matches(secret, client.map(StoredClient::secretHash).orElse(decoyHash));
    return matches ? client : Optional.empty();
  }

  /** An id holding text no id can hold (a NUL from a forged Basic header) names no client. */
  private Optional<StoredClient> find(String clientId) {
    return StorableText.isStorable(clientId) ? clients.findForAuthentication(clientId) : Optional.empty();
  }

  private void store(OrgId org, String id, String secret, String name, List<String> permissions) {
    clients.insert(
        new StoredClient(org, id, name, hasher.encode(secret), List.copyOf(permissions), clock.instant()));
  }

  private static String generateSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
