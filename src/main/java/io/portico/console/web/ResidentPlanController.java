package io.portico.console.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.subscription.ContactPreferences;
import io.portico.subscription.ResidentService;
import io.portico.subscription.SubscriberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * "My plan" for a signed-in resident (a subscriber's AccessToken): plans with speeds and FCC
 * label, self-service plan change, cancel at the end of the cycle and undo, contact preferences.
 */
@RestController
@Tag(name = "Subscriber console: resident")
class ResidentPlanController {

    private static final String PREFIX = ResidentNetworkController.PREFIX;

    record ChangePlan(@JsonProperty("SubscriptionID") @Nullable Long subscriptionId,
                      @JsonProperty("ServicePlanID") @Nullable String planKey) {
    }

    record Contact(@JsonProperty("contactpref_sms") @Nullable Boolean sms, @JsonProperty("contactpref_email") @Nullable Boolean mail,
                   @JsonProperty("locale") @Nullable String locale) {
    }

    private final ResidentService residents;

    ResidentPlanController(ResidentService residents) {
        this.residents = residents;
    }

    @PostMapping(PREFIX + "listSubscriptions")
    @Operation(summary = "The resident's current and future subscriptions with plan, speeds, FCC label, dates and billing cycle")
    Map<String, Object> subscriptions(SubscriberPrincipal resident, @RequestBody(required = false) @Nullable Empty body) {
        return ResidentWire.ok("", "Subscriptions", residents.plans(resident).stream().map(ResidentWire::plan).toList());
    }

    @PostMapping(PREFIX + "listAvailablePlans")
    @Operation(summary = "The self-service plans one of the resident's subscriptions can move to",
            description = "Plans with AllowSelfSignup other than the current one; paid plans are listed but cannot be chosen until payments exist.")
    Map<String, Object> availablePlans(SubscriberPrincipal resident, @RequestBody ResidentNetworkController.SubscriptionBody r) {
        return ResidentWire.ok("", "ServicePlans", residents.selfServicePlans(resident, ResidentNetworkController.required(r.subscriptionId()))
                .stream().map(PlanWire::render).toList());
    }

    @PostMapping(PREFIX + "changeServicePlan")
    @Operation(summary = "Moves one of the resident's subscriptions to another free self-service plan",
            description = "As the console's changeServicePlan: SubscriptionPlanUpdated, and the gateways get the new speed. Paid plans are 409.")
    Map<String, Object> changePlan(SubscriberPrincipal resident, @RequestBody ChangePlan r) {
        return ResidentWire.ok("Plan changed. ", "Subscription", ResidentWire.plan(
                residents.changePlan(resident, ResidentNetworkController.required(r.subscriptionId()), r.planKey())));
    }

    @PostMapping(PREFIX + "cancelSubscription")
    @Operation(summary = "Cancels one of the resident's subscriptions at the end of its current billing cycle")
    Map<String, Object> cancel(SubscriberPrincipal resident, @RequestBody ResidentNetworkController.SubscriptionBody r) {
        return ResidentWire.ok("Subscription cancelled at the end of the billing cycle. ", "Subscription",
                ResidentWire.plan(residents.cancel(resident, ResidentNetworkController.required(r.subscriptionId()))));
    }

    @PostMapping(PREFIX + "undoCancelSubscription")
    @Operation(summary = "Takes back the resident's cancellation before it takes effect")
    Map<String, Object> undoCancel(SubscriberPrincipal resident, @RequestBody ResidentNetworkController.SubscriptionBody r) {
        return ResidentWire.ok("Cancellation undone. ", "Subscription",
                ResidentWire.plan(residents.undoCancel(resident, ResidentNetworkController.required(r.subscriptionId()))));
    }

    @PostMapping(PREFIX + "updateContactPreferences")
    @Operation(summary = "Changes how the resident is contacted (SMS needs a phone number on file) and their locale")
    Map<String, Object> contact(SubscriberPrincipal resident, @RequestBody Contact r) {
        return ResidentWire.ok("Contact preferences updated. ", "Subscriber", ResidentWire.contact(residents.updateContact(resident,
                new ContactPreferences(Boolean.TRUE.equals(r.sms()), r.mail() == null || r.mail(), r.locale()))));
    }
}
