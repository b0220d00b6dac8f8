package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.portico.platform.Actor;
import io.portico.subscription.PendingVlanChange;
import io.portico.subscription.SubscriptionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The console's pending gateway VLAN lists (listPendingGatewayVLANEnable/Disable). */
@RestController
@RequestMapping("/preview/networkoperatorconsole/equipment/gateway")
@Tag(name = "Console: Operator/Equipment")
class GatewayVlanController {

    private final SubscriptionService subscriptions;

    GatewayVlanController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping("/listPendingGatewayVLANEnable")
    @Operation(summary = "Lists subscriptions whose VLAN is still to be enabled on the venue's gateway",
            description = "Pending when the subscription has started, has not ended, and its unit's VLAN is not confirmed enabled "
                    + "on every gateway of the venue. Read-only. Roles: DomainAdministrators, AccountManagers, CustomerSupport.")
    Map<String, Object> pendingEnable(Actor actor, @RequestBody(required = false) @Nullable Empty body) {
        return pending(subscriptions.pendingEnables(actor), "VLAN not enabled.");
    }

    @PostMapping("/listPendingGatewayVLANDisable")
    @Operation(summary = "Lists units whose VLAN is still to be disabled on the venue's gateway",
            description = "Pending when every subscription on the unit has ended and its VLAN is still enabled on a gateway of the venue; "
                    + "each unit is shown with its last-ending subscription. Read-only.")
    Map<String, Object> pendingDisable(Actor actor, @RequestBody(required = false) @Nullable Empty body) {
        return pending(subscriptions.pendingDisables(actor), "VLAN enabled.");
    }

    /** The wire shape of both lists: one row per pending unit, each with the list's status. */
    private static Map<String, Object> pending(List<PendingVlanChange> list, String status) {
        List<Map<String, Object>> rows = list.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("VenueID", p.venueKey());
            m.put("UnitID_internal", p.unitKey());
            m.put("vlan", p.vlan());
            m.put("SubscriberEmail", p.subscriberEmail());
            m.put("StartDateTimeUTC.ISO8601", ConsoleFormats.iso(p.startsAt()));
            if (p.endsAt() != null) {
                m.put("EndDateTimeUTC.ISO8601", ConsoleFormats.iso(p.endsAt()));
            }
            m.put("Status", status);
            return m;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("Subscriptions", rows);
        body.put("SubscriptionCount", rows.size());
        body.put("errorProcessing", false);
        return body;
    }
}
