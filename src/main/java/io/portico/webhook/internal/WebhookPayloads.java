package io.portico.webhook.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.portico.gateway.GatewayChangeFailed;
import io.portico.guest.GuestCreated;
import io.portico.guest.GuestPlanPurchased;
import io.portico.payment.GuestPlanRefunded;
import io.portico.subscription.LoginPasswordCreated;
import io.portico.subscription.Subscriber;
import io.portico.subscription.SubscriptionAdded;
import io.portico.subscription.SubscriptionAdjusted;
import io.portico.subscription.SubscriptionEnded;
import io.portico.subscription.SubscriptionKeyReset;
import io.portico.subscription.SubscriptionPlanUpdated;
import io.portico.subscription.SubscriptionSnapshot;
import io.portico.subscription.SubscriptionStarted;
import io.portico.tenant.Client;
import io.portico.unit.Unit;
import io.portico.unit.VenueUnitAdded;
import io.portico.unit.VenueUnitUpdated;
import io.portico.venue.Venue;

/**
 * The webhook wire contract: which webhooks each domain event becomes and their fields, in the
 * console document's style. Built from the event alone (the events carry what the payloads
 * show), so {@link WebhookOutbox} has one handler for all of them.
 */
final class WebhookPayloads {

    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Map<String, Object> PSK_REPLACED = Map.of("event", "PSK replaced. ");

    /** One webhook to queue: its Type, ordering key and the fields after the common header. */
    record Webhook(long operatorId, String type, String orderingKey, Map<String, Object> fields) {
    }

    private WebhookPayloads() {
    }

    /** The webhooks an event becomes, in sending order (a date adjustment that moved nothing becomes none). */
    static List<Webhook> of(Object event) {
        return switch (event) {
            case SubscriptionAdded e -> List.of(subscription("KeyStart", e.subscription(), Map.of()));
            case SubscriptionStarted e -> List.of(subscription("SubscriptionStarted", e.subscription(), Map.of()));
            case SubscriptionEnded e -> List.of(subscription("SubscriptionEnded", e.subscription(), Map.of()));
            case SubscriptionKeyReset e -> List.of(subscription("KeyEnd", e.subscription(), PSK_REPLACED),
                    subscription("KeyStart", e.subscription(), PSK_REPLACED));
            case SubscriptionAdjusted e -> adjustments(e);
            case SubscriptionPlanUpdated e -> List.of(subscription("SubscriptionPlanUpdated", e.subscription(),
                    Map.of("PreviousServicePlanID", e.previousPlanKey())));
            case LoginPasswordCreated e -> List.of(loginPasswordCreated(e));
            case VenueUnitAdded e -> List.of(unit("VenueUnitAdded", e.unit(), e.venue(), Map.of()));
            case VenueUnitUpdated e -> List.of(unit("VenueUnitUpdated", e.unit(), e.venue(),
                    Map.of("previousvlan", e.previousVlan())));
            case GuestCreated e -> List.of(guestCreated(e));
            case GuestPlanPurchased e -> List.of(guestPlanPurchased(e));
            case GuestPlanRefunded e -> List.of(guestPlanRefunded(e));
            case GatewayChangeFailed e -> List.of(gatewayChangeFailed(e));
            default -> throw new IllegalArgumentException("No webhook for " + event.getClass().getName());
        };
    }

    private static List<Webhook> adjustments(SubscriptionAdjusted e) {
        List<Webhook> webhooks = new ArrayList<>();
        if (e.startMoved()) {
            webhooks.add(subscription("SubscriptionStartDateAdjustment", e.subscription(),
                    Map.of("PreviousStartDateTimeUTC.ISO8601", ISO.format(e.previousStart()))));
        }
        if (e.endMoved()) {
            webhooks.add(subscription("SubscriptionEndDateAdjustment", e.subscription(),
                    Map.of("PreviousEndDateTimeUTC.ISO8601", iso(e.previousEnd()))));
        }
        return webhooks;
    }

