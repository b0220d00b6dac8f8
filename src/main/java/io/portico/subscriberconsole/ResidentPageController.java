package io.portico.subscriberconsole;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageLocales;
import io.portico.radius.ResidentDevices;
import io.portico.subscription.ContactPreferences;
import io.portico.payment.ResidentBilling;
import io.portico.payment.ResidentInvoices;
import io.portico.payment.ResidentPlanChanges;
import io.portico.subscription.ResidentPlan;
import io.portico.subscription.ResidentService;
import io.portico.subscription.ResidentWifi;
import io.portico.subscription.SubscriberPrincipal;

/**
 * The signed-in resident's pages: My WiFi ({@code /subscriber/wifi}: SSIDs, keys as text and QR
 * code, rotation with a confirmation step), My devices ({@code /subscriber/devices}: names and
 * disconnect), My plan ({@code /subscriber/plan}: plan details, change (paid plans through
 * {@link ResidentPlanChanges}), cancel and undo, contact preferences) and Billing
 * ({@code /subscriber/billing}: the resident's paid invoices, paged). Forms post and redirect back with {@code done} (or {@code error}) so they
 * work without JavaScript; the rules live in {@link ResidentService} and {@link ResidentDevices}.
 */
@Controller
class ResidentPageController extends SubscriberErrorPages {

    private static final List<String> DONE = List.of("changed", "cancelled", "undone", "contact", "paying", "pending", "tofree");

    private final ResidentService residents;
    private final ResidentDevices devices;
    private final ResidentSessions sessions;

    private final ResidentBilling billing;
    private final ResidentPlanChanges planChanges;
    private final ResidentInvoices invoices;

    ResidentPageController(SubscriberPages pages, ResidentService residents, ResidentDevices devices, ResidentSessions sessions,
                           ResidentBilling billing, ResidentPlanChanges planChanges, ResidentInvoices invoices) {
        super(pages);
        this.billing = billing;
        this.planChanges = planChanges;
        this.invoices = invoices;
        this.residents = residents;
        this.devices = devices;
        this.sessions = sessions;
    }

    // ---- My WiFi -------------------------------------------------------------------------------

    @GetMapping("/subscriber/wifi")
    String wifi(SubscriberPrincipal principal, @RequestParam(required = false) @Nullable Long confirm,
                @RequestParam(required = false) @Nullable String done, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        SubscriberPage page = pages.frame(model, request, response, principal, 0, "nav.wifi", "wifi");
        ResidentWifi wifi = residents.wifi(principal);
        ZoneId zone = zone(principal);
        model.addAttribute("ssids", wifi.ssids());
        model.addAttribute("keys", wifi.keys().stream().map(k -> new ResidentViews.KeyView(k,
                wifi.ssids().stream().map(ssid -> new ResidentViews.QrView(ssid, WifiQrCode.svg(k.wifiQrPayload(ssid),
                        page.text().t("wifi.qrLabel", ssid)))).toList(),
                k.endsAt() == null ? page.text().t("wifi.noEnd") : page.text().t("wifi.until", date(k.endsAt(), zone, page)),
                confirm != null && confirm == k.subscriptionId())).toList());
        model.addAttribute("done", "rotated".equals(done) ? page.text().t("wifi.rotated") : null);
        return "subscriber/wifi";
    }

    @PostMapping("/subscriber/wifi/rotate")
    String rotate(SubscriberPrincipal principal, @RequestParam Map<String, String> form, HttpServletRequest request) {
        sessions.checkForm(request, form.get(FormGuard.FIELD));
        residents.rotateKey(principal, id(form.get("subscriptionId")));
        return "redirect:/subscriber/wifi?done=rotated";
    }

    // ---- My devices ----------------------------------------------------------------------------

