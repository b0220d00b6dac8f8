package io.portico.dashboard;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.NewVoucherBatch;
import io.portico.guest.Voucher;
import io.portico.guest.VoucherBatch;
import io.portico.guest.VoucherRedemption;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageText;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Vouchers: create a batch, list batches and their vouchers (keyset pages), print a batch or one
 * voucher as a printable page or a PDF with QR codes that open the hotspot's portal with the code
 * filled in, revoke a voucher, and see redemptions. The guest module decides and audits.
 */
@Controller
@Hidden
class VoucherController extends DashboardErrorPages {

    private static final Choice NO_PLANS = new Choice("batch-plan", "plan", "planName", List.of(), false, null, "");
    private static final Choice NO_HOTSPOTS = new Choice("batch-hotspot", "hotspot", "hotspotName", List.of(), false, null, "");

    static final int PAGE = 50;
    private static final String PRINT_STYLESHEET = io.portico.platform.web.AssetVersions.versioned(
            DashboardWebConfiguration.STATIC_PATH, "static/dashboard/", "vouchers-print.css");

    private final GuestPlanService plans;
    private final HotspotService hotspots;
    private final TenantService tenants;
    private final DashboardSessions sessions;
    private final DashboardChoices choices;
    private final Clock clock;

    VoucherController(DashboardPages pages, GuestPlanService plans, HotspotService hotspots, TenantService tenants,
                      DashboardSessions sessions, DashboardChoices choices, Clock clock) {
        super(pages);
        this.choices = choices;
        this.clock = clock;
        this.plans = plans;
        this.hotspots = hotspots;
        this.tenants = tenants;
        this.sessions = sessions;
    }

    @GetMapping("/dashboard/vouchers")
    String list(Actor actor, @RequestParam(required = false) @Nullable Long client,
                @RequestParam(required = false) @Nullable Long before, HttpServletRequest request, Model model) {
        actor.require(DashboardSection.VOUCHERS.permission());
        String clientName = request.getParameter("clientName");
        Optional<Client> selected = choices.clientOrFirst(actor, client, clientName);
        Choice clients = choices.clients(actor, "client", selected.map(Client::id).orElse(null), clientName);
        PageText text = pages.text(request);
        List<VoucherViews.BatchRow> rows = new ArrayList<>();
        Choice guestPlans = NO_PLANS;
        Choice clientHotspots = NO_HOTSPOTS;
        @Nullable Long older = null;
        if (selected.isPresent()) {
            long clientId = selected.get().id();
            // The batch form's menus, bounded like every menu: above the limit, names resolved on the server.
            guestPlans = choices.guestPlans(actor, clientId, "batch-plan", "plan", null, null);
            clientHotspots = choices.hotspotsOf(actor, clientId, "batch-hotspot", null, null);
            Map<Long, String> planNames = new java.util.HashMap<>();
            List<VoucherBatch> batches = plans.listBatches(actor, clientId, before, PAGE + 1);
            for (VoucherBatch b : batches.subList(0, Math.min(PAGE, batches.size()))) {
                rows.add(new VoucherViews.BatchRow(b.id(), b.label(), planNames.computeIfAbsent(b.guestPlanId(), id -> plans.guestPlan(actor, clientId, id).name()), b.count(), b.redeemed(),
                        b.revoked(), validity(text, b.expiresAt()), utcDateTime(b.createdAt())));
            }
            older = batches.size() > PAGE ? batches.get(PAGE - 1).id() : null;
        }
        model.addAttribute("page", pages.page(request, actor, DashboardSection.VOUCHERS, "vouchers.title"));
        model.addAttribute("view", new VoucherViews.VouchersView(clients, selected.map(Client::id).orElse(0L), guestPlans, clientHotspots, rows,
                older, actor.can(Permission.MANAGE_GUESTS), LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(30).toString()));
        return "dashboard/vouchers";
    }

