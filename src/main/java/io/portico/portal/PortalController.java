package io.portico.portal;

import io.portico.platform.web.PageText;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.portico.guest.GuestPortalService;
import io.portico.guest.GuestProfile;
import io.portico.guest.MacAddress;
import io.portico.guest.MarketingConsent;
import io.portico.guest.PortalGrant;
import io.portico.guest.PortalSignIn;
import io.portico.hotspot.PortalHotspot;
import io.portico.hotspot.SignInMethod;
import io.portico.platform.Digests;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The guest's way in: {@code /portal/{nas}} takes the gateway's hand-over (MikroTik POST/GET,
 * CoovaChilli redirect, or UniFi's {@code /guest/s/{site}/}), sends a returning device with an
 * active plan straight to its gateway, and otherwise shows the sign-in page; {@code /signin}
 * asks the guest module for access and sends the browser to log in at its gateway.
 */
@Controller
@Hidden
class PortalController extends PortalErrorPages {

    private final PortalJourney journey;
    private final GuestPortalService guests;

    PortalController(PortalJourney journey, GuestPortalService guests) {
        super(journey);
        this.journey = journey;
        this.guests = guests;
    }

    @RequestMapping(path = "/portal/{nas}", method = {RequestMethod.GET, RequestMethod.POST})
    String entry(@PathVariable String nas, @RequestParam(required = false) @Nullable String state,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        PortalHotspot portal = journey.portal(nas);
        if (state != null) {
            return journey.signInPage(model, portal, journey.open(state, nas), request, null, Map.of());
        }
        if (request.getParameterMap().keySet().stream().allMatch("voucher"::equals)) {
            // Opened directly (a bookmark, the RFC 8908 user-portal-url): only the gateway can say who the phone is.
            return journey.notice(model, portal, request, "signin.title", "signin.viaGateway");
        }
        return arrive(portal, journey.handOver(portal, request), request, response, model);
    }

    @GetMapping("/guest/s/{site}/")
    String unifiEntry(@PathVariable String site, HttpServletRequest request, HttpServletResponse response, Model model) {
        PortalHotspot portal = journey.portalOfSite(site);
        return arrive(portal, journey.handOver(portal, request), request, response, model);
    }

    @PostMapping("/portal/{nas}/signin")
    String signIn(@PathVariable String nas, @RequestParam Map<String, String> form, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        refuseCrossSite(request);
        PortalState state = journey.open(Optional.ofNullable(form.get("state")).orElseThrow(ForgedForm::new), nas);
        PortalHotspot portal = journey.portal(nas);
        SignInMethod method;
        try {
            method = SignInMethod.valueOf(form.getOrDefault("method", ""));
        } catch (IllegalArgumentException e) {
            throw new ForgedForm();
        }
        Map<String, String> entered = new HashMap<>(form);
        entered.remove("state");
        PageText text = journey.text(portal, request);
        if (!"accepted".equals(form.get("terms"))) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return journey.signInPage(model, portal, state, request, text.t("error.termsRequired"), entered);
        }
        try {
            journey.takeForm(request);
            PortalGrant grant = guests.signIn(new PortalSignIn(portal.hotspot().clientId(), portal.hotspot().id(),
                    new MacAddress(state.mac()), method, method == SignInMethod.FORM ? profile(form) : GuestProfile.EMPTY,
                    Optional.ofNullable(form.get("voucherCode")), consent(form, text, journey.clock()),
                    Optional.ofNullable(request.getHeader("User-Agent")).orElse(""), request.getRemoteAddr()));
            return redirect(journey.loginRedirect(portal, state, grant, journey.language(portal, request)));
        } catch (PorticoException e) {
            response.setStatus(e.problem().status());
            return journey.signInPage(model, portal, state, request, SignInProblems.message(e, method, entered, text), entered);
        }
    }

    /** Where a hand-over lands: a gateway's verdict, a returning device, or the sign-in page. */
    private String arrive(PortalHotspot portal, PortalState state, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        String lang = journey.language(portal, request);
        PageText text = journey.text(portal, request);
        boolean refused = false;
        if (state.chilli() != null) {
            switch (state.chilli().res()) {
                case "success", "already" -> {
                    return "redirect:" + journey.afterChilliSuccess(portal, state, lang);
                }
                case "logoff" -> {
                    return journey.notice(model, portal, request, "loggedOut.title", "loggedOut.message");
                }
                case "failed" -> refused = true;
                default -> {
                }
            }
        }
        if (state.mikrotik() != null && state.mikrotik().gatewayError()) {
            refused = true;
        }
        if (refused) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return journey.signInPage(model, portal, state, request, text.t("error.gatewayRejected"), Map.of());
        }
        Optional<PortalGrant> returning = guests.returningDevice(portal.hotspot().clientId(), new MacAddress(state.mac()));
        if (returning.isPresent()) {
            try {
                return redirect(journey.loginRedirect(portal, state, returning.get(), lang));
            } catch (PorticoException e) {
                response.setStatus(e.problem().status());
                return journey.signInPage(model, portal, state, request,
                        SignInProblems.message(e, SignInMethod.CLICK_THROUGH, Map.of(), text), Map.of());
            }
        }
        return journey.signInPage(model, portal, state, request, null, voucherPrefill(request));
    }

    /**
     * The voucher code to fill in from a printed voucher's QR code: its {@code voucher} parameter,
     * on the portal URL itself or inside the original URL the gateway carried (MikroTik {@code dst},
     * CoovaChilli {@code userurl}, UniFi {@code url}) when the phone was caught before the portal.
     */
    static Map<String, String> voucherPrefill(HttpServletRequest request) {
        String code = request.getParameter("voucher");
        for (String carrier : List.of("dst", "userurl", "url")) {
            String original = request.getParameter(carrier);
            if (code == null && original != null) {
                try {
                    code = UriComponentsBuilder.fromUriString(original).build().getQueryParams().getFirst("voucher");
                } catch (IllegalArgumentException e) {
                    code = null;
                }
            }
        }
        return code != null && code.matches("[A-Za-z0-9-]{4,40}") ? Map.of("voucherCode", code.toUpperCase(Locale.ROOT)) : Map.of();
    }

    private static GuestProfile profile(Map<String, String> form) {
        List<@Nullable String> custom = new ArrayList<>();
        for (int i = 1; i <= GuestProfile.CUSTOM_FIELDS; i++) {
            custom.add(form.get("custom" + i));
        }
        LocalDate birthDate = null;
        String birth = form.get("birthDate");
        if (birth != null && !birth.isBlank()) {
            try {
                birthDate = LocalDate.parse(birth.strip());
            } catch (DateTimeParseException e) {
                throw PorticoException.invalid("birthDate", "The date of birth must be a date.");
            }
        }
        return new GuestProfile(form.get("email"), form.get("firstName"), form.get("lastName"), null, null,
                form.get("phone"), birthDate, null, form.get("country"), null, null, null, null, custom, null);
    }

    /** The consent box, with the version of the text the guest saw: its language and a hash of the words. */
    private static Optional<MarketingConsent> consent(Map<String, String> form, PageText text, Clock clock) {
        if (!"given".equals(form.get("consent"))) {
            return Optional.empty();
        }
        String words = text.t("consent.marketing");
        String version = text.lang() + ":" + HexFormat.of().formatHex(
                Digests.md5(words.getBytes(StandardCharsets.UTF_8)), 0, 6);
        return Optional.of(new MarketingConsent(clock.instant(), version));
    }

    /**
     * A form sent from a page of another site is refused: the browser names the page's origin in
     * {@code Origin} (or, when it sends none, says {@code Sec-Fetch-Site: cross-site}).
     */
    static void refuseCrossSite(HttpServletRequest request) {
        if (FormGuard.isCrossSite(request)) {
            throw new ForgedForm();
        }
    }

    private static String redirect(URI target) {
        return "redirect:" + target;
    }

    /** A portal form without a state this server sealed for the hotspot, or sent from another site. */
    static final class ForgedForm extends RuntimeException {
        ForgedForm() {
            super("forged portal form", null, false, false);
        }
    }
}
