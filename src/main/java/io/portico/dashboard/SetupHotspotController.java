package io.portico.dashboard;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.portico.guest.GuestPortalService;
import io.portico.hotspot.AfterLogin;
import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.NewHotspot;
import io.portico.hotspot.PortalConfiguration;
import io.portico.hotspot.PortalDetails;
import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.SignInMethod;
import io.portico.hotspot.UniFiController;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Slice;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageText;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Guest set-up: a client's hotspots (list, add, rename, move, change NAS-Identifier) and each
 * hotspot's captive portal (gateway kind, sign-in methods with their free plans, form fields,
 * write-only gateway secrets, after-login page, MikroTik login host), through the same services
 * as the console API ({@link HotspotService}, {@link GuestPortalService}), which check the role
 * and write the operator log.
 */
@Controller
@Hidden
class SetupHotspotController extends SetupPages {

    private static final String HOTSPOTS = "/dashboard/setup/hotspots";
    private static final Choice NO_VENUES = new Choice("hotspot-venue", "venue", "venueName", List.of(), false, null, "");

    private final HotspotService hotspots;
    private final GuestPortalService portals;
    private final VenueService venues;

    SetupHotspotController(DashboardPages pages, DashboardSessions sessions, TenantService tenants, HotspotService hotspots,
                           GuestPortalService portals, VenueService venues, DashboardChoices choices) {
        super(pages, sessions, tenants, choices);
        this.hotspots = hotspots;
        this.portals = portals;
        this.venues = venues;
    }

    @GetMapping("/dashboard/setup")
    String home() {
        return "redirect:" + HOTSPOTS;
    }

    @GetMapping(HOTSPOTS)
    String list(Actor actor, @RequestParam(required = false) @Nullable Long client, @RequestParam(defaultValue = "0") int page,
                HttpServletRequest request, Model model) {
        return list(actor, client, page, SetupViews.HotspotForm.EMPTY, null, request, model);
    }

    @PostMapping(HOTSPOTS)
    String add(Actor actor, @RequestParam long client, @RequestParam(defaultValue = "") String name,
               @RequestParam(required = false) @Nullable Long venue, @RequestParam(required = false) @Nullable String venueName,
               @RequestParam(defaultValue = "") String nasIdentifier,
               @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request,
               Model model) {
        sessions.checkForm(request, csrf);
        actor.require(Permission.MANAGE_VENUES);
        SetupViews.HotspotForm form = new SetupViews.HotspotForm(name, venue == null ? 0 : venue, venueName, nasIdentifier);
        try {
            long venueId = venueId(actor, client, venue, venueName);
            Hotspot added = hotspots.add(actor, new NewHotspot(client, venueId, name, nasIdentifier));
            return "redirect:" + HOTSPOTS + "/" + added.id() + "?added";
        } catch (PorticoException e) {
            return list(actor, client, 0, form, problem(pages.text(request), e, "setup.conflict.hotspot", nasIdentifier.strip()), request,
                    model);
        }
    }

    private String list(Actor actor, @Nullable Long client, int page, SetupViews.HotspotForm form, @Nullable String error,
                        HttpServletRequest request, Model model) {
        actor.require(DashboardSection.SETUP.permission());
        PageText text = pages.text(request);
        Scope scope = scope(actor, client, request.getParameter("clientName"));
        Optional<Client> selected = scope.client();
        SetupViews.Paged<SetupViews.HotspotRow> rows = SetupViews.Paged.of(List.of(), 0, PAGE);
        Choice clientVenues = NO_VENUES;
        long clientId = selected.map(Client::id).orElse(0L);
        if (selected.isPresent()) {
            clientVenues = choices.venuesOf(actor, clientId, "hotspot-venue", form.venueId() == 0 ? null : form.venueId(), form.venueName());
            // The venues of this page's hotspots only, in one query.
            Slice<Hotspot> shown = hotspots.page(actor, clientId, page, PAGE);
            Map<Long, Venue> venueById = venues.byIds(actor.operatorId(), shown.rows().stream().map(Hotspot::venueId).toList());
            rows = SetupViews.Paged.of(shown, page).map(h -> new SetupViews.HotspotRow(h.id(), h.name(),
                    h.nasIdentifier(), Optional.ofNullable(venueById.get(h.venueId())).map(Venue::name).orElse(""), hotspots.findPortal(h.id())
                            .map(p -> text.t("setup.gateway." + p.settings().gatewayKind().name()))
                            .orElse(text.t("setup.noPortal"))));
        }
        model.addAttribute("page", frame(request, actor, "setup.hotspots.title"));
        model.addAttribute("view", new SetupViews.HotspotsView(new SetupViews.Tabs("hotspots", selected.map(Client::id).orElse(null)),
                scope.menu(), clientId, rows, clientVenues, actor.can(Permission.MANAGE_VENUES), form, error));
        return "dashboard/setup-hotspots";
    }

