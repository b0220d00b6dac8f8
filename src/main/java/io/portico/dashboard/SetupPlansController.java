package io.portico.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
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
 * data cap) and guest plans (a profile, a length and a price), listed, added and changed through
 * {@link GuestPlanService} as in the console API (MANAGE_PLANS, audited).
 */
@Controller
@Hidden
class SetupPlansController extends SetupPages {

    private static final String PROFILES = "/dashboard/setup/session-profiles";
    private static final String PLANS = "/dashboard/setup/guest-plans";
    private static final long MB = 1_000_000L;
    private static final Choice NO_PROFILES = new Choice("plan-profile", "profileId", "profileName", List.of(), false, null, "");

    private final GuestPlanService plans;

    SetupPlansController(DashboardPages pages, DashboardSessions sessions, TenantService tenants, GuestPlanService plans, DashboardChoices choices) {
        super(pages, sessions, tenants, choices);
        this.plans = plans;
    }

    // ---- session profiles ----

    @GetMapping(PROFILES)
    String profiles(Actor actor, @RequestParam(required = false) @Nullable Long client, @RequestParam(defaultValue = "0") int page,
                    HttpServletRequest request, Model model) {
        return profiles(actor, client, page, SetupViews.ProfileForm.EMPTY, null, request, model);
    }

    /** The name search of the profiles list (a case-insensitive prefix), as typed. */
    private static String query(HttpServletRequest request) {
        String q = request.getParameter("q");
        return q == null ? "" : q.strip();
    }

    @PostMapping(PROFILES)
    String addProfile(Actor actor, @RequestParam long client, @ModelAttribute("typed") SetupViews.ProfileForm form,
                      @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request,
                      Model model) {
        sessions.checkForm(request, csrf);
        actor.require(Permission.MANAGE_PLANS);
        PageText text = pages.text(request);
        try {
            Limits l = limits(text, form);
            plans.addSessionProfile(actor, client, form.name(), l.session(), l.idle(), l.down(), l.up(), l.cap());
            return "redirect:" + PROFILES + "?client=" + client + "&added";
        } catch (PorticoException e) {
            return profiles(actor, client, 0, form, problem(text, e, "setup.conflict.profile", form.name().strip(), company(actor, client)),
                    request, model);
        }
    }

    @GetMapping(PROFILES + "/{profileId}")
    String profile(Actor actor, @PathVariable long profileId, @RequestParam long client, HttpServletRequest request, Model model) {
        SessionProfile p = plans.sessionProfile(actor, client, profileId);
        return profile(actor, client, p, new SetupViews.ProfileForm(p.name(), minutesOf(p.sessionTimeout()), minutesOf(p.idleTimeout()),
                text(p.downloadKbps()), text(p.uploadKbps()), p.dataCapBytes() == null ? "" : Long.toString(p.dataCapBytes() / MB)),
                null, request, model);
    }

    @PostMapping(PROFILES + "/{profileId}")
    String updateProfile(Actor actor, @PathVariable long profileId, @RequestParam long client,
                         @ModelAttribute("typed") SetupViews.ProfileForm form,
                         @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request,
                         Model model) {
        sessions.checkForm(request, csrf);
        actor.require(Permission.MANAGE_PLANS);
        SessionProfile existing = plans.sessionProfile(actor, client, profileId);
        PageText text = pages.text(request);
        try {
            Limits l = limits(text, form);
            plans.updateSessionProfile(actor, client, profileId, form.name(), l.session(), l.idle(), l.down(), l.up(), l.cap());
            return "redirect:" + PROFILES + "?client=" + client + "&saved";
        } catch (PorticoException e) {
            return profile(actor, client, existing, form, problem(text, e, "setup.conflict.profile", form.name().strip(),
                    company(actor, client)), request, model);
        }
    }

    private String profile(Actor actor, long client, SessionProfile profile, SetupViews.ProfileForm form, @Nullable String error,
                           HttpServletRequest request, Model model) {
        model.addAttribute("page", frame(request, actor, "setup.profile.title", profile.name()));
        model.addAttribute("view", new SetupViews.ProfileView(new SetupViews.Tabs("session-profiles", client), client, profile.id(), form,
                actor.can(Permission.MANAGE_PLANS), error));
        return "dashboard/setup-profile";
    }

    /** A profile's limits as typed: minutes, kbit/s and MB, each empty for "no limit". */
    private record Limits(@Nullable Duration session, @Nullable Duration idle, @Nullable Long down, @Nullable Long up, @Nullable Long cap) {
    }

