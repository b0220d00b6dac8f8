package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.subscription.IssuedKey;
import io.portico.subscription.NewKey;
import io.portico.subscription.Subscriber;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.Subscription;
import io.portico.subscription.SubscriptionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Management routes for subscribers, their subscriptions and PSKs (new in Portico, console style). */
@RestController
@Tag(name = "Console: subscribers and subscriptions")
class SubscriberController {

    record AddKey(@JsonProperty("UnitID_internal") @Nullable String unitKey,
                  @JsonProperty("ServicePlanID") @Nullable String planKey,
                  @JsonProperty("EmailAddress") @Nullable String email,
                  @JsonProperty("GivenName") @Nullable String givenName,
                  @JsonProperty("FamilyName") @Nullable String familyName,
                  @JsonProperty("PhoneNumber.E164") @Nullable String phone,
                  @JsonProperty("locale") @Nullable String locale,
                  @JsonProperty("contactpref_sms") @Nullable Boolean sms,
                  @JsonProperty("contactpref_email") @Nullable Boolean mail,
                  @JsonProperty("StartDateTimeUTC.ISO8601") @Nullable String start,
                  @JsonProperty("EndDateTimeUTC.ISO8601") @Nullable String end,
                  @JsonProperty("psk") @Nullable String psk) {
    }

    record ResetKey(@JsonProperty("SubscriptionID") @Nullable Long subscriptionId, @JsonProperty("psk") @Nullable String psk) {
    }

    record UpdateSubscriber(@JsonProperty("SubscriberEmail") @Nullable String current,
                            @JsonProperty("EmailAddress") @Nullable String email,
                            @JsonProperty("GivenName") @Nullable String givenName,
                            @JsonProperty("FamilyName") @Nullable String familyName,
                            @JsonProperty("PhoneNumber.E164") @Nullable String phone,
                            @JsonProperty("locale") @Nullable String locale,
                            @JsonProperty("contactpref_sms") @Nullable Boolean sms,
                            @JsonProperty("contactpref_email") @Nullable Boolean mail) {
    }

    record EndSubscription(@JsonProperty("SubscriptionID") @Nullable Long subscriptionId,
                           @JsonProperty("EndDateTimeUTC.ISO8601") @Nullable String end) {
    }

    record ChangeServicePlan(@JsonProperty("SubscriptionID") @Nullable Long subscriptionId,
                             @JsonProperty("ServicePlanID") @Nullable String planKey) {
    }

    record AdjustSubscription(@JsonProperty("SubscriptionID") @Nullable Long subscriptionId,
                              @JsonProperty("StartDateTimeUTC.ISO8601") @Nullable String start,
                              @JsonProperty("EndDateTimeUTC.ISO8601") @Nullable String end,
                              @JsonProperty("RemoveEndDate") @Nullable Boolean removeEnd) {
    }

    private final SubscriptionService subscriptions;

