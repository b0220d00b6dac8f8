package io.portico.portal;

import io.portico.platform.web.PageText;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.portico.connection.ConnectionReader;
import io.portico.guest.GuestPortalService;
import io.portico.guest.MacAddress;
import io.portico.guest.PortalGrant;
import io.portico.guest.PortalStatus;
import io.portico.hotspot.AfterLogin;
import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.PortalHotspot;
import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.SignInMethod;
import io.portico.payment.GuestCheckouts;
import io.portico.payment.GuestPlanOffer;
import io.portico.payment.PayPalCheckout;

/**
 * The steps of a guest's way through the portal that several routes share: reading a gateway's
 * hand-over into a {@link PortalState}, filling the sign-in and status pages, and the URL that
 * logs the phone in at its gateway once the guest module granted access.
 */
@Component
class PortalJourney {

    /** The status page's short-link parameter. */
    static final String STATUS_LINK = "s";

    private final HotspotService hotspots;
    private final PortalPages pages;
    private final PortalStateCodec states;
    private final PortalRateLimit limits;
    private final ConnectionReader connections;
    private final GuestCheckouts checkouts;
    private final PayPalCheckout paypal;
    private final GuestPortalService guests;
    private final Clock clock;

    PortalJourney(HotspotService hotspots, PortalPages pages, PortalStateCodec states, PortalRateLimit limits,
                  ConnectionReader connections, GuestCheckouts checkouts, PayPalCheckout paypal, GuestPortalService guests,
                  Clock clock) {
        this.hotspots = hotspots;
        this.guests = guests;
        this.checkouts = checkouts;
        this.paypal = paypal;
        this.connections = connections;
        this.pages = pages;
        this.states = states;
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts a portal form against its address's allowance (429 PorticoException when spent). */
    void takeForm(HttpServletRequest request) {
        limits.take(request.getRemoteAddr());
    }

    PortalHotspot portal(String nas) {
        return hotspots.findPortal(nas).orElseThrow(UnknownHotspot::new);
    }

    PortalHotspot portalOfSite(String site) {
        return hotspots.findPortalByUnifiSite(site).orElseThrow(UnknownHotspot::new);
    }

    /** Reads the hand-over of the hotspot's gateway kind from this request; refuses a forged or unusable one. */
    PortalState handOver(PortalHotspot portal, HttpServletRequest request) {
        String nas = portal.hotspot().nasIdentifier();
        return switch (portal.settings().gatewayKind()) {
            case MIKROTIK -> new PortalState(nas, clock.instant(), MikroTikHandOver.parse(parameters(request),
                    portal.settings().gatewayLoginHosts()), null, null);
            case COOVACHILLI -> new PortalState(nas, clock.instant(), null, ChilliHandOver.parse(selfUrls(request),
                    request.getQueryString() == null ? "" : request.getQueryString(), uamSecret(portal)), null);
            case UNIFI -> new PortalState(nas, clock.instant(), null, null,
                    UniFiHandOver.parse(portal.settings().unifiSite().orElseThrow(), parameters(request)));
        };
    }

    Optional<String> uamSecret(PortalHotspot portal) {
        return hotspots.uamSecret(portal.hotspot().id());
    }

    String seal(PortalState state) {
        return states.seal(state);
    }

    PortalState open(String token, String nas) {
        return states.open(token, nas);
    }

    /**
     * Where the browser goes once access is granted: the gateway's login URL, carrying where the
     * gateway sends the guest next ({@link #landing}); for UniFi that page itself, after the
     * controller let the device on (server to server; a PorticoException with a message for the
     * guest when it refuses or does not answer).
     */
    URI loginRedirect(PortalHotspot portal, PortalState state, PortalGrant grant, String lang) {
        URI landing = landing(portal, state, lang);
        if (state.unifi() != null) {
            hotspots.authorizeUniFiGuest(portal.hotspot().id(), grant.unifiAccess(new MacAddress(state.mac()),
                    Optional.ofNullable(state.unifi().apMac())));
        }
        if (state.mikrotik() != null) {
            return state.mikrotik().login(grant.radiusUsername(), grant.radiusPassword(), landing);
        }
        if (state.chilli() != null) {
            URI logon = state.chilli().logon(grant.radiusUsername(), grant.radiusPassword(), uamSecret(portal), landing);
            // an original URL so long that Chilli would cut it off: the status page, which links it
            return logon.getRawQuery().length() <= ChilliHandOver.QUERY_LIMIT ? logon
                    : state.chilli().logon(grant.radiusUsername(), grant.radiusPassword(), uamSecret(portal),
                    statusLink(portal, state, lang));
        }
        return landing;
    }

    /**
     * The page after login, per the hotspot's {@link AfterLogin}: the status page; the URL the
     * guest first asked for, as the gateway handed it over (an absolute http(s) URL; else the
     * status page); or the operator's fixed page. Never a URL from the guest's own form.
     */
    URI landing(PortalHotspot portal, PortalState state, String lang) {
        AfterLogin after = portal.settings().afterLogin();
        return switch (after.kind()) {
            case URL -> after.url().orElseThrow();
            case ORIGINAL -> Optional.ofNullable(originalUrl(state)).orElseGet(() -> statusLink(portal, state, lang));
            case STATUS -> statusLink(portal, state, lang);
        };
    }

    /**
     * The status page as gateways carry it after the login: a short link ({@code s=}, about 100
     * characters in all) standing for the sealed state, which the guest module keeps until the
     * state expires. CoovaChilli copies its /logon query into a 2048-byte buffer ({@code redir.c},
     * {@code REDIR_USERURLSIZE}) and cuts the rest, so a status URL carrying the sealed state
     * (about 700 characters, more with a long original URL) could lose its end there.
     */
    URI statusLink(PortalHotspot portal, PortalState state, String lang) {
        String id = guests.issueStatusLink(portal.hotspot().clientId(), portal.hotspot().id(), states.seal(state),
                state.issuedAt().plus(PortalStateCodec.LIFETIME));
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal/{nas}/status")
                .queryParam(STATUS_LINK, id).queryParam("lang", lang)
                .encode().buildAndExpand(portal.hotspot().nasIdentifier()).toUri();
    }

    /**
     * The state behind a status page's {@code state} or short link {@code s} (one of them); a
     * {@link PortalStateCodec.StateRefused} when neither is one this server issued for the hotspot,
     * or it expired.
     */
    PortalState openStatus(PortalHotspot portal, @Nullable String state, @Nullable String link) {
        String nas = portal.hotspot().nasIdentifier();
        if (link != null) {
            return guests.statusLink(portal.hotspot().clientId(), portal.hotspot().id(), link)
                    .map(sealed -> states.open(sealed, nas))
                    .orElseThrow(() -> new PortalStateCodec.StateRefused(true));
        }
        if (state == null) {
            throw new PortalStateCodec.StateRefused(false);
        }
        return states.open(state, nas);
    }

    /** The URL the phone first asked for, from the gateway's hand-over (already checked to be an absolute http(s) URL). */
    static @Nullable URI originalUrl(PortalState state) {
        return state.mikrotik() != null ? state.mikrotik().originalUrl()
                : state.chilli() != null ? state.chilli().userUrl() : state.unifi().originalUrl();
    }

    /**
     * Where CoovaChilli's res=success return goes: with the status page as landing, the status
     * page the portal gave Chilli as userurl (only a path of this hotspot's status page is
     * followed, relative to this server), or a fresh status page for the returned hand-over; with
     * another landing, that landing (the operator's page, or the original URL of this verified
     * return).
     */
    String afterChilliSuccess(PortalHotspot portal, PortalState returned, String lang) {
        if (portal.settings().afterLogin().kind() != AfterLogin.Kind.STATUS) {
            return landing(portal, returned, lang).toString();
        }
        URI given = returned.chilli() == null ? null : returned.chilli().userUrl();
        String statusPath = "/portal/" + encode(portal.hotspot().nasIdentifier()) + "/status";
        if (given != null && statusPath.equals(given.getRawPath()) && given.getRawQuery() != null) {
            return statusPath + "?" + given.getRawQuery();
        }
        return statusUrl(portal, states.seal(returned), lang).toString();
    }

    URI statusUrl(PortalHotspot portal, String sealed, String lang) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal/{nas}/status")
                .queryParam("state", sealed).queryParam("lang", lang)
                .encode().buildAndExpand(portal.hotspot().nasIdentifier()).toUri();
    }

