package io.datarights.shared;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Waking db-scheduler for work just scheduled, instead of leaving it to the next poll. */
public final class DueWork {

  private DueWork() {}

  /**
   * Asks the scheduler to look for due tasks: after the commit when called inside a transaction
   * (db-scheduler's own immediate check would run before the new rows are visible, and the
   * scheduler would then sleep a whole polling interval), at once otherwise. Where no scheduler
   * runs here (command-line tools), nothing happens.
   */
  public static void wakeScheduler(SchedulerClient scheduler) {
    if (!(scheduler instanceof Scheduler running)) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              running.triggerCheckForDueExecutions();
            }
          });
    } else {
      running.triggerCheckForDueExecutions();
    }
  }
}
