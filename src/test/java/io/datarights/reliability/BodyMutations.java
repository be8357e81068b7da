package io.datarights.reliability;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile variations of a valid JSON body, one category at a time. A variation is made by putting
 * a marker where the hostile part goes and splicing raw bytes in its place, so that it can be
 * anything: another type, broken UTF-8, 10,000 levels of nesting, a number no type holds.
 */
final class BodyMutations {

  /** Categories of hostile bodies, as the figures name them. */
  enum Category {
    WRONG_TYPE("wrong type for a field"),
    NULLS("null for a field or the body"),
    HUGE_STRING_WITHIN_LIMIT("~1 MB string, body within the 1 MB limit"),
    HUGE_STRING_OVER_LIMIT("~1.1 MB string, body over the 1 MB limit"),
    DEEP_NESTING("10,000 levels of nested arrays or objects"),
    INVALID_UTF8("bytes that are not UTF-8 inside a string"),
    DUPLICATE_KEYS("a key given twice with different values"),
    NUMBER_OUT_OF_RANGE("numbers beyond every integer type, fractions, -0"),
    UNKNOWN_FIELDS("extra fields: ids, org, status, dates, @class, __proto__"),
    ARRAY_FOR_OBJECT("an array where an object belongs and the reverse"),
    EMPTY_BODY("no body, blank body, {}"),
    WRONG_CONTENT_TYPE("valid JSON under another or no content type"),
    HOSTILE_STRING("SQL, HTML, path fragments, NUL, RTL override, lone surrogates, odd dates"),
    MALFORMED_JSON("truncated, trailing garbage, comments, NaN, single quotes"),
    OTHER_ORG_IDS("ids of another org in the path or the body"),
    MALFORMED_PATH_ID("malformed ids in the path");

    final String description;

    Category(String description) {
      this.description = description;
    }
  }

  /** One hostile request: what it is, its (encoded) path, content type (null: none) and body. */
  record Attempt(Category category, String what, String path, String contentType, byte[] body) {
    String describe() {
      String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
      return path + " [" + category + ": " + what + "] " + (contentType == null ? "(no content type) " : "")
          + text + (body.length > 300 ? "... (" + body.length + " bytes)" : "");
    }
  }

  private static final String MARKER = "\u0001hostile\u0001";
  private static final String QUOTED_MARKER = "\"\\u0001hostile\\u0001\"";