    /** Fills the sign-in page's model and returns its view name. */
    String signInPage(Model model, PortalHotspot portal, PortalState state, HttpServletRequest request,
                      @Nullable String error, Map<String, String> entered) {
        long operatorId = portal.hotspot().operatorId();
        PortalLook look = pages.look(operatorId);
        String lang = pages.language(look, request);
        String nas = portal.hotspot().nasIdentifier();
        String sealed = states.seal(state);
        String self = "/portal/" + encode(nas) + "?state=" + sealed;
        PortalPage page = pages.page(look, lang, "signin.title", portal.hotspot().name(), themeUrl(nas), self);
        PortalSettings settings = portal.settings();
        List<SignInView.Field> fields = new ArrayList<>();
        for (String name : PortalSettings.FIELDS) {
            if (settings.asks(name)) {
                fields.add(field(page.text(), name, settings.requiredFields().contains(name), entered.get(name)));
            }
        }
        model.addAttribute("page", page);
        model.addAttribute("view", new SignInView("/portal/" + encode(nas) + "/signin", sealed, lang,
                page.text().t("signin.welcome", portal.hotspot().name()), pages.terms(operatorId, lang).orElse(null),
                settings.methods().contains(SignInMethod.CLICK_THROUGH), settings.methods().contains(SignInMethod.FORM),
                settings.methods().contains(SignInMethod.VOUCHER), fields, error, entered.get("voucherCode"),
                "/portal/" + encode(nas) + "/pay", offers(portal).stream().map(o -> new SignInView.PaidPlan(o.planId(), o.name(),
                        duration(page.text(), o.duration()), o.price().display())).toList(),
                !cardOffers(portal).isEmpty(), paypal.available(operatorId) ? "/portal/" + encode(nas) + "/paypal" : null));
        return "portal/signin";
    }

