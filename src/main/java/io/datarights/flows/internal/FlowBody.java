package io.datarights.flows.internal;

import io.datarights.shared.ApiException;
import java.util.ArrayList;
import java.util.List;

/** A flow as clients send it (POST, PUT); read-only fields are ignored. */
record FlowBody(String name, String description, List<String> promptTexts, Integer version) {

  static final int MAX_NAME = 200;
  static final int MAX_TEXT = 4000;
  static final int MAX_PROMPTS = 500;

  /** The validated fields; the first problem is a 400 naming its field. */
  Valid validate() {
    if (name == null || name.isBlank()) {
      throw ApiException.invalidValue("name", "name is required.");
    }
    String strippedName = name.strip();
    if (strippedName.length() > MAX_NAME) {
      throw ApiException.invalidValue("name", "name must be at most " + MAX_NAME + " characters.");
    }
    String strippedDescription = description == null || description.isBlank() ? null : description.strip();
    if (strippedDescription != null && strippedDescription.length() > MAX_TEXT) {
      throw ApiException.invalidValue("description", "description must be at most " + MAX_TEXT + " characters.");
    }
    List<String> prompts = new ArrayList<>();
    if (promptTexts != null) {
      if (promptTexts.size() > MAX_PROMPTS) {
        throw ApiException.invalidValue("promptTexts", "A flow has at most " + MAX_PROMPTS + " prompt texts.");
      }
      for (int i = 0; i < promptTexts.size(); i++) {
        String prompt = promptTexts.get(i);
        String field = "promptTexts[" + i + "]";
        if (prompt == null || prompt.isBlank()) {
          throw ApiException.invalidValue(field, field + " must not be empty.");
        }
        if (prompt.length() > MAX_TEXT) {
          throw ApiException.invalidValue(field, field + " must be at most " + MAX_TEXT + " characters.");
        }
        prompts.add(prompt);
      }
    }
    return new Valid(strippedName, strippedDescription, prompts);
  }

  record Valid(String name, String description, List<String> promptTexts) {}
}
