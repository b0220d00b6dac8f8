package io.portico.portal;

import java.net.URI;
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

import io.portico.guest.Guest;
import io.portico.guest.GuestPortalService;
import io.portico.guest.GuestService;
import io.portico.guest.MacAddress;
import io.portico.guest.PortalGrant;
import io.portico.hotspot.PortalHotspot;
import io.portico.payment.GuestCheckout;
import io.portico.payment.GuestCheckoutRequest;
import io.portico.payment.GuestCheckouts;
import io.portico.payment.PayPalCheckout;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.PageText;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Card payment on the portal: {@code /pay} sends the browser to the provider's payment page for the
 * chosen plan; {@code /paid}, where the provider sends it back, waits (refreshing itself, no
 * JavaScript) until the provider's signed webhook confirmed the payment, then logs the phone in at
 * its gateway exactly as a voucher sign-in does. The browser coming back proves nothing by itself.
 * PayPal goes the same way: {@code /paypal} sends the browser to PayPal to approve the order,
 * {@code /paypal/return} captures it and then waits for PayPal's verified webhook like {@code /paid};
 * {@code /paypal/cancel} is the sign-in page again.
 */
@Controller
@Hidden
class PortalPaymentController extends PortalErrorPages {

    private final PortalJourney journey;
    private final GuestCheckouts checkouts;
    private final GuestPortalService guests;
    private final PayPalCheckout paypal;
    private final GuestService guestRecords;

    PortalPaymentController(PortalJourney journey, GuestCheckouts checkouts, GuestPortalService guests, PayPalCheckout paypal,
                            GuestService guestRecords) {
        super(journey);
        this.journey = journey;
        this.checkouts = checkouts;
        this.guests = guests;
        this.paypal = paypal;
        this.guestRecords = guestRecords;
    }

    /** The plan the guest chose on the sign-in page's payment form, or the sign-in page again with why not. */
    private record Choice(PortalHotspot portal, PortalState state, PageText text, long planId, String lang, String sealed,
                          @Nullable String page) {
    }

    private Choice choice(String nas, Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
                          Model model) {
        PortalController.refuseCrossSite(request);
        PortalState state = journey.open(Optional.ofNullable(form.get("state")).orElseThrow(PortalController.ForgedForm::new), nas);
        PortalHotspot portal = journey.portal(nas);
        PageText text = journey.text(portal, request);
        long planId = -1;
        String error = null;
        try {
            planId = Long.parseLong(form.getOrDefault("plan", ""));
        } catch (NumberFormatException e) {
            error = text.t("payment.choosePlan");
        }
        if (error == null && !"accepted".equals(form.get("terms"))) {
            error = text.t("error.termsRequired");
        }
        if (error != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return new Choice(portal, state, text, planId, "", "", journey.signInPage(model, portal, state, request, error, Map.of()));
        }
        try {
            journey.takeForm(request);
        } catch (PorticoException e) {
            response.setStatus(e.problem().status());
            return new Choice(portal, state, text, planId, "", "", journey.signInPage(model, portal, state, request,
                    text.t("error.tooMany", SignInProblems.waitSeconds(e)), Map.of()));
        }
        return new Choice(portal, state, text, planId, journey.language(portal, request), journey.seal(state), null);
    }

    /** The sign-in page again, saying why the payment could not start. */
    private String notStarted(Choice choice, PorticoException e, String unavailableKey, HttpServletRequest request,
                              HttpServletResponse response, Model model) {
        response.setStatus(e.problem().status());
        String message = e.problem() == Problem.UNAVAILABLE || e.problem() == Problem.CONFLICT ? choice.text().t(unavailableKey)
                : e.field().filter("email"::equals).isPresent() ? choice.text().t("payment.badEmail")
                : e.problem() == Problem.TOO_MANY_REQUESTS ? choice.text().t("error.tooMany", SignInProblems.waitSeconds(e))
                : choice.text().t("payment.choosePlan");
        return journey.signInPage(model, choice.portal(), choice.state(), request, message, Map.of());
    }

