package io.datarights.bulkerasure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.shared.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubjectFileTest {

  private static SubjectFile.Subjects read(String csv) throws Exception {
    return SubjectFile.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "DE", 5);
  }

  @Test
  void valuesComeOutNormalizedAndFormattingVariantsOfOneSubjectCountOnce() throws Exception {
    SubjectFile.Subjects subjects =
        read("\uFEFFType , Value\r\nEMAIL, Jane.Roe@Example.COM \r\nemail,jane.roe@example.com\nPHONE,\"0171 234-5678\"\n\nTWITTER,@JaneRoe\n");

    assertThat(subjects.identifiers())
        .containsExactly(
            new Identifier(IdentifierKind.EMAIL, "jane.roe@example.com"),
            new Identifier(IdentifierKind.PHONE, "+491712345678"),
            new Identifier(IdentifierKind.TWITTER, "janeroe"));
    assertThat(subjects.lines()).isEqualTo(4);
  }

  @Test
  void aQuotedValueMayHoldCommasAndQuotes() {
    assertThat(SubjectFile.fields("EXTERNAL_ID,\"CRM, \"\"gold\"\" 42\"")).containsExactly("EXTERNAL_ID", "CRM, \"gold\" 42");
    assertThat(SubjectFile.fields("EMAIL,\"unclosed")).isNull();
    assertThat(SubjectFile.fields("EMAIL,")).containsExactly("EMAIL", "");
  }

  @Test
  void moreSubjectsThanAllowedIsA413() {
    assertThatThrownBy(() -> read("type,value\n" + "EMAIL,a@example.com\n".repeat(6)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(413));
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() {
    byte[] latin1 = "type,value\nEMAIL,j\u00fcrgen@example.com\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> SubjectFile.read(new ByteArrayInputStream(latin1), "DE", 5))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("not UTF-8"));
  }

  @Test
  void aHundredAndOneBadLinesReportTheFirstHundred() {
    assertThatThrownBy(() -> SubjectFile.read(
            new ByteArrayInputStream(("type,value\n" + "NAME,Jane\n".repeat(101)).getBytes(StandardCharsets.UTF_8)), "DE", 1000))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.details()).hasSize(100);
          assertThat(e.getMessage()).startsWith("Nothing was filed: 101 lines of the file are invalid (the first 100 here and in details)");
        });
  }
}
