package io.datarights.recipients.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import io.datarights.shared.DueWork;
import io.datarights.shared.OrgId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * A db-scheduler of its own for webhook deliveries, on its own table and threads: a delivery
 * waits on a remote for up to the request timeout, and on the scheduler that runs request steps
 * a few unanswering recipients would hold every thread and stall every org's GDPR requests. The
 * table gives deliveries the same guarantees as before (scheduled in the completing transaction,
 * any node runs them, dead executions revived after a crash).
 *
 * <p>Not a {@link Scheduler} bean: db-scheduler's auto-configuration creates the main scheduler
 * only if there is none. Where the main scheduler is switched off (command-line tools), this one
 * only schedules.
 */
@Component
class DeliveryScheduler implements SmartLifecycle {

  static final String TABLE = "recipient_delivery_tasks";

  private final SchedulerClient client;
  private final Scheduler scheduler;
  private volatile boolean running;

  DeliveryScheduler(
      DataSource dataSource,
      NotificationSender sender,
      RecipientProperties properties,
      @Value("${db-scheduler.enabled:true}") boolean enabled,
      @Value("${db-scheduler.polling-interval:10s}") Duration pollingInterval) {
    // Transaction-aware, so that a delivery scheduled while a request completes commits with it.
    DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
    List<Task<?>> tasks = List.of(DeliveryTasks.task(sender, properties, new DeliveriesInFlight(properties.maxDeliveriesInFlightPerOrg())));
    if (enabled) {
      this.scheduler =
          Scheduler.create(transactional, tasks)
              .tableName(TABLE)
              .threads(properties.deliveryThreads())
              .pollingInterval(pollingInterval)
              .enableImmediateExecution()
              // A running attempt ends within the timeouts; stopping waits for it, not longer.
              .shutdownMaxWait(properties.connectTimeout().plus(properties.requestTimeout()))
              .build();
      this.client = scheduler;
    } else {
      this.scheduler = null;
      this.client = SchedulerClient.Builder.create(transactional, tasks).tableName(TABLE).build();
    }
  }

  /** Schedules the delivery of a notification; inside a transaction, it commits with it. */
  void schedule(OrgId org, UUID notificationId, Instant at) {
    client.scheduleIfNotExists(DeliveryTasks.delivery(org, notificationId), at);
    DueWork.wakeScheduler(client);
  }

  @Override
  public void start() {
    if (scheduler != null) {
      scheduler.start();
    }
    running = true;
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
