package io.datarights.flows.internal;

import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.Ids;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/flows}: the org's Architect flows (texts only). */
@RestController
@RequestMapping(FlowController.PATH)
class FlowController {

  static final String PATH = "/api/v2/flows";

  private final FlowService flows;
  private final FlowRepository repository;

  FlowController(FlowService flows, FlowRepository repository) {
    this.flows = flows;
    this.repository = repository;
  }

  record FlowView(String id, String name, String description, List<String> promptTexts, int version, String selfUri) {
    static FlowView of(StoredFlow f) {
      String id = f.id().toString();
      return new FlowView(id, f.name(), f.description(), f.promptTexts(), f.version(), PATH + "/" + id);
    }
  }

  @GetMapping
  @RequiresPermission("architect:flow:view")
  Listing<FlowView> list(
      Caller caller, @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    List<FlowView> entities = repository.list(caller.orgId(), page).stream().map(FlowView::of).toList();
    return Listing.of(entities, page, repository.count(caller.orgId()), PATH);
  }

  @PostMapping
  @RequiresPermission("architect:flow:add")
  ResponseEntity<FlowView> create(Caller caller, @RequestBody FlowBody body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(FlowView.of(flows.create(caller.orgId(), body)));
  }

  @GetMapping("/{flowId}")
  @RequiresPermission("architect:flow:view")
  FlowView get(Caller caller, @PathVariable String flowId) {
    return FlowView.of(flows.get(caller.orgId(), Ids.existingOrNotFound(flowId, "flow")));
  }

  @PutMapping("/{flowId}")
  @RequiresPermission("architect:flow:edit")
  FlowView replace(Caller caller, @PathVariable String flowId, @RequestBody FlowBody body) {
    return FlowView.of(flows.replace(caller.orgId(), Ids.existingOrNotFound(flowId, "flow"), body));
  }

  @DeleteMapping("/{flowId}")
  @RequiresPermission("architect:flow:delete")
  ResponseEntity<Void> delete(Caller caller, @PathVariable String flowId) {
    flows.delete(caller.orgId(), Ids.existingOrNotFound(flowId, "flow"));
    return ResponseEntity.noContent().build();
  }
}
