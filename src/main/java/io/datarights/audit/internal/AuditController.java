package io.datarights.audit.internal;

import io.datarights.audit.ChainVerification;
import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/audits}: the caller's org's audit trail, newest first, and its verification. */
@RestController
class AuditController {

  static final String VIEW = "audit:audit:view";

  private final AuditRepository entries;
  private final ChainVerifier verifier;

  AuditController(AuditRepository entries, ChainVerifier verifier) {
    this.entries = entries;
    this.verifier = verifier;
  }

  record AuditView(
      long seq, Instant occurredAt, String action, String actor, String targetType, String targetId,
      Map<String, String> details, String hash) {}

  @GetMapping("/api/v2/audits")
  @RequiresPermission(VIEW)
  Listing<AuditView> list(
      Caller caller,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String targetId,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    List<AuditView> views =
        entries.page(caller.orgId(), action, targetId, page).stream()
            .map(e -> new AuditView(e.seq(), e.occurredAt(), e.action(), e.actor(), e.targetType(), e.targetId(), e.details(), e.hash()))
            .toList();
    StringBuilder query = new StringBuilder();
    if (action != null) {
      query.append("action=").append(action).append('&');
    }
    return Listing.of(views, page, entries.count(caller.orgId(), action, targetId), "/api/v2/audits", query.toString());
  }

  @GetMapping("/api/v2/audits/verification")
  @RequiresPermission(VIEW)
  ChainVerification verify(Caller caller) {
    return verifier.verify(caller.orgId());
  }
}
