package io.datarights.directory.internal;

import io.datarights.identifiers.IdentifierIndex;
import io.datarights.shared.ApiException;
import io.datarights.shared.Listing;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes users and their identifiers together, in one transaction. */
@Service
class UserService {

  /** The service name in the identifier index and in GDPR outcomes. */
  static final String SERVICE = "directory";

  private final UserRepository users;
  private final IdentifierIndex index;
  private final Clock clock;

  UserService(UserRepository users, IdentifierIndex index, Clock clock) {
    this.users = users;
    this.index = index;
    this.clock = clock;
  }

  @Transactional
  public StoredUser create(OrgId org, UserBody body) {
    UserFields fields = UserValidator.validate(body, index.regionOf(org));
    UUID id = UUID.randomUUID();
    requireFreeEmail(org, fields.email(), id);
    Instant now = clock.instant();
    StoredUser user =
        new StoredUser(
            org, id, fields.name(), fields.email(), fields.title(), fields.state(), fields.phoneNumbers(),
            fields.personalStatus(), 1, now, now, null);
    try {
      users.insert(user);
    } catch (DuplicateKeyException e) {
      throw emailConflict(); // a concurrent create took the address between check and insert
    }
    index.replace(org, SERVICE, id.toString(), user.identifiers());
    return user;
  }

  /**
   * PUT ({@code full}) replaces every field, absent ones cleared or defaulted; PATCH changes only
   * the fields given.
   */
  @Transactional
  public StoredUser update(OrgId org, UUID id, UserBody body, boolean full) {
    StoredUser existing = users.find(org, id).orElseThrow(UserService::notFound);
    if (existing.anonymized()) {
      throw ApiException.conflict("This user was anonymized under a GDPR erasure request and can no longer be edited.");
    }
    if (body.version() != null && body.version() != existing.version()) {
      throw staleVersion(existing);
    }
    UserFields fields = UserValidator.validate(full ? body : body.over(existing), index.regionOf(org));
    requireFreeEmail(org, fields.email(), id);
    StoredUser updated = existing.with(fields, clock.instant());
    boolean written;
    try {
      written = users.update(updated, existing.version());
    } catch (DuplicateKeyException e) {
      throw emailConflict();
    }
    if (!written) {
      throw staleVersion(existing);
    }
    index.replace(org, SERVICE, id.toString(), updated.identifiers());
    return updated;
  }

  @Transactional
  public void delete(OrgId org, UUID id) {
    if (!users.delete(org, id)) {
      throw notFound();
    }
    index.remove(org, SERVICE, id.toString());
  }

  StoredUser get(OrgId org, UUID id) {
    return users.find(org, id).orElseThrow(UserService::notFound);
  }

  <T> Listing<T> list(OrgId org, String state, PageParams page, java.util.function.Function<StoredUser, T> view, String path, String query) {
    List<T> entities = users.list(org, state, page).stream().map(view).toList();
    return Listing.of(entities, page, users.count(org, state), path, query);
  }

  private void requireFreeEmail(OrgId org, String email, UUID self) {
    if (users.emailTaken(org, email, self)) {
      throw emailConflict();
    }
  }

  private static ApiException emailConflict() {
    return ApiException.conflict("Another user of the organization already has this e-mail address.");
  }

  private static ApiException staleVersion(StoredUser existing) {
    return ApiException.conflict(
        "The user was changed by someone else; it is now at version " + existing.version() + ". Read it again and retry.");
  }

  static ApiException notFound() {
    return ApiException.notFound("user");
  }
}
