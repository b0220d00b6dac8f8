package io.portico.subscriberconsole;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.portico.platform.KeyedRateLimit;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageText;
import io.portico.platform.web.RequestOrigins;
import io.portico.subscription.SubscriberPrincipal;

/**
 * Signing in and out of the subscriber console: the sign-in page and form (email and password,
 * the lockout of {@link io.portico.subscription.SubscriberSessions#login}, a rate limit per client
 * address), and the sign-out form that ends the session.
 */
@Controller
class SignInController extends SubscriberErrorPages {

    private final ResidentSessions sessions;
    private final RequestOrigins origins;
    private final KeyedRateLimit perAddress;

    SignInController(SubscriberPages pages, ResidentSessions sessions, RequestOrigins origins, Clock clock) {
        super(pages);
        this.sessions = sessions;
        this.origins = origins;
        this.perAddress = new KeyedRateLimit(30, Duration.ofMinutes(1), clock);
    }

    @GetMapping("/subscriber")
    String home() {
        return "redirect:/subscriber/wifi";
    }

    @GetMapping("/subscriber/signin")
    String signInPage(@RequestParam(required = false) @Nullable String next, @RequestParam(required = false) @Nullable String done,
                      HttpServletRequest request, HttpServletResponse response, Model model) {
        if (sessions.resolve(request, response).isPresent()) {
            return "redirect:" + ResidentSessions.safeNext(next);
        }
        SubscriberPage page = pages.frame(model, request, response, null, 0, "signin.title", null);
        String notice = done == null ? null : switch (done) {
            case "signedOut" -> page.text().t("signin.signedOut");
            case "password" -> page.text().t("signin.passwordSet");
            default -> null;
        };
        return render(model, page, "", ResidentSessions.safeNext(next), null, notice);
    }

    @PostMapping("/subscriber/signin")
    String signIn(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response, Model model) {
        sessions.checkPublicForm(request, form.get(FormGuard.FIELD));
        String email = form.getOrDefault("email", "").strip();
        String next = ResidentSessions.safeNext(form.get("next"));
        try {
            perAddress.take(origins.of(request).sourceIp(), "Too many sign-in attempts from this address.");
            sessions.signIn(email, form.getOrDefault("password", ""), request, response);
            return "redirect:" + next;
        } catch (PorticoException e) {
            response.setStatus(e.problem().status());
            e.retryAfter().ifPresent(wait -> response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
            SubscriberPage page = pages.frame(model, request, response, null, 0, "signin.title", null);
            return render(model, page, email, next, message(e, page.text()), null);
        }
    }

    @PostMapping("/subscriber/signout")
    String signOut(@RequestParam(name = FormGuard.FIELD, required = false) @Nullable String formToken,
                   SubscriberPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        sessions.checkForm(request, formToken);
        sessions.signOut(request, response);
        return "redirect:/subscriber/signin?done=signedOut";
    }

    private static String render(Model model, SubscriberPage page, String email, String next, @Nullable String error,
                                 @Nullable String notice) {
        model.addAttribute("email", email);
        model.addAttribute("next", next);
        model.addAttribute("error", error);
        model.addAttribute("notice", notice);
        return "subscriber/signin";
    }

    /** The reason a sign-in failed, in the page's language. */
    private static String message(PorticoException e, PageText text) {
        if (e.problem() == Problem.TOO_MANY_REQUESTS) {
            long minutes = Math.max(1, (e.retryAfter().orElse(Duration.ZERO).toSeconds() + 59) / 60);
            return e.getMessage() != null && e.getMessage().startsWith("Too many sign-in attempts from")
                    ? text.t("error.tooMany") : text.t("signin.locked", minutes);
        }
        if (e.problem() == Problem.INVALID_INPUT) {
            return text.t("signin.invalid");
        }
        return text.t("signin.wrong");
    }
}