    @GetMapping("/subscriber/devices")
    String devices(SubscriberPrincipal principal, @RequestParam(required = false) @Nullable String done,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        SubscriberPage page = pages.frame(model, request, response, principal, 0, "nav.devices", "devices");
        ZoneId zone = zone(principal);
        model.addAttribute("devices", devices.devices(principal).stream()
                .map(d -> new ResidentViews.DeviceView(d, date(d.lastSeen(), zone, page), bytes(d.bytesUsed()))).toList());
        model.addAttribute("done", done == null || !List.of("renamed", "disconnected").contains(done) ? null
                : page.text().t("devices." + done));
        return "subscriber/devices";
    }

    @PostMapping("/subscriber/devices/rename")
    String rename(SubscriberPrincipal principal, @RequestParam Map<String, String> form, HttpServletRequest request) {
        sessions.checkForm(request, form.get(FormGuard.FIELD));
        devices.rename(principal, form.getOrDefault("mac", ""), form.getOrDefault("name", "").strip());
        return "redirect:/subscriber/devices?done=renamed";
    }

    @PostMapping("/subscriber/devices/disconnect")
    String disconnect(SubscriberPrincipal principal, @RequestParam Map<String, String> form, HttpServletRequest request) {
        sessions.checkForm(request, form.get(FormGuard.FIELD));
        devices.disconnect(principal, form.getOrDefault("mac", ""));
        return "redirect:/subscriber/devices?done=disconnected";
    }

    // ---- My plan -------------------------------------------------------------------------------

    @GetMapping("/subscriber/plan")
    String plan(SubscriberPrincipal principal, @RequestParam(required = false) @Nullable String done,
                @RequestParam(required = false) @Nullable String error, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        SubscriberPage page = pages.frame(model, request, response, principal, 0, "nav.plan", "plan");
        List<ResidentViews.PlanView> views = residents.plans(principal).stream().map(p -> {
            var pending = planChanges.pending(principal, p.subscriptionId());
            return new ResidentViews.PlanView(p, date(p.startsAt(), p.timeZone(), page),
                    p.endsAt() == null ? null : date(p.endsAt(), p.timeZone(), page), date(p.cycleEndsAt(), p.timeZone(), page),
                    p.cancelledFor().map(t -> date(t, p.timeZone(), page)).orElse(null), residents.selfServicePlans(principal, p.subscriptionId()),
                    pending.map(c -> c.atPeriodEnd() && c.at() != null
                            ? page.text().t("plan.pendingFree", c.planName(), date(c.at(), p.timeZone(), page))
                            : page.text().t("plan.pending", c.planName())).orElse(null),
                    pending.map(ResidentPlanChanges.Pending::atPeriodEnd).orElse(false)
                            || billing.stopsRenewing(principal.operatorId(), p.subscriptionId()));
        }).toList();
        model.addAttribute("plans", views);
        boolean paysOnline = billing.available(principal.operatorId());
        model.addAttribute("paysOnline", paysOnline);
        if (paysOnline) {
            response.setHeader("Content-Security-Policy", SubscriberConsoleHeadersFilter.SIGNUP_CONTENT_SECURITY_POLICY);
        }
        model.addAttribute("subscriber", residents.subscriber(principal));
        model.addAttribute("locales", pages.look(principal.operatorId()).locales());
        boolean waiting = "paying".equals(done) || "pending".equals(done);
        boolean pending = views.stream().anyMatch(v -> v.pending() != null);
        // once Stripe has confirmed, the page that was waiting says the change is made
        String outcome = waiting && !pending ? "changed" : done;
        model.addAttribute("done", outcome == null || !DONE.contains(outcome) ? null : page.text().t("plan.done." + outcome));
        model.addAttribute("error", error == null || !List.of("paid", "sms").contains(error) ? null : page.text().t("plan.error." + error));
        if (waiting && pending) {
            // waiting for Stripe's webhook: look again by the Refresh header (as the paid sign-up's waiting page does)
            response.setHeader("Refresh", "3");
        }
        return "subscriber/plan";
    }

