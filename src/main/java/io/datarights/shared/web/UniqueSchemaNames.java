package io.datarights.shared.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses to document two different types of ours under one schema name. Schemas are named after
 * the simple class name, so two features' {@code ContactView} records would otherwise share one
 * schema and one of them be documented with the other's fields. Types of the same shape may share a
 * name; others need {@code @Schema(name = ...)}, preferably the Genesys name of the shape.
 */
class UniqueSchemaNames implements ModelConverter {

  private record Named(Class<?> type, Object properties) {}

  private final Map<String, Named> byName = new ConcurrentHashMap<>();

  @Override
  public Schema<?> resolve(AnnotatedType annotated, ModelConverterContext context, Iterator<ModelConverter> chain) {
    if (!chain.hasNext()) {
      return null;
    }
    Schema<?> schema = chain.next().resolve(annotated, context, chain);
    JavaType type = Json.mapper().constructType(annotated.getType());
    Class<?> raw = type.getRawClass();
    String name = schema == null ? null : schema.getName() != null ? schema.getName() : referenced(schema.get$ref());
    if (name == null || !raw.getName().startsWith("io.datarights.") || type.isContainerType()) {
      return schema;
    }
    Schema<?> defined = context.getDefinedModels().getOrDefault(name, schema);
    Object properties = defined.getProperties() == null ? null : Set.copyOf(defined.getProperties().keySet());
    Named earlier = byName.putIfAbsent(name, new Named(raw, properties));
    if (earlier != null && earlier.type() != raw && !Objects.equals(earlier.properties(), properties)) {
      throw new IllegalStateException(
          "Two types would be documented as the schema " + name + ": " + earlier.type().getName() + " and "
              + raw.getName() + "; name one of them with @Schema(name = ...)");
    }
    return schema;
  }

  private static String referenced(String ref) {
    String prefix = "#/components/schemas/";
    return ref != null && ref.startsWith(prefix) ? ref.substring(prefix.length()) : null;
  }
}
