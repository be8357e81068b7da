package io.datarights.gdpr.internal;

import io.datarights.console.ConsolePage;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.privacy.SubjectMatch;
import io.datarights.security.Caller;
import io.datarights.security.Permissions;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /console/subjects}: search by every identifier the data subject gave at once, see the
 * records grouped per person with what found them, and pick the ones to file requests for.
 */
@ConsolePage
class SubjectsConsolePage {

  static final List<IdentifierKind> HANDLE_TYPES =
      List.of(IdentifierKind.TWITTER, IdentifierKind.FACEBOOK, IdentifierKind.INSTAGRAM, IdentifierKind.WHATSAPP, IdentifierKind.APPLE_MESSAGES);

  private final SubjectSearch search;
  private final PersonalDataServices services;
  private final IdentifierIndex index;

  SubjectsConsolePage(SubjectSearch search, PersonalDataServices services, IdentifierIndex index) {
    this.search = search;
    this.services = services;
    this.index = index;
  }

  /** The search form as submitted; each field is one identifier the subject gave. */
  static final class Query {
    private String name = "";
    private String email = "";
    private String phone = "";
    private String address = "";
    private String handleType = "TWITTER";
    private String handle = "";
    private String externalId = "";

    /** Field name of the form → the identifier it searches, for the fields filled in. */
    Map<String, Identifier> given() {
      Map<String, Identifier> given = new LinkedHashMap<>();
      put(given, "name", IdentifierKind.NAME, name);
      put(given, "email", IdentifierKind.EMAIL, email);
      put(given, "phone", IdentifierKind.PHONE, phone);
      put(given, "address", IdentifierKind.ADDRESS, address);
      if (!handle.isBlank()) {
        IdentifierKind kind;
        try {
          kind = IdentifierKind.valueOf(handleType.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          kind = null;
        }
        if (kind == null || !HANDLE_TYPES.contains(kind)) {
          throw ApiException.invalidValue("handleType", "Choose the kind of social handle.");
        }
        put(given, "handle", kind, handle);
      }
      put(given, "externalId", IdentifierKind.EXTERNAL_ID, externalId);
      return given;
    }

    private static void put(Map<String, Identifier> given, String field, IdentifierKind kind, String value) {
      if (value != null && !value.isBlank()) {
        given.put(field, new Identifier(kind, value.strip()));
      }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? "" : name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email == null ? "" : email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone == null ? "" : phone; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address == null ? "" : address; }
    public String getHandleType() { return handleType; }
    public void setHandleType(String handleType) { this.handleType = handleType == null ? "TWITTER" : handleType; }
    public String getHandle() { return handle; }
    public void setHandle(String handle) { this.handle = handle == null ? "" : handle; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId == null ? "" : externalId; }
  }

  /** A record on the page: where it lives, who it is, and the token its checkbox files a request with. */
  record RecordView(
      String token, String service, String kind, String id, String name, List<String> emails, List<String> phones,
      List<String> addresses, List<String> handles, List<String> foundBy) {}

  record PersonView(String name, String verdict, String verdictClass, List<RecordView> records) {}

  /** An identifier the subject gave that a request can be filed by directly. */
  record GivenIdentifier(String token, String label) {}

