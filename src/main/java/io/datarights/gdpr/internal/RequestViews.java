package io.datarights.gdpr.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Assembles the wire view of a request from its row, its service progress and its links. */
@Component
class RequestViews {

  static final String PATH = "/api/v2/gdpr/requests";

  private final RequestRepository requests;
  private final ExportLinks links;

  RequestViews(RequestRepository requests, ExportLinks links) {
    this.requests = requests;
    this.links = links;
  }

  GdprRequestView of(StoredRequest r) {
    List<GdprRequestView.ServiceView> services =
        requests.services(r.orgId(), r.id()).stream().map(RequestViews::service).toList();
    List<GdprRequestView.EntityRef> related =
        requests.related(r.orgId(), r.id()).stream().map(RequestViews::requestRef).toList();
    String resultsUrl = links.linkFor(r).orElse(null);
    return new GdprRequestView(
        r.id().toString(),
        r.name(),
        new GdprRequestView.EntityRef(r.createdByClient(), r.createdByName(), "/api/v2/oauth/clients/" + r.createdByClient()),
        r.replacementTerms(),
        r.type().name(),
        r.createdAt(),
        r.status().name(),
        SubjectView.of(r.subject()),
        resultsUrl,
        resultsUrl == null ? null : List.of(resultsUrl),
        PATH + "/" + r.id(),
        services,
        related,
        r.dueDate(),
        r.originalDueDate().equals(r.dueDate()) ? null : r.originalDueDate(),
        r.extensionReason(),
        r.completedAt(),
        r.verifiedErased(),
        r.errorReason(),
        stillFound(services),
        r.type() == RequestType.GDPR_DELETE ? requests.packagesDeleted(r.orgId(), r.id()).orElse(null) : null);
  }

  /** What a caller that may file but not view requests learns of an earlier request: that it exists, and how far it is. */
  GdprRequestView idAndStatus(StoredRequest r) {
    return new GdprRequestView(
        r.id().toString(), null, null, null, r.type().name(), null, r.status().name(), null, null, null, PATH + "/" + r.id(),
        null, null, null, null, null, null, null, null, null, null);
  }

  private static GdprRequestView.ServiceView service(ServiceProgress p) {
    String reason = p.error() != null ? p.error() : p.reasons().isEmpty() ? null : String.join("; ", p.reasons());
    return new GdprRequestView.ServiceView(
        p.service(), p.status(), p.matched(), p.exported(), p.updated(), p.deleted(), p.anonymized(), p.retained(), reason, p.stillFound());
  }

  /** The total the search after an erasure still found; null before it ran. */
  private static Long stillFound(List<GdprRequestView.ServiceView> services) {
    return services.stream().anyMatch(s -> s.stillFound() != null)
        ? services.stream().mapToLong(s -> s.stillFound() == null ? 0 : s.stillFound()).sum()
        : null;
  }

  private static GdprRequestView.EntityRef requestRef(UUID id) {
    return new GdprRequestView.EntityRef(id.toString(), null, PATH + "/" + id);
  }
}
