package io.datarights.directory.internal;

import io.datarights.identifiers.Emails;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.Normalization;
import io.datarights.identifiers.PhoneNumbers;
import io.datarights.privacy.ErasureExemptions;
import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.ExportSink;
import io.datarights.privacy.InventoryEntry;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectMatch;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import io.datarights.privacy.SubjectType;
import io.datarights.shared.Ids;
import io.datarights.shared.OrgId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's part in GDPR requests. Erasure keeps an active employee (the platform cannot run
 * without their name, work e-mail and phone) and anonymizes an inactive one in place.
 */
@Component
class DirectoryPersonalData implements PersonalDataService {

  static final String RETAINED_REASON =
      "Active users retained: legitimate interest, GDPR Art. 6(1)(f): an active employee's name, work e-mail"
          + " and work phone are needed to operate the platform. Set the user inactive and request erasure again"
          + " to anonymize the record.";

  private final UserRepository users;
  private final IdentifierIndex index;
  private final Clock clock;

  DirectoryPersonalData(UserRepository users, IdentifierIndex index, Clock clock) {
    this.users = users;
    this.index = index;
    this.clock = clock;
  }

  @Override
  public String name() {
    return UserService.SERVICE;
  }

  @Override
  public InventoryEntry inventory() {
    return new InventoryEntry(
        name(),
        "Employees of the organization who use the contact-centre platform (Genesys users).",
        List.of(
            new InventoryEntry.Field("name", "identification data", true),
            new InventoryEntry.Field("email", "contact data (work e-mail)", true),
            new InventoryEntry.Field("phoneNumbers", "contact data (work phones)", true),
            new InventoryEntry.Field("title", "employment data (job title)", false),
            new InventoryEntry.Field("state", "employment data (active or inactive)", false),
            new InventoryEntry.Field("personalStatus", "free text written by the employee; may hold anything", false)),
        List.of("employees and other staff using the platform"),
        List.of(
            "operating the contact-centre platform: sign-in, routing of interactions, presence and internal contact",
            "attributing interactions to the employees who handled them"),
        "legitimate interest, GDPR Art. 6(1)(f); for employees also Art. 6(1)(b) and Art. 88 (employment)",
        List.of("administrators and supervisors of the organization", "the platform operator as processor"),
        "While the user is active. An inactive user is anonymized on an erasure request; the anonymized row"
            + " stays so that past interactions keep their reference. No automatic expiry yet.",
        "Entered by the organization's administrators (user provisioning); personal status by the employee",
        ErasureMode.RETAIN_WHILE_LAWFUL);
  }

  @Override
  public List<SubjectMatch> findSubjects(OrgId org, Identifier identifier) {
    return findSubjects(org, index.lookup(org, identifier.kind(), identifier.value(), name()));
  }

  @Override
  public List<SubjectMatch> findSubjects(OrgId org, Collection<String> indexedRecordIds) {
    Set<UUID> ids = new TreeSet<>();
    indexedRecordIds.forEach(id -> Ids.parse(id).ifPresent(ids::add));
    return withPersonalData(users.findAll(org, ids, false)).stream().map(DirectoryPersonalData::match).toList();
  }

  @Override
  public Optional<SubjectMatch> resolve(OrgId org, SubjectRef ref) {
    if (ref.type() != SubjectType.USER) {
      return Optional.empty();
    }
    return Ids.parse(ref.id()).flatMap(id -> users.find(org, id)).filter(u -> !u.anonymized()).map(DirectoryPersonalData::match);
  }

  @Override
  public ServiceOutcome export(OrgId org, SubjectTerms terms, ExportSink sink) {
    List<StoredUser> matched = matching(org, terms, false);
    for (StoredUser user : matched) {
      sink.record("user", user.id().toString(), exportFields(user));
    }
    return ServiceOutcome.exported(matched.size(), matched.size());
  }

