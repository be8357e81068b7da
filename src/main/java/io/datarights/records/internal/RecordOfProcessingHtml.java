package io.datarights.records.internal;

import io.datarights.records.ControllerDetails;
import io.datarights.records.internal.HtmlWriter.Fact;
import java.util.ArrayList;
import java.util.List;

/** The record of processing as a printable document. */
final class RecordOfProcessingHtml {

  private RecordOfProcessingHtml() {}

  static String render(RecordOfProcessing record) {
    ControllerDetails c = record.controller();
    String controllerName = c == null ? record.organization().name() : c.controllerName();
    HtmlWriter html = new HtmlWriter("Record of processing activities — " + controllerName);
    html.h1("Record of processing activities")
        .meta("Art. 30(1) GDPR. Controller: " + controllerName + ". Generated " + record.generatedDate()
            + " from the data inventory of its services (" + record.processingActivities().size() + ").");
    if (!record.complete()) {
      html.p("This record is not complete yet:").gaps(record.gaps());
    }
    html.h2("Controller");
    if (c == null) {
      html.p("The controller details are not set.");
    } else {
      List<Fact> facts = new ArrayList<>();
      facts.add(new Fact("Controller", c.controllerName()));
      facts.add(new Fact("Address", c.address()));
      facts.add(new Fact("Contact e-mail", c.contactEmail()));
      facts.add(new Fact("Data protection officer", c.dpoName() + " <" + c.dpoEmail() + ">"));
      facts.add(new Fact("Representative in the Union", c.representative() == null ? "none" : c.representative()));
      facts.add(new Fact("Supervisory authority", c.supervisoryAuthority() == null ? "not stated" : c.supervisoryAuthority()));
      html.facts(facts);
    }
    html.h2("Processing activities");
    for (RecordOfProcessing.Activity a : record.processingActivities()) {
      html.h3(a.service()).p(a.description());
      html.facts(
          List.of(
              new Fact("Purposes", a.purposes()),
              new Fact("Legal basis", a.legalBasis()),
              new Fact("Categories of data subjects", a.dataSubjectCategories()),
              new Fact("Categories of personal data", a.personalDataCategories()),
              new Fact("Categories of recipients", a.recipientCategories()),
              new Fact("Transfers to third countries", a.thirdCountryTransfers()),
              new Fact("Time limits for erasure", a.erasureTimeLimits()),
              new Fact("Source of the data", a.source()),
              new Fact("Technical and organisational measures", "See below; they apply to every activity.")));
      if (!a.fields().isEmpty()) {
        html.table(
            List.of("Field", "Category", "Searched by the GDPR API"),
            a.fields().stream().map(f -> List.<Object>of(f.name(), f.category(), f.searched() ? "yes" : "no")).toList());
      }
    }
    html.h2("Technical and organisational measures (Art. 32(1))");
    html.table(
        List.of("Measure", "What Datarights does"),
        record.technicalAndOrganisationalMeasures().stream().map(m -> List.<Object>of(m.title(), m.description())).toList());
    html.h3("Left to the deployment").list(record.leftToTheDeployment());
    return html.finish();
  }
}
