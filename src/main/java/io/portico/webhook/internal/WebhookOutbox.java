package io.portico.webhook.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.portico.gateway.GatewayChangeFailed;
import io.portico.guest.GuestCreated;
import io.portico.guest.GuestPlanPurchased;
import io.portico.subscription.LoginPasswordCreated;
import io.portico.subscription.SubscriptionAdded;
import io.portico.subscription.SubscriptionAdjusted;
import io.portico.subscription.SubscriptionEnded;
import io.portico.subscription.SubscriptionKeyReset;
import io.portico.subscription.SubscriptionPlanUpdated;
import io.portico.subscription.SubscriptionService;
import io.portico.subscription.SubscriptionStarted;
import io.portico.subscription.SubscriptionView;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;
import io.portico.unit.Unit;
import io.portico.unit.UnitService;
import io.portico.unit.VenueUnitAdded;
import io.portico.unit.VenueUnitUpdated;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;
import io.portico.webhook.persistence.WebhookRepository;

/**
 * Turns domain events into webhook outbox rows, inside the publisher's transaction (a plain
 * listener with MANDATORY propagation, like the audit module's): the row exists exactly when the
 * change commits. The payloads are the webhook's wire contract, in the console document's style
 * ({@code Type}, {@code dateAddedUTC.ISO8601}, the object's fields). Operators without a
 * WebhookURL get no rows. The {@link WebhookDispatcher} delivers them.
 */
@Component
class WebhookOutbox {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final WebhookRepository repository;
    private final SubscriptionService subscriptions;
    private final UnitService units;
    private final VenueService venues;
    private final TenantService tenants;
    private final Clock clock;

