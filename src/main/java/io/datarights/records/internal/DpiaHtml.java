package io.datarights.records.internal;

import io.datarights.records.ControllerDetails;
import io.datarights.records.internal.HtmlWriter.Fact;
import java.util.List;

/** A DPIA version as a printable document. */
final class DpiaHtml {

  private DpiaHtml() {}

  static String render(DpiaReport r) {
    ControllerDetails c = r.controller();
    String controllerName = c == null ? r.organization().name() : c.controllerName();
    HtmlWriter html = new HtmlWriter("Data protection impact assessment — " + controllerName + " — version " + r.version());
    html.h1("Data protection impact assessment")
        .meta("Art. 35(7) GDPR. Controller: " + controllerName + ". Version " + r.version() + " of " + r.createdDate()
            + ", submitted by client " + r.createdBy() + ".");
    if (c != null) {
      html.facts(
          List.of(
              new Fact("Controller", c.controllerName() + ", " + c.address()),
              new Fact("Data protection officer", c.dpoName() + " <" + c.dpoEmail() + ">")));
    }
    html.facts(List.of(new Fact("Advice of the data protection officer sought (Art. 35(2))", r.consultedDpo() ? "yes" : "no")));

    html.h2("(a) Systematic description of the processing").p(r.systematicDescription().summary());
    for (DpiaReport.ProcessingOperation o : r.systematicDescription().processingOperations()) {
      html.h3(o.service()).p(o.description());
      html.facts(
          List.of(
              new Fact("Purposes", o.purposes()),
              new Fact("Legal basis", o.legalBasis()),
              new Fact("Categories of data subjects", o.dataSubjectCategories()),
              new Fact("Categories of personal data", o.personalDataCategories()),
              new Fact("Recipients", o.recipients()),
              new Fact("Transfers to third countries", o.thirdCountryTransfers()),
              new Fact("Retention", o.retention()),
              new Fact("On erasure", Processing.erasureOnRequest(o.erasureMode())),
              new Fact("Source", o.source())));
    }

    html.h2("(b) Necessity and proportionality");
    html.facts(
        List.of(
            new Fact("Necessity", r.necessityAndProportionality().necessity()),
            new Fact("Proportionality", r.necessityAndProportionality().proportionality())));

    html.h2("(c) Risks to the rights and freedoms of data subjects");
    html.table(
        List.of("Source", "Risk", "Likelihood", "Severity", "Level", "Measures"),
        r.risks().stream()
            .map(risk -> List.<Object>of(
                RiskView.BASELINE.equals(risk.source()) ? "baseline: " + risk.category() : "organization",
                risk.description(),
                risk.likelihood(),
                risk.severity(),
                risk.level(),
                risk.measures() == null ? "none stated" : risk.measures()))
            .toList());

    html.h2("(d) Measures envisaged to address the risks");
    html.h3("Measures of the organization");
    if (r.measures().organization().isEmpty()) {
      html.p("The organization stated no risks of its own.");
    } else {
      html.table(
          List.of("Risk", "Measures"),
          r.measures().organization().stream().map(m -> List.<Object>of(m.risk(), m.measures())).toList());
    }
    html.h3("Measures of Datarights (for all processing)");
    html.table(
        List.of("Measure", "What Datarights does"),
        r.measures().product().stream().map(m -> List.<Object>of(m.title(), m.description())).toList());
    html.h3("Left to the deployment").list(r.measures().leftToTheDeployment());

    if (r.notes() != null) {
      html.h2("Notes").p(r.notes());
    }
    return html.finish();
  }
}
