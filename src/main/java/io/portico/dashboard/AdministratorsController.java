package io.portico.dashboard;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.identity.IdentityService;
import io.portico.identity.TwoFactorService;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.platform.Role;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageText;
import io.portico.radius.NasClient;
import io.portico.radius.NasNetwork;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Who may reach the network: the operator's administrators and their roles (add, change roles,
 * remove, require two-factor sign-in) and the RADIUS clients (NASes) with their write-only shared
 * secrets. The identity and radius modules decide, and write the operator log.
 */
@Controller
@Hidden
class AdministratorsController extends SettingsForms {

    private final IdentityService identity;
    private final TwoFactorService twoFactor;
    private final RadiusService radius;
    private final HotspotService hotspots;
    private final DashboardChoices choices;

    AdministratorsController(DashboardPages pages, DashboardSessions sessions, IdentityService identity, TwoFactorService twoFactor,
                             RadiusService radius, HotspotService hotspots, DashboardChoices choices) {
        super(pages, sessions);
        this.identity = identity;
        this.twoFactor = twoFactor;
        this.radius = radius;
        this.hotspots = hotspots;
        this.choices = choices;
    }

    // ---- administrators ---------------------------------------------------------------------

    @GetMapping("/dashboard/settings/administrators")
    String administrators(Actor actor, HttpServletRequest request, Model model) {
        SettingsPage.ADMINISTRATORS.require(actor);
        String notice = request.getParameter("required") != null ? "settings.administrators.requiredOn"
                : request.getParameter("notRequired") != null ? "settings.administrators.requiredOff" : null;
        return administratorsPage(actor, request, model, notice, null, "", "", Set.of(Role.CUSTOMER_SUPPORT));
    }

    @PostMapping("/dashboard/settings/administrators")
    String add(Actor actor, @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String password, @RequestParam(required = false) @Nullable List<String> roles,
               @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
               HttpServletRequest request, HttpServletResponse response, Model model) {
        checkForm(actor, SettingsPage.ADMINISTRATORS, request, csrf);
        Set<Role> chosen = roles(roles);
        try {
            identity.createAdministrator(actor, email, name, password, chosen);
        } catch (PorticoException e) {
            return administratorsPage(actor, request, model, null, refusal(e, request, response, "settings.conflict.administratorEmail",
                    email.strip()), email,
                    name, chosen);
        }
        return "redirect:" + SettingsPage.ADMINISTRATORS.path() + "?saved";
    }

    @PostMapping("/dashboard/settings/administrators/roles")
    String changeRoles(Actor actor, @RequestParam(defaultValue = "") String email, @RequestParam(required = false) @Nullable List<String> roles,
                       @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        checkForm(actor, SettingsPage.ADMINISTRATORS, request, csrf);
        try {
            identity.changeRoles(actor, email, roles(roles));
        } catch (PorticoException e) {
            return administratorsPage(actor, request, model, null, refusal(e, request, response, "settings.conflict.roles"), "", "",
                    Set.of(Role.CUSTOMER_SUPPORT));
        }
        return "redirect:" + SettingsPage.ADMINISTRATORS.path() + "?saved";
    }

    @PostMapping("/dashboard/settings/administrators/remove")
    String remove(Actor actor, @RequestParam(defaultValue = "") String email,
                  @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        checkForm(actor, SettingsPage.ADMINISTRATORS, request, csrf);
        try {
            identity.removeAdministrator(actor, email);
        } catch (PorticoException e) {
            return administratorsPage(actor, request, model, null, refusal(e, request, response, "settings.conflict.removeAdministrator"), "",
                    "", Set.of(Role.CUSTOMER_SUPPORT));
        }
        return "redirect:" + SettingsPage.ADMINISTRATORS.path() + "?saved";
    }

    /** "Require two-factor sign-in for this operator" (DomainAdministrators; the identity module checks and audits). */
    @PostMapping("/dashboard/settings/administrators/two-factor")
    String requireTwoFactor(Actor actor, @RequestParam(defaultValue = "false") boolean required,
                            @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request) {
        checkForm(actor, SettingsPage.ADMINISTRATORS, request, csrf);
        twoFactor.requireForOperator(actor, required);
        return "redirect:" + SettingsPage.ADMINISTRATORS.path() + (required ? "?required" : "?notRequired");
    }

    private String administratorsPage(Actor actor, HttpServletRequest request, Model model, @Nullable String noticeKey,
                                      @Nullable String error, String email, String name, Set<Role> newRoles) {
        PageText text = pages.text(request);
        ListQuery listed = ListQuery.of(request, SettingsPage.ADMINISTRATORS.path());
        SetupViews.Paged<SettingsViews.AdminRow> rows = SetupViews.Paged.of(identity.administratorPage(actor, listed.query(), listed.page(),
                PAGE), listed.page()).map(a -> new SettingsViews.AdminRow(a.email(), a.displayName(), choices(text, a.roles()),
                a.id() == actor.administratorId()));
        model.addAttribute("page", page(request, actor, SettingsPage.ADMINISTRATORS, List.of()));
        model.addAttribute("view", new SettingsViews.AdministratorsView(frame(actor, request, SettingsPage.ADMINISTRATORS, noticeKey, error),
                rows, listed.query(), listed.base(), choices(text, newRoles), email, name, twoFactor.status(actor).requiredByOperator()));
        return "dashboard/settings-administrators";
    }

