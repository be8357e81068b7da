package io.datarights.bulkerasure.internal;

import io.datarights.identifiers.Emails;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.Normalization;
import io.datarights.shared.ApiException;
import io.datarights.shared.ErrorBody;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The file of a bulk erasure: UTF-8 CSV with the header {@code type,value} and one subject per
 * line. Every line is checked before anything is filed; the subjects come out normalized (as the
 * identifier index holds them) and without duplicates.
 */
final class SubjectFile {

  /** The identifiers that name one person. */
  static final Set<IdentifierKind> ACCEPTED =
      EnumSet.of(
          IdentifierKind.EMAIL,
          IdentifierKind.PHONE,
          IdentifierKind.TWITTER,
          IdentifierKind.FACEBOOK,
          IdentifierKind.INSTAGRAM,
          IdentifierKind.WHATSAPP,
          IdentifierKind.APPLE_MESSAGES,
          IdentifierKind.EXTERNAL_ID);

  private static final String TYPES = ACCEPTED.stream().map(Enum::name).collect(Collectors.joining(", "));
  private static final int MAX_VALUE = 500;
  /** Problems listed in an answer; a file with more is summarized by the count. */
  private static final int MAX_REPORTED = 100;

  /** The distinct subjects of a valid file, as normalized identifiers, in file order. */
  record Subjects(List<Identifier> identifiers, int lines) {}

  private final String region;
  private final int maxSubjects;
  private final List<ErrorBody.Detail> details = new ArrayList<>();
  private final List<String> descriptions = new ArrayList<>();
  private int badLines;

  private SubjectFile(String region, int maxSubjects) {
    this.region = region;
    this.maxSubjects = maxSubjects;
  }

  /**
   * The subjects of the file; a 400 naming every bad line (up to {@value #MAX_REPORTED}) if any
   * is, a 413 if the file names more than {@code maxSubjects}.
   */
  static Subjects read(InputStream in, String region, int maxSubjects) throws IOException {
    return new SubjectFile(region, maxSubjects).read(in);
  }

  private Subjects read(InputStream in) throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    Set<Identifier> subjects = new LinkedHashSet<>();
    int lines = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
      String header = reader.readLine();
      if (header != null && header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      if (header == null || !isHeader(header)) {
        throw ApiException.invalidValue("file", "The first line of the file must be the header type,value.");
      }
      int number = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        if (++lines > maxSubjects) {
          throw tooMany();
        }
        subject(number, line).ifPresent(subjects::add);
      }
    } catch (CharacterCodingException e) {
      throw ApiException.invalidValue("file", "The file is not UTF-8 text.");
    }
    if (badLines > 0) {
      throw problems();
    }
    if (subjects.isEmpty()) {
      throw ApiException.invalidValue("file", "The file names no subjects: after the header type,value, give one subject per line.");
    }
    return new Subjects(List.copyOf(subjects), lines);
  }

  private static boolean isHeader(String line) {
    List<String> fields = fields(line);
    return fields != null
        && fields.size() == 2
        && fields.get(0).strip().equalsIgnoreCase("type")
        && fields.get(1).strip().equalsIgnoreCase("value");
  }

  /** The line's subject, normalized; empty (and the problem noted) if the line is bad. */
  private Optional<Identifier> subject(int number, String line) {
    List<String> fields = fields(line);
    if (fields == null) {
      return problem(number, "syntax", "has a quote that is not closed");
    }
    if (fields.size() != 2) {
      return problem(number, "syntax", "has " + fields.size() + " fields; a line is type,value (quote a value that holds a comma)");
    }
    String type = fields.get(0).strip().toUpperCase(Locale.ROOT);
    String value = fields.get(1).strip();
    if (type.equals("NAME") || type.equals("ADDRESS")) {
      return problem(number, "type", "has type " + type + ", which strangers share: it names no one person. Give an e-mail address, phone number, social handle or external id instead");
    }
    if (type.equals("USER_ID") || type.equals("EXTERNAL_CONTACT_ID")) {
      return problem(number, "type", "has type " + type + ": a bulk erasure takes identifiers (" + TYPES + "); erase a record by its id with a single GDPR_DELETE request");
    }
    IdentifierKind kind = ACCEPTED.stream().filter(k -> k.name().equals(type)).findFirst().orElse(null);
    if (kind == null) {
      // The type is not echoed: a file with its columns swapped would put a value there.
      return problem(number, "type", "has an unknown type; use one of " + TYPES);
    }
    if (value.isEmpty()) {
      return problem(number, "value", "has no value");
    }
    if (value.length() > MAX_VALUE) {
      return problem(number, "value", "has a value longer than " + MAX_VALUE + " characters");
    }
    if (kind == IdentifierKind.EMAIL && !Emails.isValid(value)) {
      return problem(number, "value", "is not a valid e-mail address");
    }
    // Normalizing a phone number parses it: a number that cannot be one normalizes to nothing.
    Optional<String> normalized = Normalization.normalize(kind, value, region);
    if (normalized.isEmpty()) {
      return problem(number, "value", kind == IdentifierKind.PHONE ? "is not a phone number" : "holds nothing that can be searched for");
    }
    return Optional.of(new Identifier(kind, normalized.get()));
  }

  /**
   * The fields of one CSV line (RFC 4180: a quoted field may hold commas and doubled quotes), or
   * null if a quote is not closed.
   */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(field.toString());
    return fields;
  }

  private <T> Optional<T> problem(int line, String column, String description) {
    badLines++;
    if (details.size() < MAX_REPORTED) {
      String field = "line " + line;
      details.add(new ErrorBody.Detail("invalid." + column, field));
      descriptions.add(field + " " + description);
    }
    return Optional.empty();
  }

  private ApiException problems() {
    String listed =
        String.join("; ", descriptions) + (badLines > MAX_REPORTED ? "; ..." : "");
    String message =
        "Nothing was filed: "
            + (badLines == 1 ? "1 line" : badLines + " lines")
            + " of the file "
            + (badLines == 1 ? "is" : "are")
            + " invalid"
            + (badLines > MAX_REPORTED ? " (the first " + MAX_REPORTED + " here and in details)" : "")
            + ". Lines are numbered as in the file, the header being line 1. "
            + listed
            + ".";
    return new ApiException(HttpStatus.BAD_REQUEST, "invalid.value", message, Map.of(), details, null);
  }

  private ApiException tooMany() {
    return new ApiException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "request.entity.too.large",
        "The file names more than " + maxSubjects + " subjects; split it into files of at most " + maxSubjects + " and file them one after another.",
        Map.of("maxSubjects", Integer.toString(maxSubjects)),
        List.of(new ErrorBody.Detail("request.entity.too.large", "file")),
        null);
  }
}
