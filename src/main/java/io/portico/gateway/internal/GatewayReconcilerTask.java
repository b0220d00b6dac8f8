package io.portico.gateway.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Runs the {@link GatewayReconciler} as a recurring db-scheduler task, so across a cluster one
 * instance at a time applies pending changes and no gateway gets a command twice from two instances.
 */
@Configuration(proxyBeanMethods = false)
class GatewayReconcilerTask {

    @Bean
    @ConditionalOnProperty(name = "portico.gateway.reconciler.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> gatewayReconcile(GatewayReconciler reconciler, ReconcilerProperties properties) {
        return Tasks.recurring("gateway-reconcile", Schedules.fixedDelay(properties.interval()))
                .execute((instance, context) -> reconciler.reconcile());
    }
}
