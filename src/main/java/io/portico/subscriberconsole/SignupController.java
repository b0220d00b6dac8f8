package io.portico.subscriberconsole;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import io.portico.operator.OperatorSettingsService;
import io.portico.payment.ResidentBilling;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageText;
import io.portico.platform.web.RequestOrigins;
import io.portico.subscription.PaidSignup;
import io.portico.subscription.SelfSignup;
import io.portico.subscription.SelfSignupRequest;
import io.portico.subscription.SignupVenue;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Self sign-up: {@code /subscriber/signup} takes the code of the venue's sign-up link, and
 * {@code /subscriber/signup/<token>} is the venue's page: unit number, sign-up code when the
 * property set one, plan, name, email, password and the terms ({@link SelfSignup#signUp}). A
 * resident who signed up is signed in and lands on My WiFi.
 */
@Hidden
@Controller
class SignupController extends SubscriberErrorPages {

    /** Fields a refusal can name; each has a message in both bundles ({@code signup.error.<field>}). */
    private static final Set<String> EXPLAINED = Set.of("signupCode", "unit", "plan", "payment", "terms", "account",
            "freeLimit", "trialLimit", "email", "givenName", "familyName", "password", "phoneE164");

    private final ResidentSessions sessions;
    private final SelfSignup signup;
    private final OperatorSettingsService settings;
    private final RequestOrigins origins;
    private final PaidSignup paidSignup;
    private final ResidentBilling billing;

    /** Holds the paid sign-up's claim until the resident is back from paying (only sent to the return page). */
    static final String CLAIM_COOKIE = "portico_signup_claim";

    SignupController(SubscriberPages pages, ResidentSessions sessions, SelfSignup signup, OperatorSettingsService settings,
                     RequestOrigins origins, PaidSignup paidSignup, ResidentBilling billing) {
        super(pages);
        this.paidSignup = paidSignup;
        this.billing = billing;
        this.sessions = sessions;
        this.signup = signup;
        this.settings = settings;
        this.origins = origins;
    }

    @GetMapping("/subscriber/signup")
    String start(@RequestParam(required = false) @Nullable String link, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        if (link != null && !link.isBlank()) {
            String token = link.strip().replaceAll("^.*/", "");
            return "redirect:/subscriber/signup/" + UriUtils.encodePathSegment(token, java.nio.charset.StandardCharsets.UTF_8);
        }
        pages.frame(model, request, response, null, 0, "signup.title", null);
        return "subscriber/signup-start";
    }

    @GetMapping("/subscriber/signup/{token}")
    String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        SignupVenue venue = signup.venue(token);
        SubscriberPage page = pages.frame(model, request, response, null, venue.operatorId(), "signup.title", null);
        response.setHeader("Content-Security-Policy", SubscriberConsoleHeadersFilter.SIGNUP_CONTENT_SECURITY_POLICY);
        model.addAttribute("view", view(token, venue, page, Map.of(), null));
        return "subscriber/signup";
    }

    @PostMapping("/subscriber/signup/{token}")
    String signUp(@PathVariable String token, @RequestParam Map<String, String> form, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        sessions.checkPublicForm(request, form.get(FormGuard.FIELD));
        SignupVenue venue = signup.venue(token);
        SubscriberPage page = pages.frame(model, request, response, null, venue.operatorId(), "signup.title", null);
        try {
            SelfSignupRequest signupRequest = new SelfSignupRequest(token, form.get("unit"), form.get("signupCode"),
                    form.get("plan"), form.get("email"), form.get("givenName"), form.get("familyName"), form.get("phone"),
                    page.lang(), form.get("password"), "accepted".equals(form.get("terms")));
            boolean priced = venue.offers().stream().anyMatch(o -> o.plan().key().equals(form.get("plan")) && PaidSignup.priced(o.plan()));
            if (priced && billing.available(venue.operatorId())) {
                return checkout(token, signupRequest, request, response);
            }
            SelfSignup.SignedUp done = signup.signUp(signupRequest, origins.of(request));
            sessions.signedIn(done.session(), request, response);
            return "redirect:/subscriber/wifi";
        } catch (PorticoException e) {
            if (e.problem() == Problem.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.problem().status());
            e.retryAfter().ifPresent(wait -> response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
            Map<String, String> values = new HashMap<>(form);
            values.remove("password");
            values.remove(FormGuard.FIELD);
            response.setHeader("Content-Security-Policy", SubscriberConsoleHeadersFilter.SIGNUP_CONTENT_SECURITY_POLICY);
            model.addAttribute("view", view(token, venue, page, values, message(e, page.text())));
            return "subscriber/signup";
        }
    }

    /** A priced plan with online payment: the sign-up waits and the resident goes to Stripe Checkout. */
    private String checkout(String token, SelfSignupRequest signupRequest, HttpServletRequest request, HttpServletResponse response) {
        PaidSignup.Checkout checkout = paidSignup.prepare(signupRequest, origins.of(request));
        String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        java.net.URI success = java.net.URI.create(base + "/subscriber/signup/paid/" + checkout.reference());
        java.net.URI cancel = java.net.URI.create(base + "/subscriber/signup/"
                + UriUtils.encodePathSegment(token, java.nio.charset.StandardCharsets.UTF_8));
        java.net.URI pay = billing.checkout(checkout, success, cancel);
        response.addHeader(HttpHeaders.SET_COOKIE, org.springframework.http.ResponseCookie.from(CLAIM_COOKIE, checkout.claim())
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax").path("/subscriber/signup/paid/")
                .maxAge(java.time.Duration.ofDays(1)).build().toString());
        return "redirect:" + pay;
    }

    /**
     * Where Stripe sends the resident back: while the signed webhook has not come, a page that
     * looks again every few seconds; once it has, the resident is signed in and sees My WiFi.
     */
    @GetMapping("/subscriber/signup/paid/{reference}")
    String paid(@PathVariable String reference, @org.springframework.web.bind.annotation.CookieValue(name = CLAIM_COOKIE,
                required = false) @Nullable String claim, HttpServletRequest request, HttpServletResponse response, Model model) {
        PaidSignup.Status status = claim == null ? null : paidSignup.status(reference, claim).orElse(null);
        if (status == null) {
            throw PorticoException.notFound("Unknown sign-up.");
        }
        if (status == PaidSignup.Status.COMPLETED) {
            var grant = paidSignup.signIn(reference, claim).orElseThrow();
            sessions.signedIn(grant, request, response);
            response.addHeader(HttpHeaders.SET_COOKIE, org.springframework.http.ResponseCookie.from(CLAIM_COOKIE, "")
                    .httpOnly(true).secure(request.isSecure()).sameSite("Lax").path("/subscriber/signup/paid/").maxAge(0).build().toString());
            return "redirect:/subscriber/wifi";
        }
        PageText text = pages.frame(model, request, response, null, 0, "signup.title", null).text();
        if (status == PaidSignup.Status.OPEN) {
            // the Refresh header, not <meta http-equiv="refresh"> (axe flags that); the link lets a person look at once
            response.setHeader("Refresh", "3");
            model.addAttribute("checkAgain", "/subscriber/signup/paid/" + UriUtils.encodePathSegment(reference,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return pages.notice(model, request, response, null, "signup.title",
                text.t(status == PaidSignup.Status.OPEN ? "signup.paid.waiting" : "signup.paid.failed"));
    }

    private SignupView view(String token, SignupVenue venue, SubscriberPage page, Map<String, String> values, @Nullable String error) {
        PageText text = page.text();
        boolean online = billing.available(venue.operatorId());
        List<SignupView.Plan> plans = venue.offers().stream().map(offer -> {
            var terms = offer.plan().terms();
            String note = switch (offer.kind()) {
                case FREE -> text.t("signup.plan.free");
                case TRIAL -> text.t("signup.plan.trial", terms.trialCycles(), price(terms.prices()));
                case PAID -> text.t(online ? "signup.plan.paidOnline" : "signup.plan.paid", price(terms.prices()));
            };
            String speeds = text.t("signup.plan.speeds", mbps(terms.downloadKbps()), mbps(terms.uploadKbps()));
            return new SignupView.Plan(offer.plan().key(), terms.name(), speeds, note,
                    terms.description().isBlank() ? null : terms.description(),
                    offer.plan().key().equals(values.get("plan")) || venue.offers().size() == 1);
        }).toList();
        String terms = settings.termsAndConditions(venue.operatorId(), page.lang()).orElse(null);
        return new SignupView("/subscriber/signup/" + UriUtils.encodePathSegment(token, java.nio.charset.StandardCharsets.UTF_8),
                venue.venueName(), venue.codeRequired(), plans, terms, values, error);
    }

    private static String message(PorticoException e, PageText text) {
        if (e.problem() == Problem.TOO_MANY_REQUESTS) {
            return text.t("error.tooMany");
        }
        if (e.problem() == Problem.CONFLICT) {
            return text.t("signup.error.unitTaken");
        }
        return e.field().filter(EXPLAINED::contains).map(field -> text.t("signup.error." + field)).orElse(text.t("error.invalid"));
    }

    private static String mbps(long kbps) {
        double mbps = kbps / 1000.0;
        return mbps == Math.rint(mbps) ? Long.toString((long) mbps) : String.format(Locale.ROOT, "%.1f", mbps);
    }

    private static String price(Map<String, Long> prices) {
        return prices.entrySet().stream().filter(e -> e.getValue() > 0).findFirst()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 100.0)).orElse("");
    }
}