    WebhookOutbox(WebhookRepository repository, SubscriptionService subscriptions, UnitService units, VenueService venues,
                  TenantService tenants, Clock clock) {
        this.repository = repository;
        this.subscriptions = subscriptions;
        this.units = units;
        this.venues = venues;
        this.tenants = tenants;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SubscriptionStarted e) {
        subscription("SubscriptionStarted", e.operatorId(), e.subscriptionId(), Map.of());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SubscriptionEnded e) {
        subscription("SubscriptionEnded", e.operatorId(), e.subscriptionId(), Map.of());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SubscriptionAdded e) {
        subscription("KeyStart", e.operatorId(), e.subscriptionId(), Map.of());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SubscriptionKeyReset e) {
        subscription("KeyEnd", e.operatorId(), e.subscriptionId(), Map.of("event", "PSK replaced. "));
        subscription("KeyStart", e.operatorId(), e.subscriptionId(), Map.of("event", "PSK replaced. "));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SubscriptionAdjusted e) {
        if (e.startMoved()) {
            subscription("SubscriptionStartDateAdjustment", e.operatorId(), e.subscriptionId(),
                    Map.of("PreviousStartDateTimeUTC.ISO8601", ISO.format(e.previousStart())));
        }
        if (e.endMoved()) {
            subscription("SubscriptionEndDateAdjustment", e.operatorId(), e.subscriptionId(),
                    Map.of("PreviousEndDateTimeUTC.ISO8601", e.previousEnd() == null ? "" : ISO.format(e.previousEnd())));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(SubscriptionPlanUpdated e) {
        subscription("SubscriptionPlanUpdated", e.operatorId(), e.subscriptionId(),
                Map.of("PreviousServicePlanID", e.previousPlanKey()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(LoginPasswordCreated e) {
        if (url(e.operatorId()) == null) {
            return;
        }
        subscriptions.findSubscriber(e.operatorId(), e.subscriberId()).ifPresent(s -> {
            Map<String, Object> p = header("LoginPasswordCreated");
            p.put("SourceIP", e.origin().sourceIp());
            p.put("AdministratorOS", "");
            p.put("AdministratorBrowser", "");
            p.put("SourceLocale", e.origin().locale());
            p.put("EmailAddress", s.email());
            p.put("SubscriberToken", s.token());
            p.put("GivenName", s.givenName());
            p.put("FamilyName", s.familyName());
            p.put("locale", s.locale());
            p.put("contactpref_sms", s.contactBySms());
            p.put("contactpref_email", s.contactByEmail());
            p.put("event", "Subscriber set a password. ");
            p.put("PhoneNumber.E164", s.phoneE164());
            enqueue(e.operatorId(), "LoginPasswordCreated", "subscriber:" + e.subscriberId(), p);
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(VenueUnitAdded e) {
        unit("VenueUnitAdded", e.operatorId(), e.unitId(), Map.of());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(VenueUnitUpdated e) {
        unit("VenueUnitUpdated", e.operatorId(), e.unitId(), Map.of("previousvlan", e.previousVlan()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(GuestCreated e) {
        tenants.findClient(e.clientId()).ifPresent(client -> {
            Map<String, Object> p = header("GuestCreated", client);
            p.put("GuestID", e.guestId());
            p.put("GuestToken", e.token().toString());
            p.put("MACAddress", e.macAddress());
            p.put("EmailAddress", text(e.email()));
            p.put("FirstName", text(e.firstName()));
            p.put("LastName", text(e.lastName()));
            enqueue(client.operatorId(), "GuestCreated", "guest:" + e.guestId(), p);
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(GuestPlanPurchased e) {
        tenants.findClient(e.clientId()).ifPresent(client -> {
            Map<String, Object> p = header("GuestPlanPurchased", client);
            p.put("GuestID", e.guestId());
            p.put("PurchaseID", e.purchaseId());
            p.put("GuestPlanID", e.guestPlanId());
            p.put("PaymentGateway", e.paymentGateway());
            p.put("StartDateTimeUTC.ISO8601", ISO.format(e.startsAt()));
            p.put("ExpiryDateTimeUTC.ISO8601", ISO.format(e.expiresAt()));
            enqueue(client.operatorId(), "GuestPlanPurchased", "guest:" + e.guestId(), p);
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(GatewayChangeFailed e) {
        Map<String, Object> p = header("GatewayChangeFailed");
        venues.find(e.operatorId(), e.venueId()).ifPresent(v -> p.put("VenueID", v.key()));
        p.put("EquipmentID", e.equipmentKey());
        p.put("vlan", e.vlan());
        p.put("Request", (e.enable() ? "Enable" : "Disable") + " VLAN " + e.vlan());
        p.put("statusCode", e.statusCode());
        p.put("ERROR", e.error());
        p.put("attempts", e.attempts());
        enqueue(e.operatorId(), "GatewayChangeFailed", "gateway:" + e.gatewayId() + ":" + e.vlan(), p);
    }

    private void subscription(String type, long operatorId, long subscriptionId, Map<String, Object> extra) {
        if (url(operatorId) == null) {
            return;
        }
        subscriptions.view(operatorId, subscriptionId).ifPresent(view -> {
            Map<String, Object> p = header(type);
            putUnit(p, operatorId, view.unit());
            put(p, view);
            p.putAll(extra);
            enqueue(operatorId, type, "subscription:" + subscriptionId, p);
        });
    }

    private void unit(String type, long operatorId, long unitId, Map<String, Object> extra) {
        if (url(operatorId) == null) {
            return;
        }
        units.find(operatorId, unitId).ifPresent(unit -> {
            Map<String, Object> p = header(type);
            putUnit(p, operatorId, unit);
            p.putAll(extra);
            enqueue(operatorId, type, "unit:" + unitId, p);
        });
    }

    private Map<String, Object> header(String type) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Type", type);
        p.put("dateAddedUTC.ISO8601", ISO.format(clock.instant()));
        return p;
    }

    private Map<String, Object> header(String type, Client client) {
        Map<String, Object> p = header(type);
        p.put("ClientID", client.key());
        return p;
    }

    private void putUnit(Map<String, Object> p, long operatorId, Unit unit) {
        venues.find(operatorId, unit.venueId()).ifPresent((Venue v) -> {
            p.put("VenueID", v.key());
            p.put("purpose", unit.purpose().code());
            p.put("externalVenueID", v.externalVenueId());
            p.put("VenueName", v.name());
            p.put("AddressLine1", v.address().line1());
            p.put("AddressLine2", v.address().line2());
            p.put("City", v.address().city());
            p.put("State", v.address().state());
            p.put("Country.ISO3166A3", v.address().country());
            p.put("PostalCode", v.address().postalCode());
        });
        p.put("UnitID_internal", unit.key());
        p.put("UnitID", unit.name());
        p.put("UnitBuilding", unit.building());
        p.put("UnitFloor", unit.floor());
        p.put("vlan", unit.vlan());
        p.put("externalVenueUnitID", unit.externalUnitId());
    }

    private static void put(Map<String, Object> p, SubscriptionView view) {
        p.put("SubscriptionID", view.subscription().id());
        p.put("SubscriberToken", view.subscriber().token());
        p.put("EmailAddress", view.subscriber().email());
        p.put("ServicePlanID", view.planKey());
        p.put("StartDateTimeUTC.ISO8601", ISO.format(view.subscription().startsAt()));
        p.put("EndDateTimeUTC.ISO8601", view.subscription().endsAt() == null ? "" : ISO.format(view.subscription().endsAt()));
        p.put("psk", view.subscription().psk());
    }

    private @Nullable String url(long operatorId) {
        return repository.find(operatorId).map(WebhookRepository.Row::url).filter(u -> !u.isBlank()).orElse(null);
    }

    private void enqueue(long operatorId, String type, String orderingKey, Map<String, Object> payload) {
        String url = url(operatorId);
        if (url != null) {
            repository.enqueue(operatorId, "msg_" + UUID.randomUUID().toString().replace("-", ""), orderingKey, type, url,
                    payload, clock.instant());
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