    @PostMapping("/subscriber/plan/change")
    String changePlan(SubscriberPrincipal principal, @RequestParam Map<String, String> form, HttpServletRequest request) {
        sessions.checkForm(request, form.get(FormGuard.FIELD));
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        ResidentPlanChanges.Result result = planChanges.request(principal, id(form.get("subscriptionId")), form.getOrDefault("plan", ""),
                URI.create(base + "/subscriber/plan?done=paying"), URI.create(base + "/subscriber/plan"));
        return switch (result.outcome()) {
            case CHANGED -> "redirect:/subscriber/plan?done=changed";
            case CHECKOUT -> "redirect:" + result.checkoutUrl();
            case PENDING -> "redirect:/subscriber/plan?done=pending";
            case AT_PERIOD_END -> "redirect:/subscriber/plan?done=tofree";
            case NOT_AVAILABLE -> "redirect:/subscriber/plan?error=paid";
        };
    }

    @PostMapping("/subscriber/plan/cancel")
    String cancel(SubscriberPrincipal principal, @RequestParam Map<String, String> form, HttpServletRequest request) {
        sessions.checkForm(request, form.get(FormGuard.FIELD));
        long id = id(form.get("subscriptionId"));
        if ("undo".equals(form.get("action"))) {
            residents.undoCancel(principal, id);
            return "redirect:/subscriber/plan?done=undone";
        }
        // A plan paid online stops renewing at Stripe (cancel_at_period_end) and ends with the paid period.
        if (billing.renewsOnline(principal.operatorId(), id)) {
            if (residents.plans(principal).stream().noneMatch(p -> p.subscriptionId() == id)) {
                throw io.portico.platform.PorticoException.notFound("Unknown subscription.");
            }
            billing.cancelAtPeriodEnd(principal.operatorId(), id);
            return "redirect:/subscriber/plan?done=cancelled";
        }
        residents.cancel(principal, id);
        return "redirect:/subscriber/plan?done=cancelled";
    }

    @PostMapping("/subscriber/plan/contact")
    String contact(SubscriberPrincipal principal, @RequestParam Map<String, String> form, HttpServletRequest request) {
        sessions.checkForm(request, form.get(FormGuard.FIELD));
        boolean sms = form.containsKey("sms");
        if (sms && residents.subscriber(principal).phoneE164().isEmpty()) {
            return "redirect:/subscriber/plan?error=sms";
        }
        residents.updateContact(principal, new ContactPreferences(sms, form.containsKey("email"), form.getOrDefault("locale", "")));
        return "redirect:/subscriber/plan?done=contact";
    }

    // ---- Billing -------------------------------------------------------------------------------

    @GetMapping("/subscriber/billing")
    String billing(SubscriberPrincipal principal, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        SubscriberPage frame = pages.frame(model, request, response, principal, 0, "nav.billing", "billing");
        ZoneId zone = zone(principal);
        java.util.Locale locale = PageLocales.javaLocale(frame.lang());
        ResidentInvoices.InvoicePage invoicePage = invoices.page(principal, page);
        model.addAttribute("invoices", invoicePage.invoices().stream().map(i -> new ResidentViews.InvoiceView(
                date(i.paidAt(), zone, frame), i.amount().format(locale), i.planName(),
                day(i.periodStart(), zone, frame) + " – " + day(i.periodEnd(), zone, frame))).toList());
        model.addAttribute("newer", invoicePage.page() > 0 ? "/subscriber/billing?page=" + (invoicePage.page() - 1) : null);
        model.addAttribute("older", invoicePage.hasOlder() ? "/subscriber/billing?page=" + (invoicePage.page() + 1) : null);
        return "subscriber/billing";
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ZoneId zone(SubscriberPrincipal principal) {
        return residents.plans(principal).stream().map(ResidentPlan::timeZone).findFirst().orElse(ZoneId.of("UTC"));
    }

    private static String date(Instant at, ZoneId zone, SubscriberPage page) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(PageLocales.javaLocale(page.lang())).withZone(zone).format(at);
    }

    private static String day(Instant at, ZoneId zone, SubscriberPage page) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(PageLocales.javaLocale(page.lang())).withZone(zone).format(at);
    }

    /** Bytes as people read them (decimal units). */
    static String bytes(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static long id(@Nullable String text) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw PorticoException.invalid("subscriptionId", "{subscriptionId} is required.");
        }
    }
}
