package io.portico.console.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.NewVouchers;
import io.portico.guest.SessionProfile;
import io.portico.guest.Voucher;
import io.portico.platform.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Management routes for what guests can buy: session profiles, guest plans and vouchers. New in
 * Portico; named in the console's style. Plans need MANAGE_PLANS, vouchers MANAGE_GUESTS.
 */
@RestController
@RequestMapping("/preview/networkoperatorconsole/guests")
@Tag(name = "Console: guest plans and vouchers")
class GuestPlanController {

    record AddSessionProfile(@JsonProperty("ClientID") @Nullable Long clientId,
                             @JsonProperty("SessionProfileName") @Nullable String name,
                             @JsonProperty("SessionTimeoutSeconds") @Nullable Long sessionTimeoutSeconds,
                             @JsonProperty("IdleTimeoutSeconds") @Nullable Long idleTimeoutSeconds,
                             @JsonProperty("DownloadKbps") @Nullable Long downloadKbps,
                             @JsonProperty("UploadKbps") @Nullable Long uploadKbps,
                             @JsonProperty("DataCapBytes") @Nullable Long dataCapBytes) {
    }

    record AddGuestPlan(@JsonProperty("ClientID") @Nullable Long clientId,
                        @JsonProperty("SessionProfileID") @Nullable Long sessionProfileId,
                        @JsonProperty("GuestPlanName") @Nullable String name,
                        @JsonProperty("DurationMinutes") @Nullable Long durationMinutes,
                        @JsonProperty("PriceCents") @Nullable Long priceCents,
                        @JsonProperty("Currency") @Nullable String currency) {
    }

    record AddVouchers(@JsonProperty("ClientID") @Nullable Long clientId,
                       @JsonProperty("GuestPlanID") @Nullable Long guestPlanId,
                       @JsonProperty("Count") @Nullable Integer count,
                       @JsonProperty("VoucherCode") @Nullable String code,
                       @JsonProperty("MaxUses") @Nullable Integer maxUses,
                       @JsonProperty("ExpiresUTC.ISO8601") @Nullable String expires) {
    }

    record VoucherRef(@JsonProperty("ClientID") @Nullable Long clientId, @JsonProperty("VoucherID") @Nullable Long voucherId) {
    }

    private static final long MAX_MINUTES = Duration.ofDays(366 * 5).toMinutes();

    private final GuestPlanService plans;

    GuestPlanController(GuestPlanService plans) {
        this.plans = plans;
    }

    @PostMapping("/addSessionProfile")
    @Operation(summary = "Adds a session profile (what a guest plan grants)", description = "Limits are optional; absent means unlimited.")
    Map<String, @Nullable Object> addSessionProfile(Actor actor, @RequestBody AddSessionProfile r) {
        SessionProfile p = plans.addSessionProfile(actor, GuestConsoleFields.required("ClientID", r.clientId()), r.name(),
                seconds(r.sessionTimeoutSeconds()), seconds(r.idleTimeoutSeconds()), r.downloadKbps(), r.uploadKbps(),
                r.dataCapBytes());
        return GuestConsoleFields.ok("Session profile added: " + p.name() + ". ", sessionProfile(p));
    }

    @PostMapping("/listSessionProfiles")
    @Operation(summary = "Lists a client's session profiles")
    Map<String, @Nullable Object> listSessionProfiles(Actor actor, @RequestBody GuestConsoleFields.ClientRef r) {
        return list("SessionProfiles", plans.listSessionProfiles(actor, r.required()).stream()
                .map(GuestPlanController::sessionProfile).toList());
    }

    @PostMapping("/addGuestPlan")
    @Operation(summary = "Adds a guest plan", description = "DurationMinutes from the plan's start; PriceCents in the Currency's minor unit (default USD).")
    Map<String, @Nullable Object> addGuestPlan(Actor actor, @RequestBody AddGuestPlan r) {
        long minutes = GuestConsoleFields.required("DurationMinutes", r.durationMinutes());
        if (minutes < 1 || minutes > MAX_MINUTES) {
            // Checked here as well as in GuestPlan: a huge value would overflow Duration before the record sees it.
            throw io.portico.platform.PorticoException.invalid("DurationMinutes", "DurationMinutes must be between 1 and " + MAX_MINUTES + ".");
        }
        GuestPlan p = plans.addGuestPlan(actor, GuestConsoleFields.required("ClientID", r.clientId()),
                GuestConsoleFields.required("SessionProfileID", r.sessionProfileId()), r.name(), Duration.ofMinutes(minutes),
                r.priceCents() == null ? 0 : r.priceCents(), r.currency() == null ? "USD" : r.currency());
        return GuestConsoleFields.ok("Guest plan added: " + p.name() + ". ", guestPlan(p));
    }