  @Override
  @Transactional
  public ServiceOutcome rectify(OrgId org, SubjectTerms terms, List<ReplacementTerm> replacements) {
    List<StoredUser> matched = matching(org, terms, true);
    String region = index.regionOf(org);
    Instant now = clock.instant();
    Set<String> reasons = new TreeSet<>();
    long updated = 0;
    for (StoredUser user : matched) {
      UserFields fields = fieldsOf(user);
      for (ReplacementTerm replacement : replacements) {
        fields = apply(org, user.id(), fields, replacement, region, reasons);
      }
      if (!fields.equals(fieldsOf(user))) {
        StoredUser changed = user.with(fields, now);
        users.update(changed, user.version()); // the row is locked: the version cannot have moved
        index.replace(org, name(), user.id().toString(), changed.identifiers());
        updated++;
      }
    }
    return new ServiceOutcome(matched.size(), 0, updated, 0, 0, 0, List.copyOf(reasons));
  }

  @Override
  @Transactional
  public ServiceOutcome erase(OrgId org, SubjectTerms terms) {
    return erase(org, terms, ErasureExemptions.none());
  }

  /** Also keeps users under a legal hold, active or not, and names the hold as the reason. */
  @Override
  @Transactional
  public ServiceOutcome erase(OrgId org, SubjectTerms terms, ErasureExemptions exemptions) {
    List<StoredUser> matched = matching(org, terms, true);
    Instant now = clock.instant();
    List<String> anonymized = new ArrayList<>();
    long retained = 0;
    java.util.Map<String, Long> held = new java.util.LinkedHashMap<>();
    for (StoredUser user : matched) {
      Optional<String> hold = exemptions.reasonFor(SubjectRef.user(user.id().toString()));
      if (hold.isPresent()) {
        held.merge(hold.get(), 1L, Long::sum);
        continue;
      }
      if (user.active()) {
        retained++;
        continue;
      }
      users.update(anonymize(user, now), user.version());
      anonymized.add(user.id().toString());
    }
    index.removeAll(org, name(), anonymized);
    ServiceOutcome outcome = ServiceOutcome.erased(matched.size(), 0, anonymized.size());
    outcome = retained == 0 ? outcome : outcome.withRetained(retained, RETAINED_REASON);
    for (var hold : held.entrySet()) {
      outcome = outcome.withRetained(hold.getValue(), hold.getKey());
    }
    return outcome;
  }

  @Override
  public long remaining(OrgId org, SubjectTerms terms) {
    return remaining(org, terms, ErasureExemptions.none());
  }

  @Override
  public long remaining(OrgId org, SubjectTerms terms, ErasureExemptions exemptions) {
    return matching(org, terms, false).stream()
        .filter(u -> !u.active() && !exemptions.exempts(SubjectRef.user(u.id().toString())))
        .count();
  }

  /**
   * The subject's users that still hold personal data: found through the index by any identifier,
   * or named by a user ref. Anonymized users are no one's any more.
   */
  private List<StoredUser> matching(OrgId org, SubjectTerms terms, boolean lock) {
    // One index query for all identifiers: a bulk erasure passes thousands at once.
    Set<UUID> ids = new TreeSet<>();
    index.lookupAny(org, terms.identifiers(), name()).forEach(id -> Ids.parse(id).ifPresent(ids::add));
    for (SubjectRef ref : terms.refs()) {
      if (ref.type() == SubjectType.USER) {
        Ids.parse(ref.id()).ifPresent(ids::add);
      }
    }
    return withPersonalData(users.findAll(org, ids, lock));
  }

  private void addLookups(OrgId org, Identifier identifier, Set<UUID> ids) {
    for (String recordId : index.lookup(org, identifier.kind(), identifier.value(), name())) {
      Ids.parse(recordId).ifPresent(ids::add);
    }
  }

  private static List<StoredUser> withPersonalData(List<StoredUser> users) {
    return users.stream().filter(u -> !u.anonymized()).toList();
  }

  private static SubjectMatch match(StoredUser user) {
    return new SubjectMatch(SubjectRef.user(user.id().toString()), user.name(), user.identifiers());
  }