    private static Limits limits(PageText text, SetupViews.ProfileForm form) {
        Long session = number(text, "sessionMinutes", form.sessionMinutes());
        Long idle = number(text, "idleMinutes", form.idleMinutes());
        Long cap = number(text, "dataCapMb", form.dataCapMb());
        if (cap != null && cap > Long.MAX_VALUE / MB) {
            throw PorticoException.invalid(text.t("setup.invalid.number", text.t("setup.field.dataCapMb")));
        }
        return new Limits(session == null ? null : Duration.ofMinutes(session), idle == null ? null : Duration.ofMinutes(idle),
                number(text, "downloadKbps", form.downloadKbps()), number(text, "uploadKbps", form.uploadKbps()),
                cap == null ? null : cap * MB);
    }

    private static String minutesOf(@Nullable Duration d) {
        return d == null ? "" : Long.toString(d.toMinutes());
    }

    private static String text(@Nullable Long value) {
        return value == null ? "" : Long.toString(value);
    }

    private String profiles(Actor actor, @Nullable Long client, int page, SetupViews.ProfileForm form, @Nullable String error,
                            HttpServletRequest request, Model model) {
        actor.require(DashboardSection.SETUP.permission());
        PageText text = pages.text(request);
        Scope scope = scope(actor, client, request.getParameter("clientName"));
        Optional<Client> selected = scope.client();
        String q = query(request);
        SetupViews.Paged<SessionProfile> shown = selected.map(c -> SetupViews.Paged.of(plans.sessionProfilePage(actor, c.id(), q, page,
                PAGE), page)).orElse(SetupViews.Paged.of(List.of(), 0, PAGE));
        SetupViews.Paged<SetupViews.ProfileRow> rows = shown.map(p -> new SetupViews.ProfileRow(
                p.id(), p.name(), minutes(text, p.sessionTimeout()), minutes(text, p.idleTimeout()), kbps(text, p.downloadKbps()),
                kbps(text, p.uploadKbps()), p.dataCapBytes() == null ? text.t("setup.noLimit")
                        : text.t("setup.megabytes", p.dataCapBytes() / MB)));
        model.addAttribute("page", frame(request, actor, "setup.profiles.title"));
        model.addAttribute("view", new SetupViews.ProfilesView(new SetupViews.Tabs("session-profiles", selected.map(Client::id).orElse(null)),
                scope.menu(), scope.clientId(), q, rows, actor.can(Permission.MANAGE_PLANS), form, error));
        model.addAttribute("notice", error != null ? null : notice(request, text, "setup.profile"));
        return "dashboard/setup-profiles";
    }

    // ---- guest plans ----

    @GetMapping(PLANS)
    String plans(Actor actor, @RequestParam(required = false) @Nullable Long client, @RequestParam(defaultValue = "0") int page,
                 HttpServletRequest request, Model model) {
        return plans(actor, client, page, SetupViews.PlanForm.EMPTY, null, request, model);
    }

    @PostMapping(PLANS)
    String addPlan(Actor actor, @RequestParam long client, @ModelAttribute("typed") SetupViews.PlanForm form,
                   @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request,
                   Model model) {
        sessions.checkForm(request, csrf);
        actor.require(Permission.MANAGE_PLANS);
        PageText text = pages.text(request);
        try {
            plans.addGuestPlan(actor, client, profileId(actor, client, form), form.name(), duration(text, form), cents(form.price()), form.currency());
            return "redirect:" + PLANS + "?client=" + client + "&added";
        } catch (PorticoException e) {
            return plans(actor, client, 0, form, problem(text, e, "setup.conflict.plan", form.name().strip(), company(actor, client)),
                    request, model);
        }
    }

    @GetMapping(PLANS + "/{planId}")
    String plan(Actor actor, @PathVariable long planId, @RequestParam long client, HttpServletRequest request, Model model) {
        GuestPlan p = plans.guestPlan(actor, client, planId);
        Duration d = p.duration();
        SetupViews.PlanForm form = d.toMinutes() % (24 * 60) == 0
                ? new SetupViews.PlanForm(p.name(), p.sessionProfileId(), null, Long.toString(d.toDays()), "days", price(p), p.currency())
                : d.toMinutes() % 60 == 0
                ? new SetupViews.PlanForm(p.name(), p.sessionProfileId(), null, Long.toString(d.toHours()), "hours", price(p), p.currency())
                : new SetupViews.PlanForm(p.name(), p.sessionProfileId(), null, Long.toString(d.toMinutes()), "minutes", price(p), p.currency());
        return plan(actor, client, p, form, null, request, model);
    }