    @PostMapping("/listGuestPlans")
    @Operation(summary = "Lists a client's guest plans")
    Map<String, @Nullable Object> listGuestPlans(Actor actor, @RequestBody GuestConsoleFields.ClientRef r) {
        return list("GuestPlans", plans.listGuestPlans(actor, r.required()).stream().map(GuestPlanController::guestPlan).toList());
    }

    @PostMapping("/addVouchers")
    @Operation(summary = "Creates one voucher or a batch",
            description = "Count random codes (default 1, at most 10000), or one VoucherCode of your choice. MaxUses 1 (default) is single-use. "
                    + "ExpiresUTC.ISO8601 optional (never expires when absent).")
    Map<String, @Nullable Object> addVouchers(Actor actor, @RequestBody AddVouchers r) {
        List<Voucher> vouchers = plans.createVouchers(actor, new NewVouchers(GuestConsoleFields.required("ClientID", r.clientId()),
                GuestConsoleFields.required("GuestPlanID", r.guestPlanId()), r.count() == null ? 1 : r.count(), r.code(),
                r.maxUses() == null ? 1 : r.maxUses(), ConsoleFormats.parseIso(r.expires(), "ExpiresUTC.ISO8601")));
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("Vouchers", vouchers.stream().map(GuestPlanController::voucher).toList());
        body.put("VoucherCount", vouchers.size());
        return GuestConsoleFields.ok(vouchers.size() + " voucher(s) added. ", body);
    }

    @PostMapping("/listVouchers")
    @Operation(summary = "Lists a client's vouchers, newest first")
    Map<String, @Nullable Object> listVouchers(Actor actor, @RequestBody GuestConsoleFields.ClientRef r) {
        return list("Vouchers", plans.listVouchers(actor, r.required()).stream().map(GuestPlanController::voucher).toList());
    }

    @PostMapping("/revokeVoucher")
    @Operation(summary = "Revokes a voucher; it can no longer be redeemed (plans already started keep running)")
    Map<String, @Nullable Object> revokeVoucher(Actor actor, @RequestBody VoucherRef r) {
        long id = GuestConsoleFields.required("VoucherID", r.voucherId());
        plans.revokeVoucher(actor, GuestConsoleFields.required("ClientID", r.clientId()), id);
        return GuestConsoleFields.ok("Voucher " + id + " revoked. ", Map.of());
    }

    private static Map<String, @Nullable Object> list(String name, List<Map<String, @Nullable Object>> items) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put(name, items);
        return GuestConsoleFields.ok("", body);
    }

    private static @Nullable Duration seconds(@Nullable Long seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private static Map<String, @Nullable Object> sessionProfile(SessionProfile p) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("SessionProfileID", p.id());
        m.put("ClientID", p.clientId());
        m.put("SessionProfileName", p.name());
        m.put("SessionTimeoutSeconds", p.sessionTimeout() == null ? null : p.sessionTimeout().toSeconds());
        m.put("IdleTimeoutSeconds", p.idleTimeout() == null ? null : p.idleTimeout().toSeconds());
        m.put("DownloadKbps", p.downloadKbps());
        m.put("UploadKbps", p.uploadKbps());
        m.put("DataCapBytes", p.dataCapBytes());
        m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(p.createdAt()));
        return m;
    }

    private static Map<String, @Nullable Object> guestPlan(GuestPlan p) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("GuestPlanID", p.id());
        m.put("ClientID", p.clientId());
        m.put("SessionProfileID", p.sessionProfileId());
        m.put("GuestPlanName", p.name());
        m.put("DurationMinutes", p.duration().toMinutes());
        m.put("PriceCents", p.priceCents());
        m.put("Currency", p.currency());
        m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(p.createdAt()));
        return m;
    }

    private static Map<String, @Nullable Object> voucher(Voucher v) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("VoucherID", v.id());
        m.put("GuestPlanID", v.guestPlanId());
        m.put("VoucherCode", v.code());
        m.put("MaxUses", v.maxUses());
        m.put("Uses", v.uses());
        m.put("ExpiresUTC.ISO8601", v.expiresAt() == null ? null : ConsoleFormats.iso(v.expiresAt()));
        m.put("RevokedUTC.ISO8601", v.revokedAt() == null ? null : ConsoleFormats.iso(v.revokedAt()));
        m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(v.createdAt()));
        return m;
    }
}
