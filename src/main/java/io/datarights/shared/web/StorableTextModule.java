package io.datarights.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.datarights.shared.StorableText;
import java.io.IOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses JSON text that cannot be stored (see {@link StorableText}) while a body is read: every
 * string, map key and free-form value ({@code Object}, {@code JsonNode}) is checked, so that the 400
 * names the field and nothing reaches the database, where it would fail as a 500.
 */
@Configuration(proxyBeanMethods = false)
class StorableTextModule {

  @Bean
  Module storableText() {
    SimpleModule module = new SimpleModule("storable-text");
    module.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            boolean text = type == String.class || type == Object.class || JsonNode.class.isAssignableFrom(type);
            if (text) {
              return new Checked(deserializer);
            }
            return StorableTime.TYPES.contains(type) ? new Checked(deserializer) : deserializer;
          }

          @Override
          public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type, KeyDeserializer deserializer) {
            return type.getRawClass() == String.class ? new CheckedKey(deserializer) : deserializer;
          }
        });
    return module;
  }

  /** Raised for such text; {@code ApiErrorHandler} answers it with a 400 naming the field. */
  static final class UnstorableTextException extends InvalidFormatException {
    UnstorableTextException(JsonParser parser, Object value) {
      super(parser, "text that cannot be stored", value, String.class);
    }
  }

  /** Raised for a time outside the years a database column holds; answered as a 400 naming the field. */
  static final class UnstorableTimeException extends InvalidFormatException {
    UnstorableTimeException(JsonParser parser) {
      super(parser, "a time outside the years " + StorableTime.FIRST_YEAR + " to " + StorableTime.LAST_YEAR, null, Object.class);
    }
  }

  private static final class Checked extends DelegatingDeserializer {
    Checked(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new Checked(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return checked(parser, super.deserialize(parser, context));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue) throws IOException {
      return checked(parser, ((JsonDeserializer<Object>) _delegatee).deserialize(parser, context, intoValue));
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types) throws IOException {
      return checked(parser, super.deserializeWithType(parser, context, types));
    }
  }

  private static final class CheckedKey extends KeyDeserializer {
    private final KeyDeserializer delegate;

    CheckedKey(KeyDeserializer delegate) {
      this.delegate = delegate;
    }

    @Override
    public Object deserializeKey(String key, DeserializationContext context) throws IOException {
      if (!StorableText.isStorable(key)) {
        throw new UnstorableTextException(context.getParser(), key);
      }
      return delegate == null ? key : delegate.deserializeKey(key, context);
    }
  }

  private static Object checked(JsonParser parser, Object value) throws InvalidFormatException {
    if (StorableTime.TYPES.contains(value == null ? null : value.getClass()) && !StorableTime.isStorable(value)) {
      throw new UnstorableTimeException(parser);
    }
    if (!storable(value)) {
      throw new UnstorableTextException(parser, value instanceof String ? value : null);
    }
    return value;
  }

  private static boolean storable(Object value) {
    if (value instanceof String text) {
      return StorableText.isStorable(text);
    }
    if (value instanceof Map<?, ?> map) {
      for (var entry : map.entrySet()) {
        if (!storable(entry.getKey()) || !storable(entry.getValue())) {
          return false;
        }
      }
    } else if (value instanceof Collection<?> values) {
      for (Object element : values) {
        if (!storable(element)) {
          return false;
        }
      }
    } else if (value instanceof JsonNode node) {
      if (node.isTextual()) {
        return StorableText.isStorable(node.textValue());
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        var field = fields.next();
        if (!StorableText.isStorable(field.getKey()) || !storable(field.getValue())) {
          return false;
        }
      }
      if (node.isArray()) {
        for (JsonNode element : node) {
          if (!storable(element)) {
            return false;
          }
        }
      }
    } else if (value instanceof Object[] array) {
      for (Object element : array) {
        if (!storable(element)) {
          return false;
        }
      }
    }
    return true;
  }
}
