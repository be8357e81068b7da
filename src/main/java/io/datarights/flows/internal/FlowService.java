package io.datarights.flows.internal;

import io.datarights.flows.FlowText;
import io.datarights.flows.Flows;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Flows are written without touching the identifier index: they must hold no personal data. */
@Service
class FlowService implements Flows {

  private static final int BATCH = 500;
  // PostgreSQL orders uuids by their bytes, unsigned: the nil uuid comes first.
  private static final UUID FIRST = new UUID(0, 0);

  private final FlowRepository flows;
  private final Clock clock;

  FlowService(FlowRepository flows, Clock clock) {
    this.flows = flows;
    this.clock = clock;
  }

  @Transactional
  public StoredFlow create(OrgId org, FlowBody body) {
    FlowBody.Valid valid = body.validate();
    Instant now = clock.instant();
    StoredFlow flow = new StoredFlow(org, UUID.randomUUID(), valid.name(), valid.description(), valid.promptTexts(), 1, now, now);
    flows.insert(flow);
    return flow;
  }

  /** A full replacement; a given {@code version} must be the stored one. */
  @Transactional
  public StoredFlow replace(OrgId org, UUID id, FlowBody body) {
    StoredFlow existing = get(org, id);
    FlowBody.Valid valid = body.validate();
    if (body.version() != null && body.version() != existing.version()) {
      throw staleVersion(existing);
    }
    StoredFlow updated =
        new StoredFlow(
            org, id, valid.name(), valid.description(), valid.promptTexts(), existing.version() + 1, existing.createdAt(),
            clock.instant());
    if (!flows.update(updated, existing.version())) {
      throw staleVersion(existing);
    }
    return updated;
  }

  @Transactional
  public void delete(OrgId org, UUID id) {
    if (!flows.delete(org, id)) {
      throw notFound();
    }
  }

  StoredFlow get(OrgId org, UUID id) {
    return flows.find(org, id).orElseThrow(FlowService::notFound);
  }

  @Override
  public void forEach(OrgId org, Consumer<FlowText> consumer) {
    UUID after = FIRST;
    List<StoredFlow> batch;
    do {
      batch = flows.after(org, after, BATCH);
      for (StoredFlow flow : batch) {
        consumer.accept(flow.text());
        after = flow.id();
      }
    } while (batch.size() == BATCH);
  }

  @Override
  public Optional<FlowText> find(OrgId org, String flowId) {
    return Ids.parse(flowId).flatMap(id -> flows.find(org, id)).map(StoredFlow::text);
  }

  private static ApiException staleVersion(StoredFlow existing) {
    return ApiException.conflict(
        "The flow was changed by someone else; it is now at version " + existing.version() + ". Read it again and retry.");
  }

  private static ApiException notFound() {
    return ApiException.notFound("flow");
  }
}