    /** An absolute portal URL carrying the sealed state and the language. */
    private static String portalUrl(String path, String nas, String sealed, String lang) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path)
                .queryParam("state", sealed).queryParam("lang", lang).encode().buildAndExpand(nas).toUriString();
    }

    /**
     * The payment form posted: the chosen plan, then the provider's page to pay on ({@code provider}
     * starts the payment), or the sign-in page again saying why not.
     */
    private String startPayment(String nas, Map<String, String> form, String unavailableKey, Function<Choice, URI> provider,
                                HttpServletRequest request, HttpServletResponse response, Model model) {
        Choice choice = choice(nas, form, request, response, model);
        if (choice.page() != null) {
            return choice.page();
        }
        try {
            return "redirect:" + provider.apply(choice);
        } catch (PorticoException e) {
            return notStarted(choice, e, unavailableKey, request, response, model);
        }
    }

    @PostMapping("/portal/{nas}/pay")
    String pay(@PathVariable String nas, @RequestParam Map<String, String> form, HttpServletRequest request,
               HttpServletResponse response, Model model) {
        return startPayment(nas, form, "payment.unavailable", choice -> {
            PortalHotspot portal = choice.portal();
            // Stripe puts the session id in place of {CHECKOUT_SESSION_ID}; it must stay unencoded.
            String back = portalUrl("/portal/{nas}/paid", nas, choice.sealed(), choice.lang()) + "&checkout={CHECKOUT_SESSION_ID}";
            String cancel = portalUrl("/portal/{nas}", nas, choice.sealed(), choice.lang());
            return checkouts.start(new GuestCheckoutRequest(portal.hotspot().operatorId(), portal.hotspot().clientId(),
                    portal.hotspot().id(), new MacAddress(choice.state().mac()), choice.planId(), Optional.ofNullable(form.get("email")),
                    choice.lang(), back, cancel));
        }, request, response, model);
    }

    /** PayPal: creates the order for the chosen plan and sends the browser to PayPal to approve it. */
    @PostMapping("/portal/{nas}/paypal")
    String payPal(@PathVariable String nas, @RequestParam Map<String, String> form, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        return startPayment(nas, form, "paypal.unavailable", choice -> {
            long clientId = choice.portal().hotspot().clientId();
            Guest guest = guestRecords.findOrCreate(clientId, new MacAddress(choice.state().mac()));
            return paypal.startGuestOrder(clientId, guest.id(), choice.planId(),
                    URI.create(portalUrl("/portal/{nas}/paypal/return", nas, choice.sealed(), choice.lang())),
                    URI.create(portalUrl("/portal/{nas}/paypal/cancel", nas, choice.sealed(), choice.lang())),
                    Optional.ofNullable(form.get("email")), choice.lang());
        }, request, response, model);
    }

    /**
     * Where PayPal sends the guest back after approving ({@code token} is the order id): captures
     * the order, which grants nothing, then waits like {@code /paid} for PayPal's verified webhook.
     * Refreshing this page does not capture again.
     */
    @GetMapping("/portal/{nas}/paypal/return")
    String payPalReturned(@PathVariable String nas, @RequestParam String state, @RequestParam(required = false) @Nullable String token,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        PortalHotspot portal = journey.portal(nas);
        PortalState opened = journey.open(state, nas);
        long clientId = portal.hotspot().clientId();
        Guest guest = guestRecords.findOrCreate(clientId, new MacAddress(opened.mac()));
        GuestCheckout.State progress;
        try {
            progress = paypal.returnedAndGranted(clientId, guest.id(), token) ? GuestCheckout.State.PAID : GuestCheckout.State.OPEN;
        } catch (PorticoException e) {
            return journey.notice(model, portal, request, "payment.failed.title", "payment.failed.message");
        }
        return waitOrLogIn(portal, opened, progress, "/portal/{nas}/paypal/return", state, "token", token, request, response, model);
    }

    /** The guest cancelled on PayPal: the sign-in page again, saying so. */
    @GetMapping("/portal/{nas}/paypal/cancel")
    String payPalCancelled(@PathVariable String nas, @RequestParam String state, HttpServletRequest request, Model model) {
        PortalHotspot portal = journey.portal(nas);
        PortalState opened = journey.open(state, nas);
        return journey.signInPage(model, portal, opened, request, journey.text(portal, request).t("paypal.cancelled"), Map.of());
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
        return waitOrLogIn(portal, opened, progress, "/portal/{nas}/paid", state, "checkout", checkout, request, response, model);
    }

    /**
     * Once the provider's webhook granted the plan, logs the phone in at its gateway; a failed
     * payment says so; otherwise the page that waits, refreshing itself ({@code path} with the
     * state and the provider's {@code key}) every three seconds.
     */
    private String waitOrLogIn(PortalHotspot portal, PortalState opened, GuestCheckout.State progress, String path, String state,
                               String key, @Nullable String value, HttpServletRequest request, HttpServletResponse response,
                               Model model) {
        if (progress == GuestCheckout.State.PAID) {
            Optional<PortalGrant> grant = guests.returningDevice(portal.hotspot().clientId(), new MacAddress(opened.mac()));
            if (grant.isPresent()) {
                return "redirect:" + journey.loginRedirect(portal, opened, grant.get(), journey.language(portal, request));
            }
        }
        if (progress == GuestCheckout.State.FAILED || progress == GuestCheckout.State.EXPIRED
                || progress == GuestCheckout.State.REFUNDED) {
            return journey.notice(model, portal, request, "payment.failed.title", "payment.failed.message");
        }
        String nas = portal.hotspot().nasIdentifier();
        String lang = journey.language(portal, request);
        String self = ServletUriComponentsBuilder.fromCurrentContextPath().path(path)
                .queryParam("state", state).queryParam("lang", lang).queryParamIfPresent(key, Optional.ofNullable(value))
                .encode().buildAndExpand(nas).toUriString();
        String selfPath = org.springframework.web.util.UriComponentsBuilder.fromPath(path).queryParam("state", state)
                .queryParamIfPresent(key, Optional.ofNullable(value)).encode().buildAndExpand(nas).toUriString();
        response.setHeader("Refresh", "3;url=" + self);
        model.addAttribute("refreshUrl", self);
        return journey.paymentWaitingPage(model, portal, request, selfPath);
    }
}
