package io.portico.connection.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import io.portico.connection.ConnectionRollupProperties;

/**
 * Runs the {@link DailyRollup} as a recurring db-scheduler task, so across a cluster one instance
 * rolls up at a time, apart from the RADIUS accounting path (which only writes {@code connection_session}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portico.connection.rollup.enabled", havingValue = "true", matchIfMissing = true)
class DailyRollupTask {

    @Bean
    RecurringTask<Void> connectionRollup(DailyRollup rollup, ConnectionRollupProperties properties) {
        return Tasks.recurring("connection-rollup", Schedules.fixedDelay(properties.interval()))
                .execute((instance, context) -> rollup.run());
    }
}
