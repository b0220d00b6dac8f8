package io.portico.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.SessionProfile;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageText;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Guest set-up: a client's session profiles (what a plan grants: time and idle limits, speeds,
 * data cap) and guest plans (a profile, a length and a price), listed and added through
 * {@link GuestPlanService} as in the console API (MANAGE_PLANS, audited).
 */
@Controller
@Hidden
class SetupPlansController extends SetupPages {

    private static final String PROFILES = "/dashboard/setup/session-profiles";
    private static final String PLANS = "/dashboard/setup/guest-plans";
    private static final long MB = 1_000_000L;

    private final GuestPlanService plans;

    SetupPlansController(DashboardPages pages, DashboardSessions sessions, TenantService tenants, GuestPlanService plans) {
        super(pages, sessions, tenants);
        this.plans = plans;
    }

    // ---- session profiles ----

    @GetMapping(PROFILES)
    String profiles(Actor actor, @RequestParam(required = false) @Nullable Long client, @RequestParam(defaultValue = "0") int page,
                    HttpServletRequest request, Model model) {
        return profiles(actor, client, page, SetupViews.ProfileForm.EMPTY, null, request, model);
    }

    @PostMapping(PROFILES)
    String addProfile(Actor actor, @RequestParam long client, @RequestParam(defaultValue = "") String name,
                      @RequestParam(defaultValue = "") String sessionMinutes, @RequestParam(defaultValue = "") String idleMinutes,
                      @RequestParam(defaultValue = "") String downloadKbps, @RequestParam(defaultValue = "") String uploadKbps,
                      @RequestParam(defaultValue = "") String dataCapMb,
                      @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request,
                      Model model) {
        sessions.checkForm(request, csrf);
        actor.require(Permission.MANAGE_PLANS);
        SetupViews.ProfileForm form = new SetupViews.ProfileForm(name, sessionMinutes, idleMinutes, downloadKbps, uploadKbps, dataCapMb);
        PageText text = pages.text(request);
        try {
            Long session = number(text, "sessionMinutes", sessionMinutes);
            Long idle = number(text, "idleMinutes", idleMinutes);
            Long down = number(text, "downloadKbps", downloadKbps);
            Long up = number(text, "uploadKbps", uploadKbps);
            Long cap = number(text, "dataCapMb", dataCapMb);
            plans.addSessionProfile(actor, client, name, session == null ? null : Duration.ofMinutes(session),
                    idle == null ? null : Duration.ofMinutes(idle), down, up, cap == null ? null : Math.multiplyExact(cap, MB));
            return "redirect:" + PROFILES + "?client=" + client + "&added";
        } catch (PorticoException e) {
            return profiles(actor, client, 0, form, problem(text, e, "setup.conflict.profile"), request, model);
        } catch (ArithmeticException e) {
            return profiles(actor, client, 0, form, text.t("setup.invalid.number", text.t("setup.field.dataCapMb")), request, model);
        }
    }

    private String profiles(Actor actor, @Nullable Long client, int page, SetupViews.ProfileForm form, @Nullable String error,
                            HttpServletRequest request, Model model) {
        actor.require(DashboardSection.SETUP.permission());
        PageText text = pages.text(request);
        List<Client> clients = tenants.listClients(actor);
        Optional<Client> selected = chosen(clients, client);
        List<SessionProfile> all = selected.map(c -> plans.listSessionProfiles(actor, c.id())).orElse(List.of());
        SetupViews.Paged<SetupViews.ProfileRow> rows = SetupViews.Paged.of(all, page, PAGE).map(p -> new SetupViews.ProfileRow(
                p.id(), p.name(), minutes(text, p.sessionTimeout()), minutes(text, p.idleTimeout()), kbps(text, p.downloadKbps()),
                kbps(text, p.uploadKbps()), p.dataCapBytes() == null ? text.t("setup.noLimit")
                        : text.t("setup.megabytes", p.dataCapBytes() / MB)));
        model.addAttribute("page", frame(request, actor, "setup.profiles.title"));
        model.addAttribute("view", new SetupViews.ProfilesView(new SetupViews.Tabs("session-profiles", selected.map(Client::id).orElse(null)),
                clients, selected.map(Client::id).orElse(0L), rows, actor.can(Permission.MANAGE_PLANS), form,
                error));
        model.addAttribute("added", request.getParameter("added") != null && error == null);
        return "dashboard/setup-profiles";
    }