    @PostMapping("/dashboard/vouchers")
    String create(Actor actor, @RequestParam long client, @RequestParam(required = false) @Nullable Long plan,
                  @RequestParam(required = false) @Nullable String planName, @RequestParam(required = false) @Nullable Long hotspot,
                  @RequestParam(required = false) @Nullable String hotspotName, @RequestParam(defaultValue = "") String label, @RequestParam int count, @RequestParam(defaultValue = "1") int uses,
                  @RequestParam(defaultValue = "") String validUntil,
                  @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request) {
        sessions.checkForm(request, csrf);
        // Picked from a menu or typed by name; a name matching none or several is refused naming it.
        long hotspotId = choices.hotspotOf(actor, client, hotspot, hotspotName).map(Hotspot::id)
                .orElseThrow(() -> PorticoException.invalid(pages.text(request).t("vouchers.chooseHotspot")));
        long planId = choices.guestPlan(actor, client, plan, planName).map(GuestPlan::id)
                .orElseThrow(() -> PorticoException.invalid(pages.text(request).t("vouchers.needPlanAndHotspot")));
        Instant expires = null;
        if (!validUntil.isBlank()) {
            try {
                expires = LocalDate.parse(validUntil.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw PorticoException.invalid(pages.text(request).t("vouchers.badDate"));
            }
        }
        VoucherBatch batch = plans.createBatch(actor, new NewVoucherBatch(client, planId, label, count, uses, expires, hotspotId));
        return "redirect:/dashboard/vouchers/batches/" + batch.id() + "?client=" + client + "&created";
    }

    @GetMapping("/dashboard/vouchers/batches/{batchId}")
    String batch(Actor actor, @PathVariable long batchId, @RequestParam long client,
                 @RequestParam(defaultValue = "0") long after, HttpServletRequest request, Model model) {
        VoucherBatch batch = plans.batch(actor, client, batchId);
        PageText text = pages.text(request);
        List<Voucher> vouchers = plans.batchVouchers(actor, client, batchId, after, PAGE + 1);
        List<VoucherViews.VoucherRow> rows = new ArrayList<>();
        Instant now = clock.instant();
        for (Voucher v : vouchers.subList(0, Math.min(PAGE, vouchers.size()))) {
            String state = v.revokedAt() != null ? "revoked" : v.uses() >= v.maxUses() ? "redeemed"
                    : v.expiresAt() != null && !v.expiresAt().isAfter(now) ? "expired" : v.uses() > 0 ? "partly" : "unused";
            rows.add(new VoucherViews.VoucherRow(v.id(), v.code(), text.t("vouchers.state." + state),
                    switch (state) { case "revoked", "expired" -> "bad"; case "redeemed", "partly" -> "ok"; default -> "warn"; },
                    v.uses(), v.maxUses()));
        }
        List<io.portico.guest.VoucherRedemption> page = plans.batchRedemptions(actor, client, batchId, null, PAGE);
        Map<Long, String> hotspotNames = new java.util.HashMap<>();
        for (var r : page) {
            if (r.hotspotId() != null && !hotspotNames.containsKey(r.hotspotId())) {
                hotspots.find(actor.operatorId(), r.hotspotId()).ifPresent(h -> hotspotNames.put(h.id(), h.name()));
            }
        }
        List<VoucherViews.RedemptionRow> redemptions = page.stream().map(r -> redemption(text, r, hotspotNames)).toList();
        String plan = plans.guestPlan(actor, client, batch.guestPlanId()).name();
        model.addAttribute("page", pages.page(request, actor, DashboardSection.VOUCHERS, "vouchers.batch.title", batch.label()));
        model.addAttribute("view", new VoucherViews.BatchView(client, batch.id(), batch.label(), plan, batch.count(), batch.redeemed(),
                batch.revoked(), validity(text, batch.expiresAt()), batch.createdBy(), utcDateTime(batch.createdAt()), rows,
                vouchers.size() > PAGE ? vouchers.get(PAGE - 1).id() : null, redemptions, actor.can(Permission.MANAGE_GUESTS),
                request.getParameter("created") != null));
        return "dashboard/voucher-batch";
    }

    @PostMapping("/dashboard/vouchers/{voucherId}/revoke")
    String revoke(Actor actor, @PathVariable long voucherId, @RequestParam long client, @RequestParam long batch,
                  @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request) {
        sessions.checkForm(request, csrf);
        plans.revokeVoucher(actor, client, voucherId);
        return "redirect:/dashboard/vouchers/batches/" + batch + "?client=" + client;
    }

    @GetMapping("/dashboard/vouchers/batches/{batchId}/print")
    String printBatch(Actor actor, @PathVariable long batchId, @RequestParam long client, HttpServletRequest request, Model model) {
        VoucherBatch batch = plans.batch(actor, client, batchId);
        return printPage(actor, request, model, batch.label(), cards(actor, client, batch, allVouchers(actor, client, batchId), request));
    }

    @GetMapping("/dashboard/vouchers/batches/{batchId}/vouchers.pdf")
    void pdfBatch(Actor actor, @PathVariable long batchId, @RequestParam long client, HttpServletRequest request,
                  HttpServletResponse response) throws IOException {
        VoucherBatch batch = plans.batch(actor, client, batchId);
        pdf(response, batch.label(), "vouchers-" + batchId + ".pdf",
                cards(actor, client, batch, allVouchers(actor, client, batchId), request));
    }

    @GetMapping("/dashboard/vouchers/{voucherId}/print")
    String reprint(Actor actor, @PathVariable long voucherId, @RequestParam long client, @RequestParam long batch,
                   HttpServletRequest request, Model model) {
        Voucher voucher = plans.voucher(actor, client, voucherId);
        VoucherBatch b = plans.batch(actor, client, batch);
        return printPage(actor, request, model, voucher.code(), cards(actor, client, b, List.of(voucher), request));
    }

    @GetMapping("/dashboard/vouchers/{voucherId}/voucher.pdf")
    void reprintPdf(Actor actor, @PathVariable long voucherId, @RequestParam long client, @RequestParam long batch,
                    HttpServletRequest request, HttpServletResponse response) throws IOException {
        Voucher voucher = plans.voucher(actor, client, voucherId);
        VoucherBatch b = plans.batch(actor, client, batch);
        pdf(response, voucher.code(), "voucher-" + voucher.code() + ".pdf", cards(actor, client, b, List.of(voucher), request));
    }

    private String printPage(Actor actor, HttpServletRequest request, Model model, String title, List<VoucherCard> cards) {
        PageText text = pages.text(request);
        model.addAttribute("page", pages.page(request, actor, DashboardSection.VOUCHERS, "vouchers.print.title",
                List.of(PRINT_STYLESHEET), List.of(), title));
        model.addAttribute("view", new VoucherViews.PrintView(title, cards.stream().map(c -> new VoucherViews.PrintCard(c.code(), c.plan(), c.validity(),
                QrCodes.svg(c.portalUrl(), text.t("vouchers.print.qr", c.code())), c.portalUrl())).toList()));
        return "dashboard/voucher-print";
    }

    private static void pdf(HttpServletResponse response, String title, String filename, List<VoucherCard> cards) throws IOException {
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        response.setHeader("Cache-Control", "no-store");
        VoucherPdf.write(title, cards, response.getOutputStream());
    }

    private List<Voucher> allVouchers(Actor actor, long client, long batchId) {
        return plans.batchVouchers(actor, client, batchId, 0, io.portico.guest.NewVouchers.MAX_BATCH);
    }

    private List<VoucherCard> cards(Actor actor, long client, VoucherBatch batch, List<Voucher> vouchers, HttpServletRequest request) {
        PageText text = pages.text(request);
        Hotspot hotspot = Optional.ofNullable(batch.hotspotId()).flatMap(id -> hotspots.find(actor.operatorId(), id))
                .filter(h -> h.clientId() == client)
                .or(() -> hotspots.page(actor, client, 0, 1).rows().stream().findFirst())
                .orElseThrow(() -> PorticoException.conflict(text.t("vouchers.noHotspot")));
        GuestPlan guestPlan = plans.guestPlan(actor, client, batch.guestPlanId());
        String plan = guestPlan.name() + " · " + duration(text, guestPlan.duration());
        Function<Voucher, String> url = v -> ServletUriComponentsBuilder.fromContextPath(request).path("/portal/{nas}")
                .queryParam("voucher", v.code()).encode().buildAndExpand(hotspot.nasIdentifier()).toUriString();
        return vouchers.stream().map(v -> new VoucherCard(v.code(), plan, validity(text, v.expiresAt())
                + (v.maxUses() > 1 ? " · " + text.t("vouchers.usesEach", v.maxUses()) : ""), url.apply(v))).toList();
    }

    private static VoucherViews.RedemptionRow redemption(PageText text, VoucherRedemption r, Map<Long, String> hotspotNames) {
        return new VoucherViews.RedemptionRow(r.code(), r.macAddress() == null ? text.t("vouchers.erased") : r.macAddress(),
                r.email() == null ? "" : r.email(),
                r.hotspotId() == null ? "" : hotspotNames.getOrDefault(r.hotspotId(), "#" + r.hotspotId()),
                utcDateTime(r.redeemedAt()));
    }

    private static String validity(PageText text, @Nullable Instant expiresAt) {
        return expiresAt == null ? text.t("vouchers.noExpiry")
                : text.t("vouchers.validUntil", expiresAt.minusSeconds(1).atZone(ZoneOffset.UTC).toLocalDate().toString());
    }

    static String duration(PageText text, Duration d) {
        if (d.toDays() > 0 && d.toHours() % 24 == 0) {
            return text.t("vouchers.days", d.toDays());
        }
        if (d.toHours() > 0 && d.toMinutes() % 60 == 0) {
            return text.t("vouchers.hours", d.toHours());
        }
        return text.t("vouchers.minutes", d.toMinutes());
    }

    static String utcDateTime(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDateTime().withNano(0).toString().replace('T', ' ') + " UTC";
    }
}
