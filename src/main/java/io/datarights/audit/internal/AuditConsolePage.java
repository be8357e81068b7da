package io.datarights.audit.internal;

import io.datarights.console.ConsolePage;
import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /console/audit}: whether the org's chain is intact, and its entries newest first, filtered
 * by action and target like {@code GET /api/v2/audits}, with the same permission.
 */
@ConsolePage
class AuditConsolePage {

  static final String PATH = "/console/audit";
  static final int PAGE_SIZE = 25;

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final AuditRepository entries;
  private final ChainVerifier verifier;

  AuditConsolePage(AuditRepository entries, ChainVerifier verifier) {
    this.entries = entries;
    this.verifier = verifier;
  }

  /** One entry as a line of the table; the subject is the pseudonym the entry carries, if any. */
  record Row(
      long seq, String time, String isoTime, String action, String actor, String targetType, String targetId,
      String subject) {

    static Row of(AuditEntry e) {
      return new Row(
          e.seq(), UTC.format(e.occurredAt()), e.occurredAt().toString(), e.action(), e.actor(), e.targetType(),
          e.targetId(), e.details().get("subject"));
    }
  }

  /** Where the table stands and the links to its neighbouring pages, null where there is none. */
  record Pager(long total, int pageNumber, long pageCount, String previous, String next) {}

  @GetMapping(PATH)
  @RequiresPermission(AuditController.VIEW)
  String trail(
      Caller caller,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String targetId,
      @RequestParam(required = false) Integer pageNumber,
      Model model) {
    OrgId org = caller.orgId();
    String actionFilter = blankToNull(action);
    String targetFilter = blankToNull(targetId);
    PageParams page = PageParams.of(PAGE_SIZE, pageNumber);
    long total = entries.count(org, actionFilter, targetFilter);

    model.addAttribute("verification", verifier.verify(org));
    model.addAttribute("actions", actionChoices(org, actionFilter));
    model.addAttribute("action", actionFilter);
    model.addAttribute("targetId", targetFilter);
    model.addAttribute("filtered", actionFilter != null || targetFilter != null);
    model.addAttribute("rows", entries.page(org, actionFilter, targetFilter, page).stream().map(Row::of).toList());
    model.addAttribute("pager", pager(total, page, actionFilter, targetFilter));
    return "console/audit/trail";
  }

  /** The actions of the trail; one asked for in the address but absent stays selectable. */
  private List<String> actionChoices(OrgId org, String selected) {
    List<String> actions = new ArrayList<>(entries.actions(org));
    if (selected != null && !actions.contains(selected)) {
      actions.add(0, selected);
    }
    return actions;
  }

  private static Pager pager(long total, PageParams page, String action, String targetId) {
    long pageCount = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int n = page.pageNumber();
    String previous = n > 1 ? link(action, targetId, Math.min(n - 1, pageCount)) : null;
    String next = n < pageCount ? link(action, targetId, n + 1) : null;
    return new Pager(total, n, pageCount, previous, next);
  }

  private static String link(String action, String targetId, long pageNumber) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH);
    if (action != null) {
      uri.queryParam("action", action);
    }
    if (targetId != null) {
      uri.queryParam("targetId", targetId);
    }
    return uri.queryParam("pageNumber", pageNumber).encode().build().toUriString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
