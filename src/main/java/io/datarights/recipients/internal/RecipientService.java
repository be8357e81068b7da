package io.datarights.recipients.internal;

import io.datarights.egress.AddressClass;
import io.datarights.egress.EgressPolicy;
import io.datarights.security.Caller;
import io.datarights.shared.ApiException;
import io.datarights.shared.AuditableEvent;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers and deletes recipients; the secret is sealed on the way in and shown only then. */
@Service
class RecipientService {

  private static final int MAX_URL_LENGTH = 2000;

  private final RecipientRepository recipients;
  private final NotificationRepository notifications;
  private final SecretBox secrets;
  private final ApplicationEventPublisher events;
  private final EgressPolicy egress;
  private final RecipientProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;

  RecipientService(
      RecipientRepository recipients,
      NotificationRepository notifications,
      SecretBox secrets,
      ApplicationEventPublisher events,
      EgressPolicy egress,
      RecipientProperties properties,
      TransactionTemplate tx,
      Clock clock) {
    this.recipients = recipients;
    this.notifications = notifications;
    this.secrets = secrets;
    this.events = events;
    this.egress = egress;
    this.properties = properties;
    this.tx = tx;
    this.clock = clock;
  }

  /** A new recipient and its secret in clear, which is never shown again. */
  record Created(StoredRecipient recipient, String secret) {}

  /** Validates, resolves the URL's host (outside any transaction: DNS may be slow), then registers. */
  Created create(Caller caller, String name, String url, String secret, List<String> events, Boolean active) {
    String validUrl = validUrl(url);
    List<RecipientEvent> subscribed = validEvents(events);
    refuseNonPublic(validUrl);
    return tx.execute(status -> register(caller, name, validUrl, secret, subscribed, active));
  }

  private Created register(Caller caller, String name, String validUrl, String secret, List<RecipientEvent> subscribed, Boolean active) {
    // Counted under a lock of the org's recipients, so that concurrent registrations cannot pass the cap together.
    recipients.lockOrg(caller.orgId());
    if (recipients.count(caller.orgId()) >= properties.maxPerOrg()) {
      throw ApiException.conflict(
          "An organization may register at most " + properties.maxPerOrg()
              + " recipients (DATARIGHTS_RECIPIENTS_MAX_PER_ORG); delete one first.");
    }
    UUID id = UUID.randomUUID();
    String clearSecret = secret == null ? SecretBox.generateSecret() : secret;
    StoredRecipient recipient =
        new StoredRecipient(
            caller.orgId(),
            id,
            name.strip(),
            validUrl,
            secrets.seal(clearSecret, StoredRecipient.boundTo(caller.orgId(), id)),
            subscribed,
            active == null || active,
            caller.clientId(),
            clock.instant());
    recipients.insert(recipient);
    this.events.publishEvent(
        new AuditableEvent(
            caller.orgId(), "recipient.created", caller.clientId(), "recipient", id.toString(),
            Map.of("events", subscribed.stream().map(Enum::name).collect(Collectors.joining(" ")),
                "active", Boolean.toString(recipient.active()))));
    return new Created(recipient, clearSecret);
  }

  /** Deletes the recipient and drops what it was still to receive; false if there is none. */
  @Transactional
  boolean delete(Caller caller, UUID id) {
    if (!recipients.delete(caller.orgId(), id, clock.instant())) {
      return false;
    }
    int cancelled = notifications.cancelPending(caller.orgId(), id);
    events.publishEvent(
        new AuditableEvent(
            caller.orgId(), "recipient.deleted", caller.clientId(), "recipient", id.toString(),
            Map.of("cancelledNotifications", Integer.toString(cancelled))));
    return true;
  }

  private static String validUrl(String url) {
    String candidate = url == null ? "" : url.strip();
    if (candidate.isEmpty()) {
      throw ApiException.invalidValue("url", "url is required.");
    }
    if (candidate.length() > MAX_URL_LENGTH) {
      throw ApiException.invalidValue("url", "url must be at most " + MAX_URL_LENGTH + " characters.");
    }
    try {
      URI uri = new URI(candidate);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
        throw ApiException.invalidValue("url", "url must be an absolute http or https URL with a host.");
      }
      return candidate;
    } catch (URISyntaxException e) {
      throw ApiException.invalidValue("url", "url is not a valid URL.");
    }
  }

  /**
   * Webhooks must not reach the server's own network: the host is resolved now and refused if any
   * address is not public (the check is made again on every delivery, after resolution). The
   * message names the kind of address, not the address, which the caller may not have typed.
   */
  private void refuseNonPublic(String url) {
    Optional<AddressClass> refusal = egress.refusal(URI.create(url));
    if (refusal.isPresent()) {
      throw ApiException.invalidValue(
          "url",
          "url resolves to " + refusal.get().phrase()
              + "; only public addresses are allowed unless DATARIGHTS_EGRESS_ALLOWED_RANGES allows it.");
    }
  }

  /** Absent: both types. Present: at least one, each a known type. */
  private static List<RecipientEvent> validEvents(List<String> requested) {
    if (requested == null) {
      return List.of(RecipientEvent.values());
    }
    if (requested.isEmpty()) {
      throw ApiException.invalidValue("events", "events must name at least one of GDPR_UPDATE, GDPR_DELETE.");
    }
    Set<RecipientEvent> chosen = EnumSet.noneOf(RecipientEvent.class);
    for (String value : requested) {
      chosen.add(
          RecipientEvent.parse(value)
              // The value is not repeated: the message must not echo whatever a client sent.
              .orElseThrow(() -> ApiException.invalidValue("events", "events holds an unknown event. Use GDPR_UPDATE or GDPR_DELETE.")));
    }
    return List.copyOf(chosen);
  }
}
