package io.portico.payment.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import io.portico.payment.CheckoutHousekeeping;
import io.portico.payment.PaymentProperties;

/**
 * Runs {@link CheckoutHousekeeping} as a recurring db-scheduler task, so across a cluster one
 * instance at a time expires the unpaid checkouts (every {@code portico.payment.housekeeping-interval}).
 */
@Configuration(proxyBeanMethods = false)
class CheckoutHousekeepingTask {

    static final String NAME = "payment-checkout-expiry";

    @Bean
    RecurringTask<Void> paymentCheckoutExpiry(CheckoutHousekeeping housekeeping, PaymentProperties properties) {
        return Tasks.recurring(NAME, Schedules.fixedDelay(properties.housekeepingInterval()))
                .execute((instance, context) -> housekeeping.expireStale());
    }
}
