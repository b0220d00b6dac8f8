package io.portico.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.plan.persistence.ServicePlanRepository;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Slice;
import io.portico.tenant.Keys;
import io.portico.tenant.Operator;
import io.portico.tenant.TenantService;

/**
 * Entry point of the plan module. The console facade adds, changes and lists plans; the
 * subscription module and the RADIUS work read a plan's speeds and devices through it.
 */
@Service
public class PlanService {

    /** The default billing cycle: a twelfth of a year, as in the console's examples. */
    public static final double MONTH_HOURS = 730.5;

    private final ServicePlanRepository repository;
    private final TenantService tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanService(ServicePlanRepository repository, TenantService tenants, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a plan for the actor's operator (addServicePlan); the name must be new. */
    @Transactional
    public PlanChange add(Actor actor, PlanChanges request) {
        actor.require(Permission.MANAGE_PLANS);
        ServicePlan plan = add(actor.operatorId(), request);
        String summary = addedSummary(plan);
        events.publishEvent(AdministratorActed.by(actor, "/equipment/addServicePlan", Map.of("message", summary), clock.instant()));
        return new PlanChange(plan, summary);
    }

    /** Adds a plan without an acting administrator (demo data, tests). */
    @Transactional
    public ServicePlan add(long operatorId, PlanChanges request) {
        for (var required : new Object[][] {{"planName", request.name()}, {"downloadKbps", request.downloadKbps()},
                {"uploadKbps", request.uploadKbps()}, {"concurrentDevices", request.concurrentDevices()}}) {
            if (required[1] == null || required[1] instanceof String s && s.isBlank()) {
                throw PorticoException.invalid((String) required[0], PorticoException.ref((String) required[0]) + " is required.");
            }
        }
        PlanTerms terms = merge(defaults(request), request);
        Operator operator = tenants.findOperator(operatorId).orElseThrow(() -> PorticoException.notFound("Unknown operator."));
        String key = operator.key() + "._V3SERVICEPLAN_." + Keys.part(terms.name());
        if (Keys.part(terms.name()).isEmpty()) {
            throw PorticoException.invalid("planName", "{planName} must contain letters or digits.");
        }
        requireUniqueName(operatorId, terms.name(), null);
        if (repository.findByKey(operatorId, key).isPresent()) {
            throw PorticoException.conflict("A service plan with ID " + key + " already exists; choose another {planName}.");
        }
        return repository.insert(operatorId, key, terms, clock.instant());
    }

    /** The operator log's summary of a new plan (demo data writes past entries with it). */
    public static String addedSummary(ServicePlan plan) {
        PlanTerms t = plan.terms();
        return "Plan added: " + plan.key() + " - " + t.uploadKbps() + " UP / " + t.downloadKbps() + " DOWN - "
                + t.concurrentDevices() + " concurrent devices per subscriber. ";
    }

    /**
     * Changes the given fields of a plan (configureServicePlan); the summary lists each change as
     * the operator log records it. Prices given are always listed.
     */
    @Transactional
    public PlanChange configure(Actor actor, String planKey, PlanChanges request) {
        actor.require(Permission.MANAGE_PLANS);
        ServicePlan plan = repository.findByKey(actor.operatorId(), planKey)
                .orElseThrow(() -> PorticoException.notFound("Unknown {planId} " + planKey + "."));
        PlanTerms before = plan.terms();
        PlanTerms after = merge(before, request);
        if (!after.name().equals(before.name())) {
            requireUniqueName(actor.operatorId(), after.name(), plan.id());
        }
        String summary = changes(before, after, request);
        if (summary.isEmpty()) {
            return new PlanChange(plan, "No changes. ");
        }
        repository.update(plan.id(), after);
        events.publishEvent(AdministratorActed.by(actor, "/equipment/configureServicePlan",
                Map.of("message", summary), clock.instant()));
        return new PlanChange(new ServicePlan(plan.id(), plan.operatorId(), plan.key(), after, plan.createdAt()), summary);
    }

    public List<ServicePlan> list(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.list(actor.operatorId());
    }

    /** A page of the operator's plans by name, after the plan {@code afterKey} (the dashboard's list, read in SQL). */
    public Slice<ServicePlan> page(Actor actor, Optional<String> afterKey, int size) {
        actor.require(Permission.READ_CONFIGURATION);
        return Slice.of(repository.page(actor.operatorId(), afterKey, size + 1), size);
    }

    /** At most {@code limit} of the operator's plans whose name starts with {@code namePrefix} (case-insensitive), by name. */
    public List<ServicePlan> named(Actor actor, String namePrefix, int limit) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.named(actor.operatorId(), Slice.prefix(namePrefix), limit);
    }

    public List<ServicePlan> listByOperator(long operatorId) {
        return repository.list(operatorId);
    }

    /** A plan of the operator by its ServicePlanID; empty for unknown ones and other operators'. */
    public Optional<ServicePlan> findByKey(long operatorId, String planKey) {
        return repository.findByKey(operatorId, planKey);
    }

    /** A plan by internal id, scoped to the operator. */
    public Optional<ServicePlan> find(long operatorId, long planId) {
        return repository.find(planId).filter(p -> p.operatorId() == operatorId);
    }

    private void requireUniqueName(long operatorId, String name, @Nullable Long except) {
        boolean taken = repository.list(operatorId).stream()
                .anyMatch(p -> p.terms().name().equalsIgnoreCase(name) && !Objects.equals(p.id(), except));
        if (taken) {
            throw PorticoException.conflict("A service plan named '" + name + "' already exists.");
        }
    }