    @PostMapping(PLANS + "/{planId}")
    String updatePlan(Actor actor, @PathVariable long planId, @RequestParam long client, @ModelAttribute("typed") SetupViews.PlanForm form,
                      @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request,
                      Model model) {
        sessions.checkForm(request, csrf);
        actor.require(Permission.MANAGE_PLANS);
        GuestPlan existing = plans.guestPlan(actor, client, planId);
        PageText text = pages.text(request);
        try {
            plans.updateGuestPlan(actor, client, planId, profileId(actor, client, form), form.name(), duration(text, form), cents(form.price()),
                    form.currency());
            return "redirect:" + PLANS + "?client=" + client + "&saved";
        } catch (PorticoException e) {
            return plan(actor, client, existing, form, problem(text, e, "setup.conflict.plan", form.name().strip(), company(actor, client)),
                    request, model);
        }
    }

    private String plan(Actor actor, long client, GuestPlan plan, SetupViews.PlanForm form, @Nullable String error,
                        HttpServletRequest request, Model model) {
        model.addAttribute("page", frame(request, actor, "setup.plan.title", plan.name()));
        model.addAttribute("view", new SetupViews.PlanView(new SetupViews.Tabs("guest-plans", client), client, plan.id(), form,
                choices.sessionProfiles(actor, client, "plan-profile", form.profileId(), form.profileName()),
                actor.can(Permission.MANAGE_PLANS), error));
        return "dashboard/setup-plan";
    }

    private static Duration duration(PageText text, SetupViews.PlanForm form) {
        Long amount = number(text, "durationAmount", form.durationAmount());
        if (amount == null || amount > 366L * 5 * 24 * 60) {
            throw PorticoException.invalid("durationMinutes", "");
        }
        return switch (form.durationUnit()) {
            case "minutes" -> Duration.ofMinutes(amount);
            case "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** "Added" or "saved" after the form that led here. */
    private static @Nullable String notice(HttpServletRequest request, PageText text, String prefix) {
        return request.getParameter("added") != null ? text.t(prefix + ".added")
                : request.getParameter("saved") != null ? text.t(prefix + ".saved") : null;
    }

    private static String price(GuestPlan plan) {
        return BigDecimal.valueOf(plan.priceCents(), 2).toPlainString();
    }

    private String plans(Actor actor, @Nullable Long client, int page, SetupViews.PlanForm form, @Nullable String error,
                         HttpServletRequest request, Model model) {
        actor.require(DashboardSection.SETUP.permission());
        PageText text = pages.text(request);
        Scope scope = scope(actor, client, request.getParameter("clientName"));
        Optional<Client> selected = scope.client();
        Choice profiles = selected.map(c -> choices.sessionProfiles(actor, c.id(), "plan-profile", form.profileId(), form.profileName()))
                .orElse(NO_PROFILES);
        Map<Long, String> profileNames = new java.util.HashMap<>();
        SetupViews.Paged<GuestPlan> shown = selected.map(c -> SetupViews.Paged.of(plans.guestPlanPage(actor, c.id(), page, PAGE), page))
                .orElse(SetupViews.Paged.of(List.of(), 0, PAGE));
        SetupViews.Paged<SetupViews.PlanRow> rows = shown.map(p -> new SetupViews.PlanRow(p.id(),
                p.name(), profileNames.computeIfAbsent(p.sessionProfileId(), id -> plans.sessionProfile(actor, p.clientId(), id).name()), VoucherController.duration(text, p.duration()),
                p.priceCents() == 0 ? text.t("setup.free")
                        : price(p) + " " + p.currency()));
        model.addAttribute("page", frame(request, actor, "setup.plans.title"));
        model.addAttribute("view", new SetupViews.PlansView(new SetupViews.Tabs("guest-plans", selected.map(Client::id).orElse(null)),
                scope.menu(), scope.clientId(), rows, profiles, actor.can(Permission.MANAGE_PLANS), form, error));
        model.addAttribute("notice", error != null ? null : notice(request, text, "setup.plan"));
        return "dashboard/setup-plans";
    }

    /** A price typed in major units ({@code 4.99}) as minor units; at most two decimals. */
    private static long cents(String typed) {
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

    /** The session profile a guest plan form sent: picked from the menu or typed by name; 0 when neither (the service refuses it). */
    private long profileId(Actor actor, long client, SetupViews.PlanForm form) {
        return choices.sessionProfile(actor, client, form.profileId(), form.profileName()).map(SessionProfile::id).orElse(0L);
    }
}