    // ---- guest plans ----

    @GetMapping(PLANS)
    String plans(Actor actor, @RequestParam(required = false) @Nullable Long client, @RequestParam(defaultValue = "0") int page,
                 HttpServletRequest request, Model model) {
        return plans(actor, client, page, SetupViews.PlanForm.EMPTY, null, request, model);
    }

    @PostMapping(PLANS)
    String addPlan(Actor actor, @RequestParam long client, @RequestParam(defaultValue = "") String name,
                   @RequestParam(defaultValue = "0") long profile, @RequestParam(defaultValue = "") String durationAmount,
                   @RequestParam(defaultValue = "days") String durationUnit, @RequestParam(defaultValue = "") String price,
                   @RequestParam(defaultValue = "") String currency,
                   @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request,
                   Model model) {
        sessions.checkForm(request, csrf);
        actor.require(Permission.MANAGE_PLANS);
        SetupViews.PlanForm form = new SetupViews.PlanForm(name, profile, durationAmount, durationUnit, price, currency);
        PageText text = pages.text(request);
        try {
            Long amount = number(text, "durationAmount", durationAmount);
            if (amount == null || amount > 366L * 5 * 24 * 60) {
                throw PorticoException.invalid("durationMinutes", "");
            }
            Duration duration = switch (durationUnit) {
                case "minutes" -> Duration.ofMinutes(amount);
                case "hours" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            plans.addGuestPlan(actor, client, profile, name, duration, cents(text, price), currency);
            return "redirect:" + PLANS + "?client=" + client + "&added";
        } catch (PorticoException e) {
            return plans(actor, client, 0, form, problem(text, e, "setup.conflict.plan"), request, model);
        }
    }

    private String plans(Actor actor, @Nullable Long client, int page, SetupViews.PlanForm form, @Nullable String error,
                         HttpServletRequest request, Model model) {
        actor.require(DashboardSection.SETUP.permission());
        PageText text = pages.text(request);
        List<Client> clients = tenants.listClients(actor);
        Optional<Client> selected = chosen(clients, client);
        List<SessionProfile> profiles = selected.map(c -> plans.listSessionProfiles(actor, c.id())).orElse(List.of());
        Map<Long, String> profileNames = profiles.stream().collect(Collectors.toMap(SessionProfile::id, SessionProfile::name));
        List<GuestPlan> all = selected.map(c -> plans.listGuestPlans(actor, c.id())).orElse(List.of());
        SetupViews.Paged<SetupViews.PlanRow> rows = SetupViews.Paged.of(all, page, PAGE).map(p -> new SetupViews.PlanRow(p.id(),
                p.name(), profileNames.getOrDefault(p.sessionProfileId(), "?"), VoucherController.duration(text, p.duration()),
                p.priceCents() == 0 ? text.t("setup.free")
                        : BigDecimal.valueOf(p.priceCents(), 2).toPlainString() + " " + p.currency()));
        model.addAttribute("page", frame(request, actor, "setup.plans.title"));
        model.addAttribute("view", new SetupViews.PlansView(new SetupViews.Tabs("guest-plans", selected.map(Client::id).orElse(null)),
                clients, selected.map(Client::id).orElse(0L), rows, profiles, actor.can(Permission.MANAGE_PLANS), form, error));
        model.addAttribute("added", request.getParameter("added") != null && error == null);
        return "dashboard/setup-plans";
    }

    /** A price typed in major units ({@code 4.99}) as minor units; at most two decimals. */
    private static long cents(PageText text, String typed) {
        String value = typed.strip().replace(',', '.');
        try {
            BigDecimal price = new BigDecimal(value.isEmpty() ? "0" : value);
            if (price.signum() < 0 || price.scale() > 2) {
                throw new NumberFormatException();
            }
            return price.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw PorticoException.invalid("priceCents", "");
        }
    }

    private static String minutes(PageText text, @Nullable Duration d) {
        return d == null ? text.t("setup.noLimit") : VoucherController.duration(text, d);
    }

    private static String kbps(PageText text, @Nullable Long kbps) {
        return kbps == null ? text.t("setup.noLimit") : text.t("setup.kbps", kbps);
    }
}