    /**
     * The priced plans guests can buy at the hotspot, by card (Stripe) or with PayPal (none when
     * the operator takes neither).
     */
    List<GuestPlanOffer> offers(PortalHotspot portal) {
        List<GuestPlanOffer> card = cardOffers(portal);
        return card.isEmpty() ? paypal.offers(portal.hotspot().operatorId(), portal.hotspot().clientId()) : card;
    }

    private List<GuestPlanOffer> cardOffers(PortalHotspot portal) {
        return checkouts.offers(portal.hotspot().operatorId(), portal.hotspot().clientId());
    }

    /**
     * The device's data against its plan's cap: the guest module knows the cap and when the plan
     * started, the connection module what the device used since. Empty for a plan without a cap,
     * and at UniFi hotspots, whose controllers send no accounting (they enforce the quota the
     * portal gave them), so Portico cannot know what is left.
     */
    Optional<DataAllowance> data(PortalHotspot portal, PortalStatus status) {
        if (portal.settings().gatewayKind() == GatewayKind.UNIFI) {
            return Optional.empty();
        }
        return status.dataCapBytes().map(cap -> new DataAllowance(cap,
                connections.bytesUsedSince(portal.hotspot().clientId(), status.guestId(), status.startedAt())));
    }

    /** Fills the status page's model and returns its view name. */
    String statusPage(Model model, PortalHotspot portal, PortalState state, @Nullable String link, Optional<PortalStatus> status,
                      HttpServletRequest request) {
        PortalLook look = pages.look(portal.hotspot().operatorId());
        String lang = pages.language(look, request);
        String nas = portal.hotspot().nasIdentifier();
        String self = link != null ? STATUS_LINK + "=" + encodeQuery(link) : "state=" + states.seal(state);
        PortalPage page = pages.page(look, lang, "status.title", portal.hotspot().name(), themeUrl(nas),
                "/portal/" + encode(nas) + "/status?" + self);
        URI original = originalUrl(state);
        URI logout = state.mikrotik() != null ? state.mikrotik().logoutUrl()
                : state.chilli() != null ? state.chilli().logoffUrl() : null;
        PageText text = page.text();
        Optional<DataAllowance> data = status.flatMap(s -> data(portal, s));
        model.addAttribute("page", page);
        model.addAttribute("view", new StatusView(status.map(PortalStatus::planName).orElse(null),
                status.map(s -> duration(text, s.timeLeft())).orElse(null),
                data.map(d -> bytes(text, d.leftBytes())).orElse(null), data.map(d -> bytes(text, d.usedBytes())).orElse(null),
                status.isPresent() && logout != null ? logout.toString() : null,
                original == null ? null : original.toString(), original == null ? null : original.getHost(),
                status.map(s -> "/portal/" + encode(nas) + "/unsubscribe?token=" + encodeQuery(s.unsubscribeToken())
                        + "&lang=" + lang).orElse(null)));
        return "portal/status";
    }