  @GetMapping("/console/subjects")
  @RequiresPermission(Permissions.GDPR_SUBJECT_VIEW)
  String subjects(Caller caller, @ModelAttribute("query") Query query, Model model) {
    Map<String, String> fieldErrors = new LinkedHashMap<>();
    Map<String, Identifier> given;
    try {
      given = query.given();
    } catch (ApiException e) {
      fieldErrors.put("handleType", e.getMessage());
      given = Map.of();
    }
    model.addAttribute("handleTypes", HANDLE_TYPES.stream().map(Enum::name).toList());
    model.addAttribute("searched", !given.isEmpty());
    if (given.isEmpty()) {
      model.addAttribute("fieldErrors", fieldErrors);
      return "console/gdpr/subjects";
    }
    Map<io.datarights.privacy.SubjectRef, PersonGroups.Hit> hits = new LinkedHashMap<>();
    for (Map.Entry<String, Identifier> field : given.entrySet()) {
      Identifier identifier = field.getValue();
      try {
        for (SubjectSearch.Found found : search.search(caller, identifier.kind(), identifier.value())) {
          SubjectMatch match = found.match();
          hits.computeIfAbsent(match.ref(), r -> new PersonGroups.Hit(found.service(), match, EnumSet.noneOf(IdentifierKind.class)))
              .foundBy().add(identifier.kind());
        }
      } catch (ApiException e) {
        if (e.status().value() == 429) {
          throw e;
        }
        fieldErrors.put(field.getKey(), e.getMessage());
      }
    }
    Set<IdentifierKind> givenKinds = given.values().stream().map(Identifier::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(IdentifierKind.class)));
    List<PersonGroups.Person> people =
        PersonGroups.group(new ArrayList<>(hits.values()), givenKinds, index.regionOf(caller.orgId()), ref -> services.relatedTo(caller.orgId(), ref));
    model.addAttribute("fieldErrors", fieldErrors);
    model.addAttribute("people", people.stream().map(SubjectsConsolePage::view).toList());
    model.addAttribute("recordCount", hits.size());
    model.addAttribute(
        "fileableIdentifiers",
        given.values().stream()
            .filter(i -> !PersonGroups.SHARED_BY_OTHERS.contains(i.kind()))
            .map(i -> new GivenIdentifier(FilingTarget.token(i), label(i.kind()) + " " + i.value()))
            .toList());
    return "console/gdpr/subjects";
  }

  private static PersonView view(PersonGroups.Person person) {
    String verdict;
    String verdictClass;
    if (person.correlates()) {
      verdict = "Found by every identifier you gave: " + labels(person.foundBy()) + ".";
      verdictClass = "strong";
    } else if (person.onlyShared()) {
      verdict = "Found only by " + labels(person.foundBy()) + ", which other people share. Possibly someone else: check before filing.";
      verdictClass = "weak";
    } else {
      verdict = "Found by " + labels(person.foundBy()) + "; not by " + labels(person.missing()) + ".";
      verdictClass = "partial";
    }
    return new PersonView(person.name(), verdict, verdictClass, person.records().stream().map(SubjectsConsolePage::record).toList());
  }

  private static RecordView record(PersonGroups.Hit hit) {
    SubjectMatch match = hit.match();
    List<String> emails = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    List<String> handles = new ArrayList<>();
    for (Identifier identifier : match.identifiers()) {
      switch (identifier.kind()) {
        case EMAIL -> emails.add(identifier.value());
        case PHONE -> phones.add(identifier.value());
        case ADDRESS -> addresses.add(identifier.value());
        case NAME -> {}
        default -> handles.add(label(identifier.kind()) + " " + identifier.value());
      }
    }
    return new RecordView(
        FilingTarget.token(match.ref()), hit.service(), kindLabel(match.ref().type()), match.ref().id(), match.name(),
        emails, phones, addresses, handles, hit.foundBy().stream().map(SubjectsConsolePage::label).toList());
  }

  static String kindLabel(io.datarights.privacy.SubjectType type) {
    return switch (type) {
      case USER -> "Employee (directory user)";
      case EXTERNAL_CONTACT -> "External contact";
      case DIALER_CONTACT -> "Dialer contact";
      case JOURNEY_CUSTOMER -> "Web visitor (journey)";
    };
  }

  static String label(IdentifierKind kind) {
    return switch (kind) {
      case NAME -> "name";
      case ADDRESS -> "address";
      case PHONE -> "phone";
      case EMAIL -> "e-mail";
      case EXTERNAL_ID -> "external id";
      case APPLE_MESSAGES -> "Apple Messages";
      case WHATSAPP -> "WhatsApp";
      default -> kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT);
    };
  }

  private static String labels(Set<IdentifierKind> kinds) {
    return kinds.stream().map(SubjectsConsolePage::label).collect(Collectors.joining(", "));
  }
}