    SubscriberController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping("/preview/networkoperatorconsole/subscribers/addKey")
    @Operation(summary = "Adds a subscription (and the subscriber when new) on a unit and answers its PSK",
            description = "Required: UnitID_internal, ServicePlanID, EmailAddress, GivenName, FamilyName. StartDateTimeUTC.ISO8601 "
                    + "defaults to now; EndDateTimeUTC.ISO8601 is optional. psk only when the operator allows CustomPSK; otherwise "
                    + "a 16-character key from a secure random generator. Overlapping subscriptions on one unit are 409 unless "
                    + "allowOverlappingSubscriptionWiredUnit. Roles: DomainAdministrators, AccountManagers.")
    Map<String, Object> addKey(Actor actor, @RequestBody AddKey r) {
        SubscriberDetails details = new SubscriberDetails(r.email(), r.givenName(), r.familyName(), r.phone(), r.locale(),
                Boolean.TRUE.equals(r.sms()), r.mail() == null || r.mail());
        IssuedKey issued = subscriptions.addKey(actor, new NewKey(r.unitKey(), r.planKey(), details,
                ConsoleFormats.parseIso(r.start(), "StartDateTimeUTC.ISO8601"),
                ConsoleFormats.parseIso(r.end(), "EndDateTimeUTC.ISO8601"), r.psk()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", (issued.subscriberCreated() ? "Subscriber added. " : "") + "Subscription added. ");
        body.putAll(subscription(issued.subscription(), issued.subscriber(), issued.venueKey(), issued.unit().key(),
                issued.unit().vlan(), issued.plan().key()));
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/preview/networkoperatorconsole/subscribers/resetKey")
    @Operation(summary = "Replaces a subscription's PSK (generated unless psk is given and CustomPSK is allowed)")
    Map<String, Object> resetKey(Actor actor, @RequestBody ResetKey r) {
        Subscription s = subscriptions.resetKey(actor, required(r.subscriptionId()), r.psk());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "PSK replaced. ");
        body.put("SubscriptionID", s.id());
        body.put("psk", s.psk());
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/preview/networkoperatorconsole/subscribers/updateSubscriber")
    @Operation(summary = "Changes a subscriber's contact details", description = "SubscriberEmail names the subscriber; the other fields replace the details.")
    Map<String, Object> updateSubscriber(Actor actor, @RequestBody UpdateSubscriber r) {
        Subscriber s = subscriptions.updateSubscriber(actor, r.current(), new SubscriberDetails(r.email(), r.givenName(),
                r.familyName(), r.phone(), r.locale(), Boolean.TRUE.equals(r.sms()), r.mail() == null || r.mail()));
        Map<String, Object> body = subscriber(s);
        body.put("message", "Subscriber updated. ");
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/preview/networkoperatorconsole/subscribers/listSubscribers")
    @Operation(summary = "Lists the operator's subscribers")
    Map<String, Object> listSubscribers(Actor actor, @RequestBody(required = false) @Nullable Empty body) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", "");
        out.put("Subscribers", subscriptions.listSubscribers(actor).stream().map(SubscriberController::subscriber).toList());
        out.put("errorProcessing", false);
        return out;
    }

    @PostMapping("/preview/networkoperatorconsole/subscriptions/listSubscriptions")
    @Operation(summary = "Lists the operator's subscriptions with subscriber, unit, plan, PSK and state (future, active, ended)")
    Map<String, Object> listSubscriptions(Actor actor, @RequestBody(required = false) @Nullable Empty body) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", "");
        out.put("Subscriptions", subscriptions.listSubscriptions(actor).stream().map(v -> {
            Map<String, Object> m = subscription(v.subscription(), v.subscriber(), v.venueKey(), v.unit().key(),
                    v.unit().vlan(), v.planKey());
            m.put("Status", v.state().name().toLowerCase(java.util.Locale.ROOT));
            return m;
        }).toList());
        out.put("errorProcessing", false);
        return out;
    }

    @PostMapping("/preview/networkoperatorconsole/subscriptions/endSubscription")
    @Operation(summary = "Ends a subscription now or at EndDateTimeUTC.ISO8601")
    Map<String, Object> end(Actor actor, @RequestBody EndSubscription r) {
        Subscription s = subscriptions.end(actor, required(r.subscriptionId()), ConsoleFormats.parseIso(r.end(), "EndDateTimeUTC.ISO8601"));
        return dates("Subscription ends at " + ConsoleFormats.iso(s.endsAt()) + ". ", s);
    }

    @PostMapping("/preview/networkoperatorconsole/subscriptions/adjustSubscription")
    @Operation(summary = "Moves a subscription's start and/or end (RemoveEndDate makes it open-ended)")
    Map<String, Object> adjust(Actor actor, @RequestBody AdjustSubscription r) {
        Subscription s = subscriptions.adjust(actor, required(r.subscriptionId()),
                ConsoleFormats.parseIso(r.start(), "StartDateTimeUTC.ISO8601"),
                ConsoleFormats.parseIso(r.end(), "EndDateTimeUTC.ISO8601"), Boolean.TRUE.equals(r.removeEnd()));
        return dates("Subscription dates updated. ", s);
    }

    @PostMapping("/preview/networkoperatorconsole/subscriptions/changeServicePlan")
    @Operation(summary = "Moves a subscription to another service plan of the operator (the gateway gets the new speed)")
    Map<String, Object> changeServicePlan(Actor actor, @RequestBody ChangeServicePlan r) {
        long id = required(r.subscriptionId());
        var plan = subscriptions.changePlan(actor, id, r.planKey());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Subscription " + id + " now has plan " + plan.key() + ". ");
        body.put("SubscriptionID", id);
        body.put("ServicePlanID", plan.key());
        body.put("errorProcessing", false);
        return body;
    }

    private static Map<String, Object> dates(String message, Subscription s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("SubscriptionID", s.id());
        body.put("StartDateTimeUTC.ISO8601", ConsoleFormats.iso(s.startsAt()));
        if (s.endsAt() != null) {
            body.put("EndDateTimeUTC.ISO8601", ConsoleFormats.iso(s.endsAt()));
        }
        body.put("errorProcessing", false);
        return body;
    }

    private static long required(@Nullable Long id) {
        if (id == null) {
            throw PorticoException.invalid("SubscriptionID", "SubscriptionID is required.");
        }
        return id;
    }

    private static Map<String, Object> subscription(Subscription s, Subscriber subscriber, String venueKey, String unitKey,
                                                    int vlan, String planKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("SubscriptionID", s.id());
        m.put("SubscriberToken", subscriber.token());
        m.put("EmailAddress", subscriber.email());
        m.put("VenueID", venueKey);
        m.put("UnitID_internal", unitKey);
        m.put("vlan", vlan);
        m.put("ServicePlanID", planKey);
        m.put("StartDateTimeUTC.ISO8601", ConsoleFormats.iso(s.startsAt()));
        if (s.endsAt() != null) {
            m.put("EndDateTimeUTC.ISO8601", ConsoleFormats.iso(s.endsAt()));
        }
        m.put("psk", s.psk());
        return m;
    }

    private static Map<String, Object> subscriber(Subscriber s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("SubscriberToken", s.token());
        m.put("EmailAddress", s.email());
        m.put("GivenName", s.givenName());
        m.put("FamilyName", s.familyName());
        m.put("PhoneNumber.E164", s.phoneE164());
        m.put("locale", s.locale());
        m.put("contactpref_sms", s.contactBySms());
        m.put("contactpref_email", s.contactByEmail());
        m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(s.createdAt()));
        return m;
    }
}