    @GetMapping(HOTSPOTS + "/{hotspotId}")
    String show(Actor actor, @PathVariable long hotspotId, HttpServletRequest request, Model model) {
        Hotspot hotspot = own(actor, hotspotId);
        PageText text = pages.text(request);
        String notice = request.getParameter("added") != null ? text.t("setup.hotspot.added")
                : request.getParameter("saved") != null ? text.t("setup.hotspot.saved")
                : request.getParameter("portalSaved") != null ? text.t("setup.portal.saved") : null;
        return show(actor, hotspot, formOf(hotspot), storedPortal(actor, hotspotId), null, null, notice, request, model);
    }

    @PostMapping(HOTSPOTS + "/{hotspotId}")
    String update(Actor actor, @PathVariable long hotspotId, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) @Nullable Long venue, @RequestParam(required = false) @Nullable String venueName,
                  @RequestParam(defaultValue = "") String nasIdentifier,
                  @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request,
                  Model model) {
        sessions.checkForm(request, csrf);
        actor.require(Permission.MANAGE_VENUES);
        Hotspot hotspot = own(actor, hotspotId);
        SetupViews.HotspotForm form = new SetupViews.HotspotForm(name, venue == null ? 0 : venue, venueName, nasIdentifier);
        try {
            long venueId = venueId(actor, hotspot.clientId(), venue, venueName);
            hotspots.update(actor, hotspotId, new NewHotspot(hotspot.clientId(), venueId, name, nasIdentifier));
            return "redirect:" + HOTSPOTS + "/" + hotspotId + "?saved";
        } catch (PorticoException e) {
            return show(actor, hotspot, form, storedPortal(actor, hotspotId), problem(pages.text(request), e, "setup.conflict.hotspot",
                    nasIdentifier.strip()),
                    null, null, request, model);
        }
    }

    @PostMapping(HOTSPOTS + "/{hotspotId}/portal")
    String configurePortal(Actor actor, @PathVariable long hotspotId, @RequestParam(defaultValue = "") String gatewayKind,
                           @RequestParam(required = false) @Nullable List<String> methods,
                           @RequestParam(required = false) @Nullable Long clickThroughPlan,
                           @RequestParam(required = false) @Nullable String clickThroughPlanName,
                           @RequestParam(required = false) @Nullable Long formPlan,
                           @RequestParam(required = false) @Nullable String formPlanName,
                           @RequestParam(defaultValue = "") String uamSecret, @RequestParam(defaultValue = "") String unifiSite,
                           @RequestParam(defaultValue = "") String controllerUrl, @RequestParam(defaultValue = "") String controllerUser,
                           @RequestParam(defaultValue = "") String controllerPassword, @RequestParam(defaultValue = "") String apiKey,
                           @RequestParam(defaultValue = "") String integrationSite, @RequestParam(defaultValue = "") String afterLogin,
                           @RequestParam(defaultValue = "") String gatewayLoginHost,
                           @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                           HttpServletRequest request, Model model) {
        sessions.checkForm(request, csrf);
        actor.require(Permission.MANAGE_VENUES);
        Hotspot hotspot = own(actor, hotspotId);
        Optional<PortalDetails> stored = hotspots.portalDetails(actor, hotspotId);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : PortalSettings.FIELDS) {
            String choice = Optional.ofNullable(request.getParameter("field-" + field)).orElse("");
            if (choice.equals("required") || choice.equals("optional")) {
                fields.put(field, choice);
            }
        }
        Set<String> chosenMethods = methods == null ? Set.of() : new TreeSet<>(methods);
        SetupViews.PortalForm typed = new SetupViews.PortalForm(gatewayKind, chosenMethods, clickThroughPlan, clickThroughPlanName,
                formPlan, formPlanName, fields,
                stored.flatMap(PortalDetails::uamSecretMasked).isPresent(), unifiSite, controllerUrl, controllerUser,
                stored.flatMap(PortalDetails::unifiPasswordMasked).isPresent(), stored.flatMap(PortalDetails::unifiApiKeyMasked).isPresent(),
                integrationSite, afterLogin, gatewayLoginHost);
        PageText text = pages.text(request);
        try {
            GatewayKind kind = parse(GatewayKind.class, gatewayKind, text, "gatewayKind");
            Set<SignInMethod> chosen = EnumSet.noneOf(SignInMethod.class);
            for (String method : chosenMethods) {
                chosen.add(parse(SignInMethod.class, method, text, "methods"));
            }
            // A plan picked from a menu or typed by name (a client with more plans than a menu lists).
            Map<SignInMethod, Long> free = new LinkedHashMap<>();
            choices.guestPlan(actor, hotspot.clientId(), clickThroughPlan, clickThroughPlanName)
                    .ifPresent(p -> free.put(SignInMethod.CLICK_THROUGH, p.id()));
            choices.guestPlan(actor, hotspot.clientId(), formPlan, formPlanName).ifPresent(p -> free.put(SignInMethod.FORM, p.id()));
            PortalSettings settings = new PortalSettings(kind, chosen, free, keys(fields, "required"), keys(fields, "optional"),
                    Optional.of(unifiSite), AfterLogin.parse(afterLogin), Optional.of(gatewayLoginHost));
            portals.configurePortal(actor, hotspotId, new PortalConfiguration(settings,
                    kind == GatewayKind.COOVACHILLI ? Optional.of(uamSecret) : Optional.empty(),
                    controller(kind, stored, controllerUrl, controllerUser, controllerPassword, apiKey, integrationSite, text)));
            return "redirect:" + HOTSPOTS + "/" + hotspotId + "?portalSaved";
        } catch (PorticoException e) {
            // A UniFi site clashes when one was typed for a UniFi gateway; otherwise the hotspot's NAS-Identifier does.
            String conflict = "UNIFI".equalsIgnoreCase(gatewayKind) && !unifiSite.isBlank() ? "setup.conflict.portalSite" : "setup.conflict.portal";
            return show(actor, hotspot, formOf(hotspot), typed, null, problem(text, e, conflict,
                    conflict.endsWith("Site") ? unifiSite.strip() : hotspot.nasIdentifier()), null, request, model);
        }
    }

    /**
     * The UniFi controller to store: a new one when a password or API key is typed or the URL
     * changed; none (keep the stored one) otherwise, since the stored secrets cannot be shown.
     */
    private static Optional<UniFiController> controller(GatewayKind kind, Optional<PortalDetails> stored, String url, String user,
                                                        String password, String apiKey, String integrationSite, PageText text) {
        if (kind != GatewayKind.UNIFI || url.isBlank()) {
            return Optional.empty();
        }
        boolean sameUrl = stored.flatMap(PortalDetails::unifiControllerUrl).filter(u -> u.equals(url.strip())).isPresent();
        if (sameUrl && password.isBlank() && apiKey.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw PorticoException.invalid("unifiControllerUrl", "bad URL");
        }
        return Optional.of(new UniFiController(uri, Optional.of(user), Optional.of(password), Optional.of(apiKey),
                Optional.of(integrationSite)));
    }

    private String show(Actor actor, Hotspot hotspot, SetupViews.HotspotForm form, SetupViews.PortalForm portal,
                        @Nullable String hotspotError, @Nullable String portalError, @Nullable String notice,
                        HttpServletRequest request, Model model) {
        Optional<PortalDetails> details = hotspots.portalDetails(actor, hotspot.id());
        long clientId = hotspot.clientId();
        Choice venueMenu = choices.venuesOf(actor, clientId, "hotspot-venue", form.venueId() == 0 ? null : form.venueId(), form.venueName());
        Choice clickPlans = choices.guestPlans(actor, clientId, "plan-click", "clickThroughPlan", portal.clickThroughPlan(),
                portal.clickThroughPlanName());
        Choice formPlans = choices.guestPlans(actor, clientId, "plan-form", "formPlan", portal.formPlan(), portal.formPlanName());
        model.addAttribute("page", frame(request, actor, "setup.hotspot.title", hotspot.name()));
        model.addAttribute("view", new SetupViews.HotspotView(new SetupViews.Tabs("hotspots", clientId), clientId,
                hotspot.id(), hotspot.name(), form, venueMenu, portal,
                details.isPresent(), details.map(d -> portalUrl(request, hotspot, d.settings())).orElse(null), clickPlans, formPlans,
                PortalSettings.FIELDS, actor.can(Permission.MANAGE_VENUES), hotspotError, portalError, notice));
        return "dashboard/setup-hotspot";
    }

    /** The address the gateway sends guests to: {@code /portal/<NAS-Identifier>}, or UniFi's {@code /guest/s/<site>/}. */
    private static String portalUrl(HttpServletRequest request, Hotspot hotspot, PortalSettings settings) {
        var base = ServletUriComponentsBuilder.fromContextPath(request);
        return settings.gatewayKind() == GatewayKind.UNIFI
                ? base.path("/guest/s/{site}/").buildAndExpand(settings.unifiSite().orElse("")).encode().toUriString()
                : base.path("/portal/{nas}").buildAndExpand(hotspot.nasIdentifier()).encode().toUriString();
    }

    private SetupViews.PortalForm storedPortal(Actor actor, long hotspotId) {
        return hotspots.portalDetails(actor, hotspotId).map(d -> {
            PortalSettings s = d.settings();
            Map<String, String> fields = new LinkedHashMap<>();
            s.requiredFields().forEach(f -> fields.put(f, "required"));
            s.optionalFields().forEach(f -> fields.put(f, "optional"));
            return new SetupViews.PortalForm(s.gatewayKind().name(), s.methods().stream().map(Enum::name).collect(Collectors.toSet()),
                    s.freePlanId(SignInMethod.CLICK_THROUGH).orElse(null), null, s.freePlanId(SignInMethod.FORM).orElse(null), null, fields,
                    d.uamSecretMasked().isPresent(), s.unifiSite().orElse(""), d.unifiControllerUrl().orElse(""),
                    d.unifiUsername().orElse(""), d.unifiPasswordMasked().isPresent(), d.unifiApiKeyMasked().isPresent(),
                    d.unifiIntegrationSiteId().orElse(""), s.afterLogin().text(), s.gatewayLoginHost().orElse(""));
        }).orElseGet(() -> new SetupViews.PortalForm(GatewayKind.MIKROTIK.name(), Set.of(SignInMethod.CLICK_THROUGH.name()), null, null,
                null, null,
                Map.of("email", "optional"), false, "", "", "", false, false, "", "STATUS", ""));
    }

    private Hotspot own(Actor actor, long hotspotId) {
        actor.require(DashboardSection.SETUP.permission());
        return hotspots.find(actor.operatorId(), hotspotId)
                .orElseThrow(() -> DashboardRefusal.notFound("error.unknown.hotspot", hotspotId));
    }

    private static SetupViews.HotspotForm formOf(Hotspot hotspot) {
        return new SetupViews.HotspotForm(hotspot.name(), hotspot.venueId(), null, hotspot.nasIdentifier());
    }

    /** The client's venue picked from the menu or typed by name; 0 when neither (the service then refuses it). */
    private long venueId(Actor actor, long clientId, @Nullable Long venue, @Nullable String venueName) {
        return choices.venueOf(actor, clientId, venue, venueName).map(Venue::id).orElse(0L);
    }

    private static Set<String> keys(Map<String, String> fields, String choice) {
        return fields.entrySet().stream().filter(e -> e.getValue().equals(choice)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, PageText text, String field) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw PorticoException.invalid(field, text.t("setup.invalid." + field));
    }
}