    private static List<SettingsViews.Choice> choices(PageText text, Set<Role> checked) {
        return Arrays.stream(Role.values()).map(r -> new SettingsViews.Choice(r.wireName(), text.t("settings.role." + r.wireName()),
                checked.contains(r))).toList();
    }

    private static Set<Role> roles(@Nullable List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(n -> Role.fromWireName(n).ifPresent(roles::add));
        }
        return roles;
    }

    // ---- RADIUS clients ---------------------------------------------------------------------

    @GetMapping("/dashboard/settings/radius-clients")
    String radiusClients(Actor actor, HttpServletRequest request, Model model) {
        SettingsPage.RADIUS_CLIENTS.require(actor);
        return radiusPage(actor, request, model, null, "", "", "", "3799", null);
    }

    @PostMapping("/dashboard/settings/radius-clients")
    String addClient(Actor actor, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String network,
                     @RequestParam(defaultValue = "") String nasIdentifier, @RequestParam(defaultValue = "") String sharedSecret,
                     @RequestParam(defaultValue = "0") long hotspot, @RequestParam(required = false) @Nullable String hotspotName,
                     @RequestParam(defaultValue = "3799") String coaPort,
                     @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        checkForm(actor, SettingsPage.RADIUS_CLIENTS, request, csrf);
        try {
            if (hotspotName != null && !hotspotName.isBlank()) {
                hotspot = choices.hotspot(actor, null, hotspotName).map(Hotspot::id).orElse(0L);
            }
            NasNetwork parsed;
            try {
                parsed = NasNetwork.parse(network);
            } catch (IllegalArgumentException e) {
                throw PorticoException.invalid("nasNetwork", "Network must be an IP address or CIDR network, e.g. 203.0.113.0/24.");
            }
            NewNasClient client;
            try {
                client = new NewNasClient(actor.operatorId(), name.strip(), parsed, nasIdentifier, sharedSecret,
                        hotspot == 0 ? Optional.empty() : Optional.of(hotspot), Optional.empty(), Integer.parseInt(coaPort.strip()));
            } catch (IllegalArgumentException e) {
                throw PorticoException.invalid("nasClient", String.valueOf(e.getMessage()));
            }
            if (hotspot == 0) {
                throw PorticoException.invalid("nasHotspot", "Choose the hotspot this NAS serves.");
            }
            radius.register(actor, client);
        } catch (PorticoException e) {
            return radiusPage(actor, request, model, null, name, network, nasIdentifier, coaPort,
                    refusal(e, request, response, "settings.conflict.nasClient", network.strip(),
                            nasIdentifier.strip()));
        }
        return "redirect:" + SettingsPage.RADIUS_CLIENTS.path() + "?saved";
    }

    @PostMapping("/dashboard/settings/radius-clients/remove")
    String removeClient(Actor actor, @RequestParam long id, @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                        HttpServletRequest request) {
        checkForm(actor, SettingsPage.RADIUS_CLIENTS, request, csrf);
        radius.remove(actor, id);
        return "redirect:" + SettingsPage.RADIUS_CLIENTS.path() + "?saved";
    }

    private String radiusPage(Actor actor, HttpServletRequest request, Model model, @Nullable String noticeKey, String name, String network,
                              String nasIdentifier, String coaPort, @Nullable String error) {
        PageText text = pages.text(request);
        Map<Long, String> names = new java.util.HashMap<>();
        ListQuery listed = ListQuery.of(request, SettingsPage.RADIUS_CLIENTS.path());
        SetupViews.Paged<SettingsViews.NasRow> rows = SetupViews.Paged.of(radius.clientPage(actor, listed.query(), listed.page(), PAGE),
                listed.page()).map((NasClient c) -> new SettingsViews.NasRow(c.id(), c.name(),
                c.network().toString(), c.nasIdentifier(),
                c.hotspotId().map(id -> text.t("settings.radius.hotspot", names.computeIfAbsent(id,
                                h -> hotspots.find(actor.operatorId(), h).map(Hotspot::name).orElse("#" + h))))
                        .or(() -> c.equipmentId().map(id -> text.t("settings.radius.gateway", id))).orElse(""),
                c.coaPort(), VoucherController.utcDateTime(c.createdAt())));
        model.addAttribute("page", page(request, actor, SettingsPage.RADIUS_CLIENTS, List.of()));
        model.addAttribute("view", new SettingsViews.RadiusView(frame(actor, request, SettingsPage.RADIUS_CLIENTS, noticeKey, error), rows,
                listed.query(), listed.base(),
                choices.hotspots(actor, "nas-hotspot", null, null),
                name, network, nasIdentifier, coaPort));
        return "dashboard/settings-radius-clients";
    }

    /** Rows shown a page of these lists at a time. */
    static final int PAGE = 50;
}
