package io.portico.plan;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import io.portico.platform.PorticoException;

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
        name = text("ServicePlanName", name, 200);
        if (name.isEmpty()) {
            throw PorticoException.invalid("ServicePlanName", "ServicePlanName is required.");
        }
        range("DownloadKbps", downloadKbps, 1, MAX_KBPS);
        range("UploadKbps", uploadKbps, 1, MAX_KBPS);
        range("ConcurrentDevices", concurrentDevices, 1, 512);
        description = text("ServicePlanDescription", description, 2000);
        externalId = text("externalServicePlanID", externalId, 200);
        smsCode = text("SMSCode", smsCode, 50);
        imageUrl = text("ServicePlanImageURL", imageUrl, 2000);
        range("TrialCycles", trialCycles, 0, 1000);
        if (!(billingCycleHours > 0) || billingCycleHours > 87_600 || Double.isNaN(billingCycleHours)) {
            throw PorticoException.invalid("BillingCycleHours", "BillingCycleHours must be greater than 0 (at most 87600).");
        }
        range("MaximumTrialCyclesPerSubscriberPerVenue", maxTrialCyclesPerSubscriberPerVenue, -1, 10_000);
        range("MaximumFreeEnrollmentsPerSubscriberPerVenue", maxFreeEnrollmentsPerSubscriberPerVenue, -1, 10_000);
        range("SessionTimeoutSecondsPerDevice", sessionTimeoutSecondsPerDevice, 0, 31_536_000);
        if (prices.isEmpty()) {
            throw PorticoException.invalid("Currencies", "Currencies must list at least one currency.");
        }
        Map<String, Long> checked = new LinkedHashMap<>();
        prices.forEach((currency, minorUnits) -> {
            checked.put(currency(currency), minorUnits);
            String field = "BillingCyclePrice." + currency;
            if (minorUnits == null || minorUnits < 0 || minorUnits > 1_000_000_000_00L) {
                throw PorticoException.invalid(field, field + " must be at least 0 (in minor units, e.g. cents).");
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
            throw PorticoException.invalid("Currencies", "Unknown currency code '" + code + "'; use ISO 4217 codes such as USD or GBP.");
        }
    }

    static String text(String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw PorticoException.invalid(field, field + " must be at most " + max + " characters.");
        }
        return v;
    }

    private static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw PorticoException.invalid(field, field + " must be between " + min + " and " + max + ".");
        }
    }
}
