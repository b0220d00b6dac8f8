package io.portico.subscription.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import io.portico.subscription.SubscriptionProperties;
import io.portico.subscription.SubscriptionService;

/**
 * Fires subscriptions' time-based transitions without a request: a recurring db-scheduler task
 * (one instance at a time across a cluster) that publishes SubscriptionStarted and
 * SubscriptionEnded for every subscription whose time has come, one transaction per subscription.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionTransitionTask {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionTransitionTask.class);

    @Bean
    RecurringTask<Void> subscriptionTransitions(SubscriptionService subscriptions, SubscriptionProperties properties) {
        return Tasks.recurring("subscription-transitions", Schedules.fixedDelay(properties.transitionInterval()))
                .execute((instance, context) -> {
                    for (long id : subscriptions.dueTransitions(properties.transitionBatchSize())) {
                        try {
                            subscriptions.publishTransitions(id);
                        } catch (RuntimeException e) {
                            // One subscription whose listeners fail must not hold back the others; it is retried next run.
                            log.warn("Transitions of subscription {} not published, will retry: {}", id, e.toString());
                        }
                    }
                });
    }
}
