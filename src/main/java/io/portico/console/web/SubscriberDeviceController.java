package io.portico.console.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.platform.Actor;
import io.portico.radius.ResidentDevices;
import io.portico.subscription.EnrollmentLimits;
import io.portico.subscription.SubscriptionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Staff's per-subscriber routes for residents' devices and enrolment limits (new in Portico, console style). */
@RestController
@Tag(name = "Console: subscribers and subscriptions")
class SubscriberDeviceController {

    record SubscriberBody(@JsonProperty("SubscriberEmail") @Nullable String email) {
    }

    record DeviceBody(@JsonProperty("SubscriberEmail") @Nullable String email, @JsonProperty("MACAddress") @Nullable String macAddress) {
    }

    private final ResidentDevices devices;
    private final SubscriptionService subscriptions;

    SubscriberDeviceController(ResidentDevices devices, SubscriptionService subscriptions) {
        this.devices = devices;
        this.subscriptions = subscriptions;
    }

    @PostMapping("/preview/networkoperatorconsole/subscribers/listDevices")
    @Operation(summary = "A subscriber's devices seen on their keys or unit VLANs, with name, online state and data used",
            description = "SubscriberEmail names the subscriber. Roles: any role that reads configuration.")
    Map<String, Object> listDevices(Actor actor, @RequestBody SubscriberBody r) {
        return ResidentWire.ok("", "Devices", devices.devices(actor, r.email()).stream().map(ResidentWire::device).toList());
    }

    @PostMapping("/preview/networkoperatorconsole/subscribers/disconnectDevice")
    @Operation(summary = "Sends Disconnect-Requests for the open sessions of one of a subscriber's devices (audited)",
            description = "Roles: DomainAdministrators, AccountManagers.")
    Map<String, Object> disconnectDevice(Actor actor, @RequestBody DeviceBody r) {
        return ResidentWire.ok("Disconnect requested. ", "Device",
                ResidentWire.device(devices.disconnect(actor, r.email(), r.macAddress())));
    }

    @PostMapping("/preview/networkoperatorconsole/subscribers/getEnrollmentLimits")
    @Operation(summary = "A subscriber's enrolments against the operator's and each self-service plan's maximums",
            description = "-1 is unlimited. The limits are changed where they live: ShoppingCart (operator settings) and each plan's "
                    + "MaximumFreeEnrollmentsPerSubscriberPerVenue / MaximumTrialCyclesPerSubscriberPerVenue.")
    Map<String, Object> enrollmentLimits(Actor actor, @RequestBody SubscriberBody r) {
        EnrollmentLimits limits = subscriptions.enrollmentLimits(actor, r.email());
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("message", "");
        body.put("EmailAddress", limits.subscriber().email());
        body.put("MaximumFreeEnrollmentsPerSubscriber", limits.operatorMaxFreeEnrollments());
        body.put("MaximumTrialCyclesPerSubscriber", limits.operatorMaxTrialCycles());
        body.put("FreeEnrollments", limits.freeEnrollments());
        body.put("ServicePlans", limits.plans().stream().map(p -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("ServicePlanID", p.planKey());
            m.put("ServicePlanName", p.planName());
            m.put("Free", p.free());
            m.put("TrialCycles", p.trialCycles());
            m.put("MaximumFreeEnrollmentsPerSubscriberPerVenue", p.maxFreeEnrollmentsPerVenue());
            m.put("MaximumTrialCyclesPerSubscriberPerVenue", p.maxTrialCyclesPerVenue());
            m.put("EnrollmentsByVenue", p.enrollmentsByVenue());
            return m;
        }).toList());
        body.put("errorProcessing", false);
        return body;
    }
}
