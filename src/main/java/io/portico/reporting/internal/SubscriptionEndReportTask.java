package io.portico.reporting.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import io.portico.reporting.ReportingProperties;
import io.portico.reporting.SubscriptionEndReport;
import io.portico.tenant.TenantService;

/**
 * Sends the subscription-end reports that are due: a recurring db-scheduler task (one instance at
 * a time across a cluster) visiting every operator; each operator's period is also claimed in the
 * database, so a second instance, or a run that overlaps a failover, never sends it twice.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionEndReportTask {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionEndReportTask.class);

    @Bean
    RecurringTask<Void> subscriptionEndReports(SubscriptionEndReport report, TenantService tenants, ReportingProperties properties) {
        return Tasks.recurring("reporting-subscription-end", Schedules.fixedDelay(properties.checkInterval()))
                .execute((instance, context) -> {
                    for (long operatorId : tenants.operatorIds()) {
                        try {
                            report.sendIfDue(operatorId);
                        } catch (RuntimeException e) {
                            // One operator's failure (a bad sender address) must not hold back the others; retried next run.
                            log.warn("Subscription-end report of operator {} not sent, will retry: {}", operatorId, e.toString());
                        }
                    }
                });
    }
}
