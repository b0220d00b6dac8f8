package io.portico.guestapi.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.portico.guest.GuestPlanService;
import io.portico.guest.PurchaseDetails;
import io.portico.identity.ClientPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /v2/client/guests-guest-plans}: the client's guest plan purchases started in a recent window. */
@RestController
@Tag(name = "Guest API v2")
class GuestPlansController {

    private final GuestPlanService plans;
    private final Clock clock;

    GuestPlansController(GuestPlanService plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @GetMapping("/v2/client/guests-guest-plans")
    @Operation(summary = "Lists guest plan purchases",
            description = "state active|expired (default active, as of now); started_since_timestamp (yyyy-mm-dd hh:mm:ss UTC, at most 7 days ago) "
                    + "or started_since_relative (10m, 4h, 2d; default 12h, at most 7d), not both.")
    List<Map<String, @Nullable Object>> list(ClientPrincipal client, @RequestParam(required = false) @Nullable String state,
                                             @RequestParam(name = "started_since_timestamp", required = false) @Nullable String timestamp,
                                             @RequestParam(name = "started_since_relative", required = false) @Nullable String relative) {
        Instant now = clock.instant();
        var planState = GuestApiParameters.state(state);
        Instant since = GuestApiParameters.startedSince(timestamp, relative, now);
        return plans.purchasesStartedSince(client.clientId(), since, planState).stream()
                .map(GuestPlansController::wire).toList();
    }

    private static Map<String, @Nullable Object> wire(PurchaseDetails p) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("token", p.guestToken().toString());
        m.put("macaddress", p.macAddress().value());
        m.put("email", p.email());
        m.put("guest_plan_name", p.guestPlanName());
        m.put("guest_plan_start", spaced(p.startsAt()));
        m.put("guest_plan_expire", spaced(p.expiresAt()));
        m.put("guest_plan_state", p.active() ? "Active" : "Expired");
        m.put("session_profile_name", p.sessionProfileName());
        m.put("payment_gateway", p.paymentGateway());
        m.put("gateway_transaction_id", p.transactionId());
        return m;
    }

    static String spaced(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(GuestApiParameters.SPACED);
    }
}
