package io.datarights.flows;

import java.util.List;

/** The free texts of one flow: where a scanner looks for personal data. {@code description} may be null. */
public record FlowText(String flowId, String name, String description, List<String> promptTexts) {

  public FlowText {
    promptTexts = List.copyOf(promptTexts);
  }
}