    private static Webhook subscription(String type, SubscriptionSnapshot s, Map<String, Object> extra) {
        Map<String, Object> p = unitFields(s.unit(), s.venue());
        p.put("SubscriptionID", s.subscriptionId());
        p.put("SubscriberToken", s.subscriber().token());
        p.put("EmailAddress", s.subscriber().email());
        p.put("ServicePlanID", s.planKey());
        p.put("StartDateTimeUTC.ISO8601", ISO.format(s.subscription().startsAt()));
        p.put("EndDateTimeUTC.ISO8601", iso(s.subscription().endsAt()));
        p.put("psk", s.subscription().psk());
        p.putAll(extra);
        return new Webhook(s.operatorId(), type, "subscription:" + s.subscriptionId(), p);
    }

    private static Webhook unit(String type, Unit unit, Venue venue, Map<String, Object> extra) {
        Map<String, Object> p = unitFields(unit, venue);
        p.putAll(extra);
        return new Webhook(unit.operatorId(), type, "unit:" + unit.id(), p);
    }

    private static Map<String, Object> unitFields(Unit unit, Venue v) {
        Map<String, Object> p = new LinkedHashMap<>();
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
        p.put("UnitID_internal", unit.key());
        p.put("UnitID", unit.name());
        p.put("UnitBuilding", unit.building());
        p.put("UnitFloor", unit.floor());
        p.put("vlan", unit.vlan());
        p.put("externalVenueUnitID", unit.externalUnitId());
        return p;
    }

    private static Webhook loginPasswordCreated(LoginPasswordCreated e) {
        Subscriber s = e.subscriber();
        Map<String, Object> p = new LinkedHashMap<>();
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
        p.put("event", e.acceptedTerms() ? "Subscriber accepted TandC. " : "Subscriber set a password. ");
        p.put("PhoneNumber.E164", s.phoneE164());
        return new Webhook(s.operatorId(), "LoginPasswordCreated", "subscriber:" + s.id(), p);
    }

    private static Webhook guestCreated(GuestCreated e) {
        Map<String, Object> p = guestFields(e.client(), e.guestId());
        p.put("GuestToken", e.token().toString());
        p.put("MACAddress", e.macAddress());
        p.put("EmailAddress", text(e.email()));
        p.put("FirstName", text(e.firstName()));
        p.put("LastName", text(e.lastName()));
        return new Webhook(e.client().operatorId(), "GuestCreated", "guest:" + e.guestId(), p);
    }

    private static Webhook guestPlanPurchased(GuestPlanPurchased e) {
        Map<String, Object> p = guestFields(e.client(), e.guestId());
        p.put("PurchaseID", e.purchaseId());
        p.put("GuestPlanID", e.guestPlanId());
        p.put("PaymentGateway", e.paymentGateway());
        p.put("StartDateTimeUTC.ISO8601", ISO.format(e.startsAt()));
        p.put("ExpiryDateTimeUTC.ISO8601", ISO.format(e.expiresAt()));
        return new Webhook(e.client().operatorId(), "GuestPlanPurchased", "guest:" + e.guestId(), p);
    }

    private static Webhook guestPlanRefunded(GuestPlanRefunded e) {
        Map<String, Object> p = guestFields(e.client(), e.guestId());
        p.put("PurchaseID", e.purchaseId());
        p.put("PaymentGateway", e.paymentGateway());
        p.put("RefundID", e.refundReference());
        p.put("AmountMinorUnits", e.amount().minorUnits());
        p.put("Currency", e.amount().currency());
        p.put("RefundDateTimeUTC.ISO8601", ISO.format(e.refundedAt()));
        return new Webhook(e.client().operatorId(), "GuestPlanRefunded", "guest:" + e.guestId(), p);
    }

    private static Map<String, Object> guestFields(Client client, long guestId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ClientID", client.key());
        p.put("GuestID", guestId);
        return p;
    }

    private static Webhook gatewayChangeFailed(GatewayChangeFailed e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("VenueID", e.venueKey());
        p.put("EquipmentID", e.equipmentKey());
        p.put("vlan", e.vlan());
        p.put("Request", (e.enable() ? "Enable" : "Disable") + " VLAN " + e.vlan());
        p.put("statusCode", e.statusCode());
        p.put("ERROR", e.error());
        p.put("attempts", e.attempts());
        return new Webhook(e.operatorId(), "GatewayChangeFailed", "gateway:" + e.gatewayId() + ":" + e.vlan(), p);
    }

    private static String iso(@Nullable Instant instant) {
        return instant == null ? "" : ISO.format(instant);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