    /**
     * The page a guest waits on after paying, until the provider's webhook confirmed the payment;
     * its language links keep the sealed state ({@code selfPath} is this page with its query).
     */
    String paymentWaitingPage(Model model, PortalHotspot portal, HttpServletRequest request, String selfPath) {
        PortalLook look = pages.look(portal.hotspot().operatorId());
        String lang = pages.language(look, request);
        PortalPage page = pages.page(look, lang, "payment.waiting.title", portal.hotspot().name(),
                themeUrl(portal.hotspot().nasIdentifier()), selfPath);
        model.addAttribute("page", page);
        model.addAttribute("heading", page.title());
        model.addAttribute("message", page.text().t("payment.waiting.message"));
        return "portal/paying";
    }

    /** The unsubscribe confirmation page's model and view name. */
    String unsubscribePage(Model model, PortalHotspot portal, String token, HttpServletRequest request) {
        PortalLook look = pages.look(portal.hotspot().operatorId());
        String lang = pages.language(look, request);
        String nas = portal.hotspot().nasIdentifier();
        String self = "/portal/" + encode(nas) + "/unsubscribe?token=" + encodeQuery(token);
        model.addAttribute("page", pages.page(look, lang, "unsubscribe.title", portal.hotspot().name(), themeUrl(nas), self));
        model.addAttribute("action", "/portal/" + encode(nas) + "/unsubscribe?lang=" + lang);
        model.addAttribute("token", token);
        return "portal/unsubscribe";
    }

    static String encodeQuery(String value) {
        return org.springframework.web.util.UriUtils.encodeQueryParam(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    String language(PortalHotspot portal, HttpServletRequest request) {
        return pages.language(pages.look(portal.hotspot().operatorId()), request);
    }

    PageText text(PortalHotspot portal, HttpServletRequest request) {
        return pages.text(language(portal, request));
    }

    PortalLook look(PortalHotspot portal) {
        return pages.look(portal.hotspot().operatorId());
    }

    Clock clock() {
        return clock;
    }

    /** A notice page (errors, "signed out") in the hotspot operator's look, or the default look without a hotspot. */
    String notice(Model model, @Nullable PortalHotspot portal, HttpServletRequest request, String headingKey, String messageKey,
                  Object... messageArgs) {
        PortalLook look = portal == null ? PortalLook.DEFAULT : pages.look(portal.hotspot().operatorId());
        return pages.notice(model, look, request, portal == null ? "Wi-Fi" : portal.hotspot().name(), headingKey, messageKey,
                messageArgs);
    }

    String themeUrl(String nas) {
        return "/portal/" + encode(nas) + "/theme.css";
    }

    static String duration(PageText text, Duration left) {
        long minutes = Math.max(0, left.toMinutes());
        if (minutes >= 24 * 60) {
            return text.t("status.days", minutes / (24 * 60), minutes % (24 * 60) / 60);
        }
        if (minutes >= 60) {
            return text.t("status.hours", minutes / 60, minutes % 60);
        }
        return text.t("status.minutes", minutes);
    }

    static String bytes(PageText text, long bytes) {
        if (bytes >= 1_000_000_000L) {
            return text.t("status.gigabytes", Math.round(bytes / 100_000_000.0) / 10.0);
        }
        return text.t("status.megabytes", Math.round(bytes / 1_000_000.0));
    }

    private static SignInView.Field field(PageText text, String name, boolean required, @Nullable String value) {
        String label = SignInProblems.label(text, name);
        return switch (name) {
            case "email" -> new SignInView.Field(name, label, "email", "email", required, value);
            case "firstName" -> new SignInView.Field(name, label, "text", "given-name", required, value);
            case "lastName" -> new SignInView.Field(name, label, "text", "family-name", required, value);
            case "phone" -> new SignInView.Field(name, label, "tel", "tel", required, value);
            case "birthDate" -> new SignInView.Field(name, label, "date", "bday", required, value);
            case "country" -> new SignInView.Field(name, label, "text", "country-name", required, value);
            default -> new SignInView.Field(name, label, "text", "off", required, value);
        };
    }

    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> params = new java.util.HashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        return params;
    }

    /**
     * The portal URL as CoovaChilli wrote it before the query, for the {@code md} check: as this
     * request arrived, and with the other scheme, for a portal behind a proxy that ends TLS.
     */
    private static List<String> selfUrls(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        String other = url.startsWith("https://") ? "http://" + url.substring(8)
                : url.startsWith("http://") ? "https://" + url.substring(7) : url;
        return List.of(url, other);
    }

    static String encode(String segment) {
        return org.springframework.web.util.UriUtils.encodePathSegment(segment, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** No hotspot answers to this NAS-Identifier or UniFi site (or it has no portal). */
    static final class UnknownHotspot extends RuntimeException {
        UnknownHotspot() {
            super("unknown hotspot", null, false, false);
        }
    }
}
