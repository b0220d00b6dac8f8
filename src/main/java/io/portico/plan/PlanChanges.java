package io.portico.plan;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The fields of an add or configure request; null means "not given" (configure keeps the
 * current value, add uses the default or insists on the required ones).
 *
 * @param currencies the plan's currencies in order; prices for currencies not listed are an error
 * @param prices     minor units per currency, as given
 */
public record PlanChanges(@Nullable String name, @Nullable Long downloadKbps, @Nullable Long uploadKbps,
                          @Nullable Integer concurrentDevices, @Nullable Boolean globallyAvailable,
                          @Nullable Boolean allowSelfSignup, @Nullable String description, @Nullable String externalId,
                          @Nullable FccLabel fccLabel, @Nullable String smsCode, @Nullable String imageUrl,
                          @Nullable Integer trialCycles, @Nullable Double billingCycleHours,
                          @Nullable List<String> currencies, Map<String, Long> prices,
                          @Nullable Integer maxTrialCyclesPerSubscriberPerVenue,
                          @Nullable Integer maxFreeEnrollmentsPerSubscriberPerVenue,
                          @Nullable Integer sessionTimeoutSecondsPerDevice) {

    public PlanChanges {
        currencies = currencies == null ? null : List.copyOf(currencies);
        prices = Map.copyOf(prices);
    }
}
