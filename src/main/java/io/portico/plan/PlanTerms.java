package io.portico.plan;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import io.portico.platform.PorticoException;
import io.portico.platform.Text;

/**
 * Everything an operator sets on a service plan, validated on construction: speeds
 * 1..100,000,000 kbps, 1..512 concurrent devices, a billing cycle of more than 0 hours, prices
 * of at least 0 minor units in known ISO 4217 currencies (in the order the plan lists them).
 */
public record PlanTerms(String name, long downloadKbps, long uploadKbps, int concurrentDevices,
                        boolean globallyAvailable, boolean allowSelfSignup, String description, String externalId,
                        FccLabel fccLabel, String smsCode, String imageUrl, int trialCycles, double billingCycleHours,
                        Map<String, Long> prices, int maxTrialCyclesPerSubscriberPerVenue,
                        int maxFreeEnrollmentsPerSubscriberPerVenue, int sessionTimeoutSecondsPerDevice) {

    static final long MAX_KBPS = 100_000_000L;

    public PlanTerms {
        name = Text.atMost("planName", name, 200);
        if (name.isEmpty()) {
            throw PorticoException.invalid("planName", "{planName} is required.");
        }
        range("downloadKbps", downloadKbps, 1, MAX_KBPS);
        range("uploadKbps", uploadKbps, 1, MAX_KBPS);
        range("concurrentDevices", concurrentDevices, 1, 512);
        description = Text.atMost("planDescription", description, 2000);
        externalId = Text.atMost("externalPlanId", externalId, 200);
        smsCode = Text.atMost("smsCode", smsCode, 50);
        imageUrl = Text.atMost("planImageUrl", imageUrl, 2000);
        range("trialCycles", trialCycles, 0, 1000);
        if (!(billingCycleHours > 0) || billingCycleHours > 87_600 || Double.isNaN(billingCycleHours)) {
            throw PorticoException.invalid("billingCycleHours", "{billingCycleHours} must be greater than 0 (at most 87600).");
        }
        range("maxTrialCyclesPerSubscriberPerVenue", maxTrialCyclesPerSubscriberPerVenue, -1, 10_000);
        range("maxFreeEnrollmentsPerSubscriberPerVenue", maxFreeEnrollmentsPerSubscriberPerVenue, -1, 10_000);
        range("sessionTimeoutSecondsPerDevice", sessionTimeoutSecondsPerDevice, 0, 31_536_000);
        if (prices.isEmpty()) {
            throw PorticoException.invalid("currencies", "{currencies} must list at least one currency.");
        }
        Map<String, Long> checked = new LinkedHashMap<>();
        prices.forEach((currency, minorUnits) -> {
            checked.put(currency(currency), minorUnits);
            if (minorUnits == null || minorUnits < 0 || minorUnits > 1_000_000_000_00L) {
                throw PorticoException.invalid("prices." + currency, "{prices}." + currency + " must be at least 0 (in minor units, e.g. cents).");
            }
        });
        prices = java.util.Collections.unmodifiableMap(checked);
    }

    /** An ISO 4217 code Java knows, e.g. USD, GBP, EUR. */
    public static String currency(String code) {
        try {
            if (code == null || !code.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException();
            }
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw PorticoException.invalid("currencies", "Unknown currency code '" + code + "'; use ISO 4217 codes such as USD or GBP.");
        }
    }

    private static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " must be between " + min + " and " + max + ".");
        }
    }
}
