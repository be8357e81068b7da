package io.datarights.gdpr.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Where the scheduler is switched off (command-line tools), requests can still be filed: they
 * are scheduled in the database for the servers to run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "db-scheduler.enabled", havingValue = "false")
class SchedulingClientConfiguration {

  @Bean
  SchedulerClient schedulingOnlyClient(DataSource dataSource, List<Task<?>> tasks) {
    return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), tasks).build();
  }
}