  /**
   * The anonymized row: a pseudonym derived from the user id alone (never from personal data),
   * so that re-running an erasure writes the same name.
   */
  static StoredUser anonymize(StoredUser user, Instant now) {
    return new StoredUser(
        user.orgId(), user.id(), "Deleted user " + shortHash(user.id()), null, null, StoredUser.INACTIVE, List.of(), null,
        user.version() + 1, user.createdAt(), now, now);
  }

  private static String shortHash(UUID id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static UserFields fieldsOf(StoredUser u) {
    return new UserFields(u.name(), u.email(), u.title(), u.state(), u.phoneNumbers(), u.personalStatus());
  }

  /**
   * One replacement on one user's searched fields. Reasons name the kind only, never a value, as
   * they end up in request outcomes.
   */
  private UserFields apply(
      OrgId org, UUID userId, UserFields f, ReplacementTerm term, String region, Set<String> reasons) {
    String updated = term.updatedValue() == null ? "" : term.updatedValue().strip();
    switch (term.type()) {
      case NAME -> {
        if (!sameKey(IdentifierKind.NAME, f.name(), term.existingValue(), region)) {
          return f;
        }
        if (updated.isEmpty() || updated.length() > UserValidator.MAX_TEXT) {
          reasons.add("A NAME replacement was skipped: the updated value is empty or too long.");
          return f;
        }
        return new UserFields(updated, f.email(), f.title(), f.state(), f.phoneNumbers(), f.personalStatus());
      }
      case EMAIL -> {
        if (!sameKey(IdentifierKind.EMAIL, f.email(), term.existingValue(), region)) {
          return f;
        }
        if (!Emails.isValid(updated)) {
          reasons.add("An EMAIL replacement was skipped: the updated value is not a valid e-mail address.");
          return f;
        }
        if (users.emailTaken(org, updated, userId)) {
          reasons.add("An EMAIL replacement was skipped: another user of the organization has the updated address.");
          return f;
        }
        return new UserFields(f.name(), updated, f.title(), f.state(), f.phoneNumbers(), f.personalStatus());
      }
      case PHONE -> {
        Optional<String> existing = PhoneNumbers.parse(term.existingValue(), region).map(PhoneNumbers.Parsed::e164);
        if (existing.isEmpty() || f.phoneNumbers().stream().noneMatch(p -> p.e164().equals(existing.get()))) {
          return f;
        }
        Optional<PhoneNumbers.Parsed> replacement = PhoneNumbers.parse(updated, region);
        if (replacement.isEmpty()) {
          reasons.add("A PHONE replacement was skipped: the updated value is not a valid phone number.");
          return f;
        }
        List<PhoneNumber> phones =
            f.phoneNumbers().stream()
                .map(p -> p.e164().equals(existing.get())
                    ? new PhoneNumber(p.type(), replacement.get().display(), replacement.get().e164())
                    : p)
                .toList();
        return new UserFields(f.name(), f.email(), f.title(), f.state(), phones, f.personalStatus());
      }
      default -> {
        return f; // the directory holds no addresses, handles or external ids
      }
    }
  }

  private static boolean sameKey(IdentifierKind kind, String stored, String wanted, String region) {
    Optional<String> a = Normalization.normalize(kind, stored, region);
    return a.isPresent() && a.equals(Normalization.normalize(kind, wanted, region));
  }

  private static Map<String, Object> exportFields(StoredUser u) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", u.id().toString());
    fields.put("name", u.name());
    putIfPresent(fields, "email", u.email());
    putIfPresent(fields, "title", u.title());
    fields.put("state", u.state());
    fields.put(
        "phoneNumbers",
        u.phoneNumbers().stream().map(p -> Map.<String, Object>of("type", p.type(), "display", p.display(), "e164", p.e164())).toList());
    putIfPresent(fields, "personalStatus", u.personalStatus());
    fields.put("dateCreated", u.createdAt().toString());
    fields.put("dateModified", u.updatedAt().toString());
    return fields;
  }

  private static void putIfPresent(Map<String, Object> fields, String key, Object value) {
    if (Objects.nonNull(value)) {
      fields.put(key, value);
    }
  }
}
