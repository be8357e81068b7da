package io.datarights.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class NormalizationProperties {

  @Property
  void normalizingTwiceChangesNothing(@ForAll IdentifierKind kind, @ForAll String value) {
    var once = Normalization.normalize(kind, value, "DE");

    once.ifPresent(key -> assertThat(Normalization.normalize(kind, key, "DE")).contains(key));
  }

  @Property
  void formattingVariantsOfAGermanNumberMeetAtOneKey(
      @ForAll @IntRange(min = 30, max = 89) int area, @ForAll("subscriber") String subscriber, @ForAll int style) {
    String digits = area + subscriber;
    String expected = "+49" + digits;
    List<String> variants =
        List.of(
            "+49 " + area + " " + subscriber,
            "0" + area + " " + subscriber,
            "(0" + area + ") " + subscriber.substring(0, 3) + "-" + subscriber.substring(3),
            "0049" + digits,
            "+49-" + area + "-" + subscriber,
            "+49 (0)" + area + " " + subscriber);
    String variant = variants.get(Math.floorMod(style, variants.size()));

    assertThat(Normalization.normalize(IdentifierKind.PHONE, variant, "DE")).contains(expected);
  }

  @Property
  void aNumberWithCountryCodeIsReadTheSameInAnyRegion(
      @ForAll("subscriber") String subscriber, @ForAll("region") String region) {
    String number = "+44 20 " + subscriber;

    assertThat(Normalization.normalize(IdentifierKind.PHONE, number, region)).contains("+4420" + subscriber);
  }

  @Property
  void emailCaseAndSurroundingSpaceDoNotMatter(@ForAll("email") String email, @ForAll long seed) {
    String variant = "  " + randomCase(email, new Random(seed)) + "\t";

    assertThat(Normalization.normalize(IdentifierKind.EMAIL, variant, "DE"))
        .isEqualTo(Normalization.normalize(IdentifierKind.EMAIL, email, "DE"))
        .contains(email.toLowerCase(Locale.ROOT));
  }

  @Property
  void nameTokenOrderCaseAndDiacriticsDoNotMatter(@ForAll("names") List<String> tokens, @ForAll long seed) {
    Random random = new Random(seed);
    List<String> shuffled = new ArrayList<>(tokens);
    Collections.shuffle(shuffled, random);
    String plain = String.join(" ", tokens);
    String variant = randomCase(String.join("  ", shuffled.stream().map(NormalizationProperties::accent).toList()), random);

    assertThat(Normalization.normalize(IdentifierKind.NAME, variant, "DE"))
        .isEqualTo(Normalization.normalize(IdentifierKind.NAME, plain, "DE"));
  }

  @Property
  void socialHandlesIgnoreAtSignAndCase(@ForAll("handle") String handle) {
    assertThat(Normalization.normalize(IdentifierKind.TWITTER, "@" + handle.toUpperCase(Locale.ROOT), "DE"))
        .contains(handle.toLowerCase(Locale.ROOT));
  }

  @Property
  void anythingThatIsNotAPhoneNumberHasNoPhoneKey(@ForAll("letters") String letters) {
    assertThat(Normalization.normalize(IdentifierKind.PHONE, letters, "DE")).isEmpty();
  }

  @Provide
  Arbitrary<String> subscriber() {
    return Arbitraries.strings().numeric().ofLength(7).filter(s -> s.charAt(0) != '0');
  }

  @Provide
  Arbitrary<String> region() {
    return Arbitraries.of("DE", "US", "FR", "GB", "JP", "BR");
  }

  @Provide
  Arbitrary<String> email() {
    Arbitrary<String> local = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('.', '_', '+').ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> domain = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> tld = Arbitraries.of("de", "com", "org", "co.uk");
    return Combinators.combine(local, domain, tld).as((l, d, t) -> l + "@" + d + "." + t);
  }

  @Provide
  Arbitrary<List<String>> names() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10).list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> handle() {
    return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('_').ofMinLength(1).ofMaxLength(15);
  }

  @Provide
  Arbitrary<String> letters() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20);
  }

  /** Adds a diacritic to vowels, as the same name is often written with or without them. */
  private static String accent(String token) {
    return token.replace('a', 'á').replace('e', 'è').replace('o', 'ö').replace('u', 'ü');
  }

  private static String randomCase(String value, Random random) {
    StringBuilder result = new StringBuilder();
    for (char c : value.toCharArray()) {
      result.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return result.toString();
  }
}