    /** What a new plan starts from; without Currencies or prices it is priced 0 USD. */
    private static PlanTerms defaults(PlanChanges c) {
        Map<String, Long> prices = new LinkedHashMap<>();
        (c.currencies() != null ? c.currencies() : c.prices().isEmpty() ? List.of("USD") : List.copyOf(c.prices().keySet()))
                .forEach(currency -> prices.put(currency, 0L));
        return new PlanTerms("-", 1, 1, 1, false, false, "", "", FccLabel.NONE, "", "", 0, MONTH_HOURS,
                prices.isEmpty() ? Map.of("USD", 0L) : prices, 0, 0, 3600);
    }

    private static PlanTerms merge(PlanTerms base, PlanChanges c) {
        List<String> currencies = new ArrayList<>(c.currencies() != null ? c.currencies() : base.prices().keySet());
        for (String priced : c.prices().keySet()) {
            if (c.currencies() != null && !c.currencies().contains(priced)) {
                throw PorticoException.invalid("prices." + priced, "{prices}." + priced
                        + " is given but " + priced + " is not in {currencies}.");
            }
            if (!currencies.contains(priced)) {
                currencies.add(priced);
            }
        }
        if (currencies.size() != new java.util.HashSet<>(currencies).size()) {
            throw PorticoException.invalid("currencies", "{currencies} must not repeat a currency.");
        }
        Map<String, Long> prices = new LinkedHashMap<>();
        for (String currency : currencies) {
            prices.put(currency, c.prices().getOrDefault(currency, base.prices().getOrDefault(currency, 0L)));
        }
        return new PlanTerms(or(c.name(), base.name()), or(c.downloadKbps(), base.downloadKbps()),
                or(c.uploadKbps(), base.uploadKbps()), or(c.concurrentDevices(), base.concurrentDevices()),
                or(c.globallyAvailable(), base.globallyAvailable()), or(c.allowSelfSignup(), base.allowSelfSignup()),
                or(c.description(), base.description()), or(c.externalId(), base.externalId()),
                or(c.fccLabel(), base.fccLabel()), or(c.smsCode(), base.smsCode()), or(c.imageUrl(), base.imageUrl()),
                or(c.trialCycles(), base.trialCycles()), or(c.billingCycleHours(), base.billingCycleHours()), prices,
                or(c.maxTrialCyclesPerSubscriberPerVenue(), base.maxTrialCyclesPerSubscriberPerVenue()),
                or(c.maxFreeEnrollmentsPerSubscriberPerVenue(), base.maxFreeEnrollmentsPerSubscriberPerVenue()),
                or(c.sessionTimeoutSecondsPerDevice(), base.sessionTimeoutSecondsPerDevice()));
    }

    private static <T> T or(@Nullable T given, T current) {
        return given != null ? given : current;
    }

    /** The change list in the operator log's words, external ID and speeds first. */
    private static String changes(PlanTerms b, PlanTerms a, PlanChanges request) {
        StringBuilder out = new StringBuilder();
        if (!a.externalId().equals(b.externalId())) {
            out.append("Updated externalServicePlanID = ").append(a.externalId()).append(". ");
        }
        updating(out, "UploadKbps", b.uploadKbps(), a.uploadKbps());
        updating(out, "DownloadKbps", b.downloadKbps(), a.downloadKbps());
        updating(out, "ServicePlanName", b.name(), a.name());
        updating(out, "ConcurrentDevices", b.concurrentDevices(), a.concurrentDevices());
        updating(out, "GloballyAvailablePlan", b.globallyAvailable(), a.globallyAvailable());
        updating(out, "AllowSelfSignup", b.allowSelfSignup(), a.allowSelfSignup());
        updating(out, "ServicePlanDescription", b.description(), a.description());
        if (!a.fccLabel().equals(b.fccLabel())) {
            out.append("Updating FCCLabel. ");
        }
        updating(out, "SMSCode", b.smsCode(), a.smsCode());
        updating(out, "ServicePlanImageURL", b.imageUrl(), a.imageUrl());
        updating(out, "TrialCycles", b.trialCycles(), a.trialCycles());
        updating(out, "BillingCycleHours", b.billingCycleHours(), a.billingCycleHours());
        if (!List.copyOf(a.prices().keySet()).equals(List.copyOf(b.prices().keySet()))) {
            out.append("Updating Currencies to ").append(String.join(", ", a.prices().keySet())).append(". ");
        }
        a.prices().forEach((currency, price) -> {
            if (request.prices().containsKey(currency) || !price.equals(b.prices().get(currency))) {
                out.append("Updating BillingCyclePrice.").append(currency).append(" to ").append(price).append(". ");
            }
        });
        updating(out, "MaximumTrialCyclesPerSubscriberPerVenue", b.maxTrialCyclesPerSubscriberPerVenue(), a.maxTrialCyclesPerSubscriberPerVenue());
        updating(out, "MaximumFreeEnrollmentsPerSubscriberPerVenue", b.maxFreeEnrollmentsPerSubscriberPerVenue(), a.maxFreeEnrollmentsPerSubscriberPerVenue());
        updating(out, "SessionTimeoutSecondsPerDevice", b.sessionTimeoutSecondsPerDevice(), a.sessionTimeoutSecondsPerDevice());
        return out.toString();
    }

    private static void updating(StringBuilder out, String field, Object before, Object after) {
        if (!before.equals(after)) {
            out.append("Updating ").append(field).append(" to ").append(after).append(". ");
        }
    }
}
