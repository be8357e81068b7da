package io.datarights.records.internal;

import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.InventoryEntry;
import io.datarights.records.ControllerDetails;
import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v2/governance}: the data inventory, the org's controller details and the Art. 30
 * record of processing generated from both.
 */
@RestController
@RequestMapping("/api/v2/governance")
class GovernanceController {

  static final String VIEW = "governance:record:view";
  static final String EDIT = "governance:record:edit";

  private final Inventory inventory;
  private final ControllerDetailsService controllers;
  private final RecordOfProcessingService records;

  GovernanceController(Inventory inventory, ControllerDetailsService controllers, RecordOfProcessingService records) {
    this.inventory = inventory;
    this.controllers = controllers;
    this.records = records;
  }

  /** One service of the inventory, with the distinct categories of its fields. */
  record ServiceInventory(
      String name,
      String description,
      List<InventoryEntry.Field> fields,
      List<String> personalDataCategories,
      List<String> dataSubjectCategories,
      List<String> purposes,
      String legalBasis,
      List<String> recipients,
      String thirdCountryTransfers,
      String retention,
      String source,
      ErasureMode erasureMode) {

    static ServiceInventory of(InventoryEntry e) {
      return new ServiceInventory(
          e.service(), e.description(), e.fields(), Processing.personalDataCategories(e), e.dataSubjectCategories(),
          e.purposes(), e.legalBasis(), e.recipients(), Processing.thirdCountryTransfers(e), e.retention(), e.source(),
          e.erasureMode());
    }
  }

  record ControllerDetailsView(
      String controllerName, String address, String contactEmail, String dpoName, String dpoEmail,
      String representative, String supervisoryAuthority, Instant modifiedDate, String modifiedBy, String selfUri) {

    static ControllerDetailsView of(StoredControllerDetails stored) {
      ControllerDetails d = stored.details();
      return new ControllerDetailsView(
          d.controllerName(), d.address(), d.contactEmail(), d.dpoName(), d.dpoEmail(), d.representative(),
          d.supervisoryAuthority(), stored.modifiedAt(), stored.modifiedBy(), "/api/v2/governance/controller");
    }
  }

  @GetMapping("/inventory")
  @RequiresPermission(VIEW)
  Listing<ServiceInventory> inventory(
      Caller caller,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    List<ServiceInventory> all = inventory.entries().stream().map(ServiceInventory::of).toList();
    List<ServiceInventory> entities =
        all.stream().skip(page.offset()).limit(page.pageSize()).toList();
    return Listing.of(entities, page, all.size(), "/api/v2/governance/inventory");
  }

  @GetMapping("/controller")
  @RequiresPermission(VIEW)
  ControllerDetailsView controller(Caller caller) {
    return controllers.stored(caller.orgId())
        .map(ControllerDetailsView::of)
        .orElseThrow(() -> ApiException.notFound("controller details"));
  }

  @PutMapping("/controller")
  @RequiresPermission(EDIT)
  ControllerDetailsView saveController(Caller caller, @Valid @RequestBody ControllerDetailsInput body) {
    return ControllerDetailsView.of(controllers.save(caller, body.cleaned()));
  }

  @GetMapping("/records-of-processing")
  @RequiresPermission(VIEW)
  ResponseEntity<Object> recordOfProcessing(
      Caller caller,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean html = Negotiation.wantsHtml(format, accept);
    RecordOfProcessing record = records.generate(caller.orgId());
    return Negotiation.respond(html, record, () -> RecordOfProcessingHtml.render(record));
  }
}
