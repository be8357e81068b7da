package io.datarights.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The edges of what counts as an identifier: lengths at their limits and the factory methods. */
class IdentifierBoundariesTest {

  @Test
  void anEmailAddressOf254CharactersIsValidAndOneOf255IsNot() {
    String local = "a".repeat(64);
    String longest = local + "@" + domainOfLength(254 - 65);
    String tooLong = local + "@" + domainOfLength(255 - 65);

    assertThat(longest).hasSize(254);
    assertThat(Emails.isValid(longest)).isTrue();
    assertThat(tooLong).hasSize(255);
    assertThat(Emails.isValid(tooLong)).isFalse();
  }

  @Test
  void anEmailAddressNeedsALocalPartADomainAndADot() {
    assertThat(Emails.isValid("anna@example.org")).isTrue();
    assertThat(Emails.isValid("  anna@example.org ")).isTrue();
    assertThat(Emails.isValid(null)).isFalse();
    assertThat(Emails.isValid("anna@example")).isFalse();
    assertThat(Emails.isValid("@example.org")).isFalse();
    assertThat(Emails.isValid("a".repeat(65) + "@example.org")).isFalse();
    assertThat(Emails.isValid("an na@example.org")).isFalse();
  }

  @Test
  void aPhoneNumberWrittenIn64CharactersIsParsedAndOneOf65IsNot() {
    String number = "+49 30 1234567";
    String at64 = number + " ".repeat(63 - number.length()) + "8";
    String at65 = number + " ".repeat(64 - number.length()) + "8";

    assertThat(at64).hasSize(64);
    assertThat(PhoneNumbers.parse(at64, "DE")).map(PhoneNumbers.Parsed::e164).contains("+493012345678");
    assertThat(at65).hasSize(65);
    assertThat(PhoneNumbers.parse(at65, "DE")).isEmpty();
  }

  @Test
  void theFactoryMethodsNameTheirKind() {
    assertThat(Identifier.address("Hauptstraße 1, Berlin"))
        .isEqualTo(new Identifier(IdentifierKind.ADDRESS, "Hauptstraße 1, Berlin"));
    assertThat(Identifier.name("Anna Muster").kind()).isEqualTo(IdentifierKind.NAME);
    assertThat(Identifier.email("a@b.de").kind()).isEqualTo(IdentifierKind.EMAIL);
    assertThat(Identifier.phone("+49301234567").kind()).isEqualTo(IdentifierKind.PHONE);
  }

  private static String domainOfLength(int length) {
    return "d".repeat(length - 3) + ".de";
  }
}
