package io.datarights.gdpr.internal;

import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.Normalization;
import io.datarights.privacy.SubjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Disambiguation as the seed article asks for it: search by every identifier the data subject
 * gave, then only records that correlate with those identifiers are the subject. Records sharing
 * an e-mail, phone, handle or external id, or one merge set, are taken as one person; a shared
 * name or address never joins records, because strangers share those.
 */
final class PersonGroups {

  /** Identifiers that other people have too. */
  static final Set<IdentifierKind> SHARED_BY_OTHERS = EnumSet.of(IdentifierKind.NAME, IdentifierKind.ADDRESS);

  /** One record found, with the identifiers (of those given) that found it. */
  record Hit(String service, io.datarights.privacy.SubjectMatch match, Set<IdentifierKind> foundBy) {}

  /** Records taken to be one person, and how well they correlate with what was given. */
  record Person(List<Hit> records, Set<IdentifierKind> foundBy, Set<IdentifierKind> given) {

    /** Found by every identifier given, and by more than a name or address. */
    boolean correlates() {
      return foundBy.containsAll(given) && !onlyShared();
    }

    /** Found only by what strangers share: possibly a namesake or a housemate. */
    boolean onlyShared() {
      return SHARED_BY_OTHERS.containsAll(foundBy);
    }

    Set<IdentifierKind> missing() {
      Set<IdentifierKind> missing = EnumSet.noneOf(IdentifierKind.class);
      missing.addAll(given);
      missing.removeAll(foundBy);
      return missing;
    }

    String name() {
      return records.stream().map(h -> h.match().name()).filter(n -> n != null && !n.isBlank()).findFirst().orElse("(no name)");
    }
  }

  private PersonGroups() {}

  static List<Person> group(
      List<Hit> hits, Set<IdentifierKind> given, String region, Function<SubjectRef, List<SubjectRef>> mergeSetOf) {
    int[] parent = new int[hits.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, Integer> firstWithKey = new HashMap<>();
    Map<SubjectRef, Integer> byRef = new HashMap<>();
    for (int i = 0; i < hits.size(); i++) {
      byRef.put(hits.get(i).match().ref(), i);
    }
    for (int i = 0; i < hits.size(); i++) {
      for (Identifier identifier : hits.get(i).match().identifiers()) {
        if (SHARED_BY_OTHERS.contains(identifier.kind())) {
          continue;
        }
        int index = i;
        Normalization.normalize(identifier.kind(), identifier.value(), region)
            .ifPresent(key -> {
              Integer other = firstWithKey.putIfAbsent(identifier.kind() + ":" + key, index);
              if (other != null) {
                union(parent, index, other);
              }
            });
      }
      for (SubjectRef member : mergeSetOf.apply(hits.get(i).match().ref())) {
        Integer other = byRef.get(member);
        if (other != null) {
          union(parent, i, other);
        }
      }
    }
    Map<Integer, List<Hit>> groups = new LinkedHashMap<>();
    for (int i = 0; i < hits.size(); i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(hits.get(i));
    }
    List<Person> people = new ArrayList<>();
    for (List<Hit> records : groups.values()) {
      Set<IdentifierKind> foundBy = EnumSet.noneOf(IdentifierKind.class);
      records.forEach(h -> foundBy.addAll(h.foundBy()));
      people.add(new Person(List.copyOf(records), foundBy, given));
    }
    people.sort(
        Comparator.comparing((Person p) -> !p.correlates())
            .thenComparing(Person::onlyShared)
            .thenComparing(p -> -p.foundBy().size())
            .thenComparing(Person::name));
    return people;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }
}
