package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.portico.plan.FccLabel;
import io.portico.plan.PlanChange;
import io.portico.plan.PlanChanges;
import io.portico.plan.PlanTerms;
import io.portico.plan.ServicePlan;
import tools.jackson.databind.node.ObjectNode;

/** The console's service plan object, both ways: listServicePlans rendering and add/configure parsing. */
final class PlanWire {

    static final String PRICE = "BillingCyclePrice.";
    private static final Set<String> FIELDS = Set.of("ServicePlanName", "DownloadKbps", "UploadKbps", "ConcurrentDevices",
            "GloballyAvailablePlan", "AllowSelfSignup", "ServicePlanDescription", "externalServicePlanID", "FCCLabel",
            "SMSCode", "ServicePlanImageURL", "TrialCycles", "BillingCycleHours", "Currencies",
            "MaximumTrialCyclesPerSubscriberPerVenue", "MaximumFreeEnrollmentsPerSubscriberPerVenue",
            "SessionTimeoutSecondsPerDevice");
    private static final Set<String> FCC_FIELDS = Set.of("PlanID", "TypicalUploadKbps", "TypicalDownloadKbps",
            "PrivacyPolicyURL", "NetworkMgmtPolicyURL", "DataPolicyURL", "BundleDiscountURL", "SupportURL");

    private PlanWire() {
    }

    /** addServicePlan's answer: the operator log's summary as the message, and the new ServicePlanID. */
    static Map<String, Object> added(PlanChange change) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", change.summary());
        out.put("ServicePlanID", change.plan().key());
        out.put("errorProcessing", false);
        return out;
    }

    /** configureServicePlan's answer: the change list as the message. */
    static Map<String, Object> configured(PlanChange change) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", change.summary());
        out.put("errorProcessing", false);
        return out;
    }

    /** Parses the documented plan fields; {@code extra} names the route's own keys (e.g. ServicePlanID). */
    static PlanChanges parse(ObjectNode body, Set<String> extra) {
        WireFields f = WireFields.of(body);
        Map<String, Long> prices = new LinkedHashMap<>();
        for (String name : f.names()) {
            if (name.startsWith(PRICE)) {
                String currency = PlanTerms.currency(name.substring(PRICE.length()));
                Long price = f.whole(name);
                if (price == null) {
                    throw io.portico.platform.PorticoException.invalid(name, "Field '" + name + "' must be a whole number.");
                }
                prices.put(currency, price);
            } else if (!FIELDS.contains(name) && !extra.contains(name)) {
                throw io.portico.platform.PorticoException.invalid(name, "Unknown field '" + name + "'.");
            }
        }
        return new PlanChanges(f.text("ServicePlanName"), f.whole("DownloadKbps"), f.whole("UploadKbps"),
                f.integer("ConcurrentDevices"), f.bool("GloballyAvailablePlan"), f.bool("AllowSelfSignup"),
                f.text("ServicePlanDescription"), f.text("externalServicePlanID"), fcc(f.object("FCCLabel")),
                f.text("SMSCode"), f.text("ServicePlanImageURL"), f.integer("TrialCycles"), f.decimal("BillingCycleHours"),
                f.texts("Currencies"), prices, f.integer("MaximumTrialCyclesPerSubscriberPerVenue"),
                f.integer("MaximumFreeEnrollmentsPerSubscriberPerVenue"), f.integer("SessionTimeoutSecondsPerDevice"));
    }

    private static @org.jspecify.annotations.Nullable FccLabel fcc(@org.jspecify.annotations.Nullable WireFields f) {
        if (f == null) {
            return null;
        }
        f.requireKnown(FCC_FIELDS);
        return new FccLabel(or(f.text("PlanID")), or(f.whole("TypicalUploadKbps")), or(f.whole("TypicalDownloadKbps")),
                or(f.text("PrivacyPolicyURL")), or(f.text("NetworkMgmtPolicyURL")), or(f.text("DataPolicyURL")),
                or(f.text("BundleDiscountURL")), or(f.text("SupportURL")));
    }

    private static String or(@org.jspecify.annotations.Nullable String s) {
        return s == null ? "" : s;
    }

    private static long or(@org.jspecify.annotations.Nullable Long l) {
        return l == null ? 0 : l;
    }

    static Map<String, Object> render(ServicePlan plan) {
        PlanTerms t = plan.terms();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ServicePlanID", plan.key());
        m.put("ServicePlanName", t.name());
        m.put("DownloadKbps", t.downloadKbps());
        m.put("UploadKbps", t.uploadKbps());
        m.put("ConcurrentDevices", t.concurrentDevices());
        m.put("GloballyAvailablePlan", t.globallyAvailable());
        m.put("AllowSelfSignup", t.allowSelfSignup());
        m.put("ServicePlanDescription", t.description());
        m.put("externalServicePlanID", t.externalId());
        FccLabel l = t.fccLabel();
        Map<String, Object> fcc = new LinkedHashMap<>();
        fcc.put("PlanID", l.planId());
        fcc.put("TypicalUploadKbps", l.typicalUploadKbps());
        fcc.put("TypicalDownloadKbps", l.typicalDownloadKbps());
        fcc.put("PrivacyPolicyURL", l.privacyPolicyUrl());
        fcc.put("NetworkMgmtPolicyURL", l.networkManagementPolicyUrl());
        fcc.put("DataPolicyURL", l.dataPolicyUrl());
        fcc.put("BundleDiscountURL", l.bundleDiscountUrl());
        fcc.put("SupportURL", l.supportUrl());
        m.put("FCCLabel", fcc);
        m.put("SMSCode", t.smsCode());
        m.put("ServicePlanImageURL", t.imageUrl());
        m.put("TrialCycles", t.trialCycles());
        m.put("BillingCycleHours", t.billingCycleHours());
        m.put("Currencies", java.util.List.copyOf(t.prices().keySet()));
        t.prices().forEach((currency, price) -> m.put(PRICE + currency, price));
        m.put("MaximumTrialCyclesPerSubscriberPerVenue", t.maxTrialCyclesPerSubscriberPerVenue());
        m.put("MaximumFreeEnrollmentsPerSubscriberPerVenue", t.maxFreeEnrollmentsPerSubscriberPerVenue());
        m.put("SessionTimeoutSecondsPerDevice", t.sessionTimeoutSecondsPerDevice());
        return m;
    }

}
