package io.datarights.demo.internal;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic, clearly fake people: the same seed gives the same people. E-mail addresses use
 * the reserved {@code example.*} domains and social handles start with {@code fake_}.
 */
final class FakePeople {

  private static final List<String> FIRST =
      List.of(
          "Jürgen", "Anna", "Zoë", "José", "Chloé", "Søren", "Małgorzata", "Mehmet", "Fatima", "Liam",
          "Emma", "Noah", "Olivia", "Lukas", "Léa", "Mateo", "Sofia", "Ayşe", "Björn", "Inès", "Jan",
          "Marie", "Paul", "Clara", "Felix", "Hannah", "Jonas", "Lena", "Elias", "Mia", "Ben", "Emilia",
          "Luis", "Ida", "Henry", "Nora", "Theo", "Ella", "Oskar", "Lina");
  private static final List<String> LAST =
      List.of(
          "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
          "Hoffmann", "Dubois", "Lefèvre", "García", "Fernández", "Rossi", "Bianchi", "Kowalski",
          "Nowak", "Jensen", "Andersson", "Yılmaz", "Öztürk", "Smith", "Brown", "O'Connor", "Novák",
          "Horváth", "Łukasik", "Nguyễn", "Popescu", "Van der Berg", "Król", "Ibáñez", "Duarte",
          "Laurent", "Wolf", "Krüger", "Zimmermann", "Hartmann", "Lange");
  private static final List<String> DOMAINS = List.of("example.com", "example.org", "example.net");
  private static final List<String> CITIES = List.of("Berlin", "München", "Köln", "Hamburg", "Leipzig", "Düsseldorf");
  private static final List<String> STREETS = List.of("Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Lindenallee");

  /**
   * One person with the identifiers the generator spreads over the services. The phone numbers
   * are not from a reserved range (Germany keeps none big enough); nothing ever dials them.
   */
  record Person(
      long number, String firstName, String lastName, String email, String phoneE164, String street,
      String postalCode, String city, String twitter) {

    String fullName() {
      return firstName + " " + lastName;
    }

    /** The same e-mail as a person might type it elsewhere: other letter case. */
    String emailVariant() {
      return email.substring(0, 1).toUpperCase(Locale.ROOT) + email.substring(1);
    }

    /** The same number in national format with spaces, as typed in a form. */
    String phoneNational() {
      String national = "0" + phoneE164.substring(3);
      return national.substring(0, 4) + " " + national.substring(4);
    }
  }

  private FakePeople() {}

  /** The n-th person of a seed: independent of how many were generated before. */
  static Person person(long seed, long n) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
    String first = FIRST.get(random.nextInt(FIRST.size()));
    String last = LAST.get(random.nextInt(LAST.size()));
    String local = ascii(first + "." + last) + "." + n;
    String email = local + "@" + DOMAINS.get(random.nextInt(DOMAINS.size()));
    // Distinct for the first 90 million people; nothing ever dials them.
    String phone = "+4930" + (10_000_000L + n % 90_000_000L);
    String street = STREETS.get(random.nextInt(STREETS.size())) + " " + (1 + random.nextInt(200));
    String postal = String.format("%05d", 10000 + random.nextInt(89999));
    String city = CITIES.get(random.nextInt(CITIES.size()));
    String twitter = "fake_" + ascii(first).toLowerCase(Locale.ROOT) + "_" + n;
    return new Person(n, first, last, email, phone, street, postal, city, twitter);
  }

  static String ascii(String value) {
    String special = value.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("ı", "i");
    String decomposed = java.text.Normalizer.normalize(special, java.text.Normalizer.Form.NFKD);
    return decomposed.replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
