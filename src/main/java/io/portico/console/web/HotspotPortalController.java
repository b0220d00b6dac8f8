package io.portico.console.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.guest.GuestPortalService;
import io.portico.hotspot.AfterLogin;
import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.PortalConfiguration;
import io.portico.hotspot.PortalDetails;
import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.SignInMethod;
import io.portico.hotspot.UniFiController;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Routes for a hotspot's captive portal: gateway kind and secrets, sign-in methods with the free
 * guest plan each grants, and the form's fields. New in Portico; named in the console's style.
 * DomainAdministrators and AccountManagers set, CustomerSupport reads; secrets are shown masked.
 */
@RestController
@RequestMapping("/preview/networkoperatorconsole/hotspots")
@Tag(name = "Console: hotspots")
class HotspotPortalController {

    record HotspotRef(@JsonProperty("HotspotID") @Nullable Long hotspotId) {
    }

    record ConfigurePortal(@JsonProperty("HotspotID") @Nullable Long hotspotId,
                           @JsonProperty("GatewayKind") @Nullable String gatewayKind,
                           @JsonProperty("SignInMethods") @Nullable List<String> methods,
                           @JsonProperty("FreeGuestPlanIDs") @Nullable Map<String, Long> freePlanIds,
                           @JsonProperty("RequiredFields") @Nullable Set<String> requiredFields,
                           @JsonProperty("OptionalFields") @Nullable Set<String> optionalFields,
                           @JsonProperty("UAMSecret") @Nullable String uamSecret,
                           @JsonProperty("UniFiSite") @Nullable String unifiSite,
                           @JsonProperty("UniFiControllerURL") @Nullable String unifiControllerUrl,
                           @JsonProperty("UniFiControllerUser") @Nullable String unifiControllerUser,
                           @JsonProperty("UniFiControllerPassword") @Nullable String unifiControllerPassword,
                           @JsonProperty("UniFiAPIKey") @Nullable String unifiApiKey,
                           @JsonProperty("UniFiIntegrationSiteID") @Nullable String unifiIntegrationSiteId,
                           @JsonProperty("AfterLogin") @Nullable String afterLogin,
                           @JsonProperty("GatewayLoginHost") @Nullable String gatewayLoginHost) {
    }

    private final HotspotService hotspots;
    private final GuestPortalService portals;

    HotspotPortalController(HotspotService hotspots, GuestPortalService portals) {
        this.hotspots = hotspots;
        this.portals = portals;
    }

    @PostMapping("/getPortal")
    @Operation(summary = "Reads a hotspot's captive portal settings (secrets masked)")
    Map<String, @Nullable Object> get(Actor actor, @RequestBody HotspotRef request) {
        long id = GuestConsoleFields.required("HotspotID", request.hotspotId());
        PortalDetails details = hotspots.portalDetails(actor, id)
                .orElseThrow(() -> PorticoException.notFound("Hotspot " + id + " has no captive portal yet."));
        return GuestConsoleFields.ok("", portal(details));
    }

    @PostMapping("/configurePortal")
    @Operation(summary = "Sets a hotspot's captive portal", description = "GatewayKind (MIKROTIK, COOVACHILLI, UNIFI), "
            + "SignInMethods (CLICK_THROUGH, FORM, VOUCHER), FreeGuestPlanIDs per CLICK_THROUGH / FORM, RequiredFields and "
            + "OptionalFields of the form, UAMSecret (CoovaChilli), UniFiSite and the UniFi controller (URL with user and "
            + "password, or API key with UniFiIntegrationSiteID), AfterLogin (STATUS, ORIGINAL or an http(s) URL: where the "
            + "gateway sends the guest once online), GatewayLoginHost (MikroTik: host[:port] of the router's login page, or up to "
            + "four separated by commas; a hand-over's link-login-only must name one). "
            + "Secrets left out keep the stored ones.")
    Map<String, @Nullable Object> configure(Actor actor, @RequestBody ConfigurePortal request) {
        long id = GuestConsoleFields.required("HotspotID", request.hotspotId());
        PortalDetails details = portals.configurePortal(actor, id, configuration(request));
        return GuestConsoleFields.ok("Captive portal of hotspot " + id + " set. ", portal(details));
    }

    private static PortalConfiguration configuration(ConfigurePortal r) {
        GatewayKind kind = parse(GatewayKind.class, "gatewayKind", r.gatewayKind());
        Set<SignInMethod> methods = EnumSet.noneOf(SignInMethod.class);
        if (r.methods() != null) {
            r.methods().forEach(m -> methods.add(parse(SignInMethod.class, "methods", m)));
        }
        Map<SignInMethod, Long> plans = new LinkedHashMap<>();
        if (r.freePlanIds() != null) {
            r.freePlanIds().forEach((m, planId) -> plans.put(parse(SignInMethod.class, "freePlanIds", m), planId));
        }
        PortalSettings settings = new PortalSettings(kind, methods, plans, r.requiredFields(), r.optionalFields(),
                Optional.ofNullable(r.unifiSite()), AfterLogin.parse(r.afterLogin()), Optional.ofNullable(r.gatewayLoginHost()));
        Optional<UniFiController> controller = Optional.ofNullable(r.unifiControllerUrl()).filter(u -> !u.isBlank())
                .map(url -> new UniFiController(uri(url), Optional.ofNullable(r.unifiControllerUser()),
                        Optional.ofNullable(r.unifiControllerPassword()), Optional.ofNullable(r.unifiApiKey()),
                        Optional.ofNullable(r.unifiIntegrationSiteId())));
        return new PortalConfiguration(settings, Optional.ofNullable(r.uamSecret()), controller);
    }

    private static URI uri(String url) {
        try {
            return URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw PorticoException.invalid("unifiControllerUrl", "{unifiControllerUrl} must be an http(s) URL.");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, @Nullable String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return constant;
            }
        }
        throw PorticoException.invalid(field, PorticoException.ref(field) + ": unknown value '" + value + "'; one of " + List.of(type.getEnumConstants()) + ".");
    }

    private static Map<String, @Nullable Object> portal(PortalDetails d) {
        PortalSettings s = d.settings();
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("HotspotID", d.hotspotId());
        m.put("GatewayKind", s.gatewayKind().name());
        m.put("SignInMethods", s.methods().stream().map(Enum::name).toList());
        Map<String, Long> plans = new LinkedHashMap<>();
        s.freePlanIds().forEach((method, planId) -> plans.put(method.name(), planId));
        m.put("FreeGuestPlanIDs", plans);
        m.put("RequiredFields", List.copyOf(s.requiredFields()));
        m.put("OptionalFields", List.copyOf(s.optionalFields()));
        m.put("UAMSecret", d.uamSecretMasked().orElse(null));
        m.put("UniFiSite", s.unifiSite().orElse(null));
        m.put("UniFiControllerURL", d.unifiControllerUrl().orElse(null));
        m.put("UniFiControllerUser", d.unifiUsername().orElse(null));
        m.put("UniFiControllerPassword", d.unifiPasswordMasked().orElse(null));
        m.put("UniFiAPIKey", d.unifiApiKeyMasked().orElse(null));
        m.put("UniFiIntegrationSiteID", d.unifiIntegrationSiteId().orElse(null));
        m.put("AfterLogin", s.afterLogin().text());
        m.put("GatewayLoginHost", s.gatewayLoginHost().orElse(null));
        return m;
    }
}