  private static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data",
          "multipart/form-data; boundary=x",
          "application/json; charset=utf-16",
          "application/json; charset=no-such-charset",
          "application/json; charset=\"",
          "application/octet-stream",
          "*/*",
          "application/*",
          "@@@",
          "",
          "application/json;;;;",
          "text/html; charset=utf-8");

  private final Random random;
  private final Map<String, String> foreignIds;

  BodyMutations(Random random, Map<String, String> foreignIds) {
    this.random = random;
    this.foreignIds = foreignIds;
  }

  /** Every place in the body: object fields and array elements, at any depth (not the root). */
  static List<JsonPointer> paths(JsonNode body) {
    List<JsonPointer> paths = new ArrayList<>();
    collect(body, JsonPointer.empty(), paths);
    return paths;
  }

  private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> into) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var field = it.next();
        JsonPointer child = at.append(JsonPointer.compile("/" + escape(field.getKey())));
        into.add(child);
        collect(field.getValue(), child, into);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonPointer child = at.append(JsonPointer.compile("/" + i));
        into.add(child);
        collect(node.get(i), child, into);
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** A hostile variation of the body in the given category, aimed at the given place (or a random one). */
  Attempt mutate(Category category, String path, JsonNode valid, JsonPointer target) {
    List<JsonPointer> paths = paths(valid);
    JsonPointer at = target != null ? target : paths.isEmpty() ? null : HostileValues.pick(random, paths);
    return switch (category) {
      case WRONG_TYPE -> splice(category, path, valid, at, HostileValues.pick(random, HostileValues.WRONG_TYPES));
      case NULLS -> at == null || random.nextInt(8) == 0
          ? raw(category, "null body", path, "null")
          : splice(category, path, valid, at, "null");
      case HUGE_STRING_WITHIN_LIMIT -> splice(category, path, valid, at, HostileValues.hugeString(1_000_000 - size(valid)));
      case HUGE_STRING_OVER_LIMIT -> splice(category, path, valid, at, HostileValues.hugeString(1_100_000));
      case DEEP_NESTING -> {
        String deep = HostileValues.deepNesting(10_000, random.nextBoolean());
        yield at == null || random.nextInt(4) == 0 ? raw(category, "deep body", path, deep) : splice(category, path, valid, at, deep);
      }
      case INVALID_UTF8 -> invalidUtf8(path, valid, at);
      case DUPLICATE_KEYS -> duplicateKey(path, valid);
      case NUMBER_OUT_OF_RANGE -> splice(category, path, valid, at, HostileValues.pick(random, HostileValues.NUMBERS));
      case UNKNOWN_FIELDS -> unknownFields(path, valid);
      case ARRAY_FOR_OBJECT -> arrayForObject(path, valid);
      case EMPTY_BODY -> raw(category, "empty", path, HostileValues.pick(random, List.of("", " ", "\r\n", "{}", "[]", "\"\"")));
      case WRONG_CONTENT_TYPE -> {
        String type = random.nextInt(6) == 0 ? null : HostileValues.pick(random, CONTENT_TYPES);
        yield new Attempt(category, "content type " + type, path, type, bytes(valid));
      }
      case HOSTILE_STRING -> hostileString(path, valid, at);
      case MALFORMED_JSON -> raw(category, "malformed", path, HostileValues.pick(random, HostileValues.MALFORMED));
      case OTHER_ORG_IDS -> foreignIdInBody(path, valid);
      case MALFORMED_PATH_ID -> throw new IllegalArgumentException("path ids are made by the caller");
    };
  }

  private Attempt splice(Category category, String path, JsonNode valid, JsonPointer at, String fragment) {
    return splice(category, path, valid, at, fragment.getBytes(StandardCharsets.UTF_8));
  }

  /** The body with the value at {@code at} (the whole body when null) replaced by raw bytes. */
  private Attempt splice(Category category, String path, JsonNode valid, JsonPointer at, byte[] fragment) {
    String what = (at == null ? "body" : at.toString()) + " = " + preview(fragment);
    if (at == null) {
      return new Attempt(category, what, path, "application/json", fragment);
    }
    JsonNode copy = valid.deepCopy();
    replace(copy, at, TextNode.valueOf(MARKER));
    return new Attempt(category, what, path, "application/json", spliceAtMarker(text(copy), fragment));
  }

  private Attempt raw(Category category, String what, String path, String body) {
    return new Attempt(category, what + ": " + preview(body.getBytes(StandardCharsets.UTF_8)), path, "application/json",
        body.getBytes(StandardCharsets.UTF_8));
  }

  private Attempt invalidUtf8(String path, JsonNode valid, JsonPointer at) {
    byte[] bad = HostileValues.pick(random, HostileValues.INVALID_UTF8);
    ByteArrayOutputStream fragment = new ByteArrayOutputStream();
    fragment.writeBytes("\"ab".getBytes(StandardCharsets.UTF_8));
    fragment.writeBytes(bad);
    fragment.writeBytes("cd\"".getBytes(StandardCharsets.UTF_8));
    if (valid.isObject() && (at == null || random.nextInt(6) == 0)) {
      // In a field name as well.
      ObjectNode root = valid.deepCopy();
      root.put(MARKER, 1);
      return new Attempt(Category.INVALID_UTF8, "field name with bytes " + preview(bad), path, "application/json",
          spliceAtMarker(text(root), fragment.toByteArray()));
    }
    return splice(Category.INVALID_UTF8, path, valid, at, fragment.toByteArray());
  }

  /** The UTF-8 bytes of a JSON text with the quoted marker replaced by raw bytes. */
  private static byte[] spliceAtMarker(String text, byte[] fragment) {
    int marker = text.indexOf(QUOTED_MARKER);
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + fragment.length);
    out.writeBytes(text.substring(0, marker).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(fragment);
    out.writeBytes(text.substring(marker + QUOTED_MARKER.length()).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private Attempt duplicateKey(String path, JsonNode valid) {
    List<JsonPointer> objects = new ArrayList<>(paths(valid).stream().filter(p -> valid.at(p).isObject() && valid.at(p).size() > 0).toList());
    if (valid.isObject() && valid.size() > 0) {
      objects.add(JsonPointer.empty());
    }
    if (objects.isEmpty()) {
      return unknownFields(path, valid);
    }
    JsonPointer at = HostileValues.pick(random, objects);
    JsonNode object = valid.at(at);
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    String key = HostileValues.pick(random, names);
    String other = random.nextBoolean() ? HostileValues.pick(random, HostileValues.WRONG_TYPES) : quoted(HostileValues.pick(random, HostileValues.STRINGS));
    StringBuilder text = new StringBuilder("{");
    boolean duplicateFirst = random.nextBoolean();
    if (duplicateFirst) {
      text.append(quoted(key)).append(':').append(other).append(',');
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      var field = it.next();
      text.append(quoted(field.getKey())).append(':').append(text(field.getValue())).append(',');
    }
    if (!duplicateFirst) {
      text.append(quoted(key)).append(':').append(other).append(',');
    }
    text.setLength(text.length() - 1);
    text.append('}');
    Attempt spliced = splice(Category.DUPLICATE_KEYS, path, valid, at.matches() ? null : at, text.toString());
    return new Attempt(Category.DUPLICATE_KEYS, "duplicate " + at + "/" + key, path, spliced.contentType(), spliced.body());
  }

  private Attempt unknownFields(String path, JsonNode valid) {
    JsonNode copy = valid.deepCopy();
    List<ObjectNode> objects = new ArrayList<>();
    if (copy.isObject()) {
      objects.add((ObjectNode) copy);
    }
    for (JsonPointer p : paths(copy)) {
      if (copy.at(p).isObject()) {
        objects.add((ObjectNode) copy.at(p));
      }
    }
    if (objects.isEmpty()) {
      return raw(Category.UNKNOWN_FIELDS, "object for scalar", path, "{\"id\":\"x\",\"orgId\":\"y\"}");
    }
    List<String> added = new ArrayList<>();
    int n = 1 + random.nextInt(5);
    for (int i = 0; i < n; i++) {
      ObjectNode object = HostileValues.pick(random, objects);
      String name = random.nextInt(4) == 0 ? "x" + random.nextInt(1000) : HostileValues.pick(random, HostileValues.FORBIDDEN_FIELDS);
      JsonNode value = random.nextBoolean()
          ? TextNode.valueOf(HostileValues.pick(random, HostileValues.STRINGS))
          : HostileWorld.json(HostileValues.pick(random, HostileValues.WRONG_TYPES));
      if (name.equals("@class")) {
        value = TextNode.valueOf("java.lang.ProcessBuilder");
      }
      object.set(name, value);
      added.add(name);
    }
    return new Attempt(Category.UNKNOWN_FIELDS, "extra " + added, path, "application/json", bytes(copy));
  }

  private Attempt arrayForObject(String path, JsonNode valid) {
    List<JsonPointer> containers = new ArrayList<>(paths(valid).stream().filter(p -> valid.at(p).isContainerNode()).toList());
    containers.add(JsonPointer.empty());
    JsonPointer at = HostileValues.pick(random, containers);
    JsonNode node = valid.at(at);
    String fragment;
    if (node.isObject()) {
      fragment = "[" + text(node) + "]";
    } else {
      ObjectNode object = HostileWorld.JSON.createObjectNode();
      for (int i = 0; i < node.size(); i++) {
        object.set(Integer.toString(i), node.get(i));
      }
      fragment = random.nextBoolean() ? text(object) : node.size() > 0 ? text(node.get(0)) : "{}";
    }
    return splice(Category.ARRAY_FOR_OBJECT, path, valid, at.matches() ? null : at, fragment);
  }

  private Attempt hostileString(String path, JsonNode valid, JsonPointer at) {
    String value = HostileValues.pick(random, HostileValues.STRINGS);
    List<JsonPointer> scalars = paths(valid).stream().filter(p -> valid.at(p).isValueNode()).toList();
    JsonPointer target = at != null && valid.at(at).isValueNode() ? at : scalars.isEmpty() ? at : HostileValues.pick(random, scalars);
    if (target == null) {
      return raw(Category.HOSTILE_STRING, "string body", path, quoted(value));
    }
    JsonNode copy = valid.deepCopy();
    replace(copy, target, TextNode.valueOf(value));
    return new Attempt(Category.HOSTILE_STRING, target + " = " + preview(value.getBytes(StandardCharsets.UTF_8)), path, "application/json", bytes(copy));
  }

  private Attempt foreignIdInBody(String path, JsonNode valid) {
    List<JsonPointer> ids =
        paths(valid).stream()
            .filter(p -> valid.at(p).isTextual() && valid.at(p).asText().matches("[0-9a-f]{8}-[0-9a-f-]{27}"))
            .toList();
    List<String> foreign = List.copyOf(foreignIds.values());
    if (ids.isEmpty()) {
      return hostileString(path, valid, null);
    }
    JsonPointer at = HostileValues.pick(random, ids);
    JsonNode copy = valid.deepCopy();
    String id = HostileValues.pick(random, foreign);
    replace(copy, at, TextNode.valueOf(id));
    return new Attempt(Category.OTHER_ORG_IDS, at + " = other org's " + id, path, "application/json", bytes(copy));
  }

  /** Replaces (or adds) the value at a pointer inside a copy of a body. */
  static void replace(JsonNode root, JsonPointer at, JsonNode value) {
    JsonNode parent = root.at(at.head());
    String last = at.last().getMatchingProperty();
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value);
    } else if (!(parent instanceof ContainerNode<?>)) {
      throw new IllegalArgumentException("no container at " + at.head());
    }
  }

  private static int size(JsonNode valid) {
    return bytes(valid).length;
  }

  static byte[] bytes(JsonNode node) {
    return text(node).getBytes(StandardCharsets.UTF_8);
  }

  static String text(JsonNode node) {
    try {
      return HostileWorld.JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quoted(String value) {
    return text(TextNode.valueOf(value));
  }

  static String preview(byte[] bytes) {
    if (bytes.length > 60) {
      return new String(bytes, 0, 40, StandardCharsets.UTF_8) + "...(" + bytes.length + " bytes)";
    }
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xFF;
      out.append(c < 0x20 || c >= 0x7F ? String.format("\\x%02X", c) : String.valueOf((char) c));
    }
    return out.toString();
  }
}
