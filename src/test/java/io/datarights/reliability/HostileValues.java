package io.datarights.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Values an attacker or a broken client sends. Strings are what a JSON string, a query parameter
 * or a CSV cell may carry; raw fragments are bytes spliced into a JSON document as they are.
 */
final class HostileValues {

  private HostileValues() {}

  /** Strings that probe injection, encoding and storage limits. Never words of our own leak checks. */
  static final List<String> STRINGS =
      List.of(
          "'; drop table directory_users; --",
          "\" or \"1\"=\"1",
          "1' or '1'='1' --",
          "'); delete from gdpr_requests where ('1'='1",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "javascript:alert(1)",
          "../../etc/passwd",
          "..\\..\\windows\\win.ini",
          "/etc/passwd",
          "file:///etc/passwd",
          "%00",
          "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
          "nul\u0000byte",
          "\u0000",
          "tab\tand\nnewline\r\n",
          "\u202Egnp.exe",
          "\uFEFFbom",
          "\u200B\u200C\u200D",
          "Zalgo Z\u0336\u0335\u0334a\u0336l\u0335g\u0334o",
          "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD",
          "lone \uD800 surrogate",
          "\uDFFF",
          "\uFFFF\uFFFE",
          "${jndi:ldap://127.0.0.1:1/a}",
          "#{7*7}${7*7}{{7*7}}",
          "%s%s%s%n",
          "=cmd|'/C calc'!A0",
          "+1+1",
          "@SUM(1+1)",
          "-2+3",
          "",
          " ",
          "\t\n",
          "null",
          "true",
          "0",
          "-1",
          "NaN",
          "1e400",
          "00000000-0000-0000-0000-000000000000",
          "ffffffff-ffff-ffff-ffff-ffffffffffff",
          "not-a-uuid",
          "0000-01-01T00:00:00Z",
          "+10000-01-01T00:00:00Z",
          "-999999999-01-01T00:00:00Z",
          "+999999999-12-31T23:59:59.999999999Z",
          "2024-02-30T25:61:61Z",
          "99999-12-31",
          "0000-00-00",
          "GDPR_EXPORT\u0000",
          "gdpr_export ",
          "ACTIVE",
          "x@example.com\u0000@evil.example",
          "a@b",
          "@@@",
          "+49 30 1234567 ext. 99999999999999999999",
          "+" + "9".repeat(40),
          "é".repeat(300),
          "\u4E2D\u6587".repeat(200),
          "x".repeat(10_000));

  /** Numbers beyond every Java and PostgreSQL integer type, as JSON number text. */
  static final List<String> NUMBERS =
      List.of(
          "1e400",
          "-1e400",
          "1e-400",
          "99999999999999999999999999999999",
          "-99999999999999999999999999999999",
          "2147483648",
          "-2147483649",
          "9223372036854775808",
          "-9223372036854775809",
          "-1",
          "0",
          "-0",
          "1.5",
          "0.0000000000000000000000000001",
          "123456789012345678901234567890.123456789");

  /** JSON values of every type, to put where another type belongs. */
  static final List<String> WRONG_TYPES =
      List.of("123", "-7", "1.25", "true", "false", "\"text\"", "[]", "[1,2,3]", "{}", "{\"a\":{\"b\":1}}", "[[[]]]", "[null]", "\"\"");

  /** Bytes that are not UTF-8, to place inside a JSON string. */
  static final List<byte[]> INVALID_UTF8 =
      List.of(
          new byte[] {(byte) 0xFF},
          new byte[] {(byte) 0xC3, (byte) 0x28},
          new byte[] {(byte) 0xC0, (byte) 0xAF},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0xE2, (byte) 0x82},
          new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80});

  /** Documents that are not JSON, or JSON a lenient parser would accept and a strict one not. */
  static final List<String> MALFORMED =
      List.of(
          "{",
          "}",
          "{\"a\":",
          "{\"a\":1,}",
          "{'a':1}",
          "{a:1}",
          "{\"a\":1}garbage",
          "{\"a\":1}{\"b\":2}",
          "/* comment */ {}",
          "{\"a\":NaN}",
          "{\"a\":Infinity}",
          "{\"a\":undefined}",
          "{\"a\":0x10}",
          "{\"a\":01}",
          "{\"a\":\"unterminated}",
          "{\"a\":\"bad escape \\x41\"}",
          "{\"a\":\"\\uZZZZ\"}",
          "\uFEFF{}",
          "nul\u0000{}",
          "[",
          "\"just a string\"",
          "42",
          "true",
          "null",
          "[]",
          "[{}]");

  /** Fields that must never be taken from a client: ids, ownership, status and dates the server sets. */
  static final List<String> FORBIDDEN_FIELDS =
      List.of(
          "id", "org", "orgId", "org_id", "organizationId", "status", "createdBy", "created_by", "selfUri",
          "createdDate", "completedDate", "dateCreated", "dateModified", "modifiedDate", "verifiedErased", "dueDate",
          "originalDueDate", "resultsUrl", "resultsUrls", "services", "relatedRequests", "stillFound", "packagesDeleted", "version", "size",
          "dateAnonymized", "anonymized", "contactListId", "secret", "permissions", "clientId", "@class", "class",
          "__proto__", "constructor", "$ref");

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A JSON nesting of the given depth: arrays or objects, as the caller wants. */
  static String deepNesting(int depth, boolean objects) {
    StringBuilder json = new StringBuilder(depth * 8);
    for (int i = 0; i < depth; i++) {
      json.append(objects ? "{\"a\":" : "[");
    }
    json.append("1");
    for (int i = 0; i < depth; i++) {
      json.append(objects ? '}' : ']');
    }
    return json.toString();
  }

  /** A JSON string literal of about {@code bytes} bytes. */
  static String hugeString(int bytes) {
    return "\"" + "A".repeat(Math.max(0, bytes - 2)) + "\"";
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
