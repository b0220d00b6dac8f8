package io.portico.portal;

import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.portico.guest.GuestPortalService;
import io.portico.guest.MacAddress;
import io.portico.guest.PortalGrant;
import io.portico.hotspot.PortalHotspot;
import io.portico.payment.GuestCheckout;
import io.portico.payment.GuestCheckoutRequest;
import io.portico.payment.GuestCheckouts;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.PageText;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Card payment on the portal: {@code /pay} sends the browser to the provider's payment page for the
 * chosen plan; {@code /paid}, where the provider sends it back, waits (refreshing itself, no
 * JavaScript) until the provider's signed webhook confirmed the payment, then logs the phone in at
 * its gateway exactly as a voucher sign-in does. The browser coming back proves nothing by itself.
 */
@Controller
@Hidden
class PortalPaymentController extends PortalErrorPages {

    private final PortalJourney journey;
    private final GuestCheckouts checkouts;
    private final GuestPortalService guests;

    PortalPaymentController(PortalJourney journey, GuestCheckouts checkouts, GuestPortalService guests) {
        super(journey);
        this.journey = journey;
        this.checkouts = checkouts;
        this.guests = guests;
    }

    @PostMapping("/portal/{nas}/pay")
    String pay(@PathVariable String nas, @RequestParam Map<String, String> form, HttpServletRequest request,
               HttpServletResponse response, Model model) {
        PortalController.refuseCrossSite(request);
        PortalState state = journey.open(Optional.ofNullable(form.get("state")).orElseThrow(PortalController.ForgedForm::new), nas);
        PortalHotspot portal = journey.portal(nas);
        PageText text = journey.text(portal, request);
        long planId;
        try {
            planId = Long.parseLong(form.getOrDefault("plan", ""));
        } catch (NumberFormatException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return journey.signInPage(model, portal, state, request, text.t("payment.choosePlan"), Map.of());
        }
        if (!"accepted".equals(form.get("terms"))) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return journey.signInPage(model, portal, state, request, text.t("error.termsRequired"), Map.of());
        }
        String lang = journey.language(portal, request);
        String sealed = journey.seal(state);
        try {
            journey.takeForm(request);
            // Stripe puts the session id in place of {CHECKOUT_SESSION_ID}; it must stay unencoded.
            String back = ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal/{nas}/paid")
                    .queryParam("state", sealed).queryParam("lang", lang).encode().buildAndExpand(nas).toUriString()
                    + "&checkout={CHECKOUT_SESSION_ID}";
            String cancel = ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal/{nas}")
                    .queryParam("state", sealed).queryParam("lang", lang).encode().buildAndExpand(nas).toUriString();
            URI payment = checkouts.start(new GuestCheckoutRequest(portal.hotspot().operatorId(), portal.hotspot().clientId(),
                    portal.hotspot().id(), new MacAddress(state.mac()), planId, Optional.ofNullable(form.get("email")), lang,
                    back, cancel));
            return "redirect:" + payment;
        } catch (PorticoException e) {
            response.setStatus(e.problem().status());
            String message = e.problem() == Problem.UNAVAILABLE || e.problem() == Problem.CONFLICT ? text.t("payment.unavailable")
                    : e.field().filter("email"::equals).isPresent() ? text.t("payment.badEmail")
                    : e.problem() == Problem.TOO_MANY_REQUESTS ? e.getMessage() : text.t("payment.choosePlan");
            return journey.signInPage(model, portal, state, request, message, Map.of());
        }
    }

    @GetMapping("/portal/{nas}/paid")
    String paid(@PathVariable String nas, @RequestParam String state, @RequestParam(required = false) @Nullable String checkout,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        PortalHotspot portal = journey.portal(nas);
        PortalState opened = journey.open(state, nas);
        MacAddress device = new MacAddress(opened.mac());
        Optional<GuestCheckout> found = checkout == null ? Optional.empty()
                : checkouts.find(portal.hotspot().clientId(), checkout).filter(c -> c.device().equals(device));
        GuestCheckout.State progress = found.map(GuestCheckout::state).orElse(GuestCheckout.State.OPEN);
        if (progress == GuestCheckout.State.PAID) {
            Optional<PortalGrant> grant = guests.returningDevice(portal.hotspot().clientId(), device);
            if (grant.isPresent()) {
                return "redirect:" + journey.loginRedirect(portal, opened, grant.get(), journey.language(portal, request));
            }
        }
        if (progress == GuestCheckout.State.FAILED || progress == GuestCheckout.State.EXPIRED
                || progress == GuestCheckout.State.REFUNDED) {
            return journey.notice(model, portal, request, "payment.failed.title", "payment.failed.message");
        }
        String lang = journey.language(portal, request);
        String self = ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal/{nas}/paid")
                .queryParam("state", state).queryParam("lang", lang).queryParamIfPresent("checkout", Optional.ofNullable(checkout))
                .encode().buildAndExpand(nas).toUriString();
        String selfPath = org.springframework.web.util.UriComponentsBuilder.fromPath("/portal/{nas}/paid").queryParam("state", state)
                .queryParamIfPresent("checkout", Optional.ofNullable(checkout)).encode().buildAndExpand(nas).toUriString();
        response.setHeader("Refresh", "3;url=" + self);
        model.addAttribute("refreshUrl", self);
        return journey.paymentWaitingPage(model, portal, request, selfPath);
    }
}
