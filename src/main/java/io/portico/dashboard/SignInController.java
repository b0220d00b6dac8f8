package io.portico.dashboard;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;
import io.portico.platform.Actor;
import io.portico.platform.Problem;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;

/**
 * Signing in and out of the dashboard with an administrator's email and password (the console
 * API's accounts, lockout included), and {@code /dashboard}, which leads to the first page the
 * administrator's roles allow.
 */
@Controller
@Hidden
class SignInController extends DashboardErrorPages {

    private final DashboardSessions sessions;

    SignInController(DashboardPages pages, DashboardSessions sessions) {
        super(pages);
        this.sessions = sessions;
    }

    @GetMapping("/dashboard")
    String home(Actor actor) {
        return "redirect:" + DashboardPages.home(actor);
    }

    @GetMapping(DashboardWebConfiguration.SIGN_IN_PATH)
    String signInForm(@RequestParam(required = false) @Nullable String next, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
        DashboardSessions.rememberLanguage(request, response);
        if (sessions.resolve(request, response).isPresent()) {
            return "redirect:" + DashboardSessions.safeNext(next);
        }
        return form(request, model, next, "", null);
    }

    @PostMapping(DashboardWebConfiguration.SIGN_IN_PATH)
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  @RequestParam(required = false) @Nullable String next, @RequestParam(required = false) @Nullable String challenge,
                  @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        if (FormGuard.isCrossSite(request)) {
            throw PorticoException.forbidden(pages.text(request).t("error.crossSite"));
        }
        try {
            if (challenge != null) {
                sessions.completeSignIn(challenge, code, request, response);
            } else {
                Optional<String> codeNeeded = sessions.signIn(email, password, request, response);
                if (codeNeeded.isPresent()) {
                    return codeForm(request, model, next, codeNeeded.get(), null);
                }
            }
        } catch (PorticoException e) {
            if (challenge != null && (e.problem() == Problem.UNAUTHENTICATED || e.problem() == Problem.INVALID_INPUT)) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return codeForm(request, model, next, challenge, e.getMessage());
            }
            if (e.problem() == Problem.UNAUTHENTICATED || e.problem() == Problem.INVALID_INPUT) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return form(request, model, next, email, pages.text(request).t("signin.wrong"));
            }
            if (e.problem() == Problem.TOO_MANY_REQUESTS) {
                response.setStatus(429);
                e.retryAfter().ifPresent(wait -> response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
                return form(request, model, next, email, pages.text(request).t("signin.locked"));
            }
            throw e;
        }
        return "redirect:" + DashboardSessions.safeNext(next);
    }

    @PostMapping("/dashboard/signout")
    String signOut(@RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                   HttpServletRequest request, HttpServletResponse response) {
        sessions.checkForm(request, csrf);
        sessions.signOut(request, response);
        return "redirect:" + DashboardWebConfiguration.SIGN_IN_PATH + "?signedOut";
    }

    /** The second step for administrators with two-factor sign-in: the code from the app or a recovery code. */
    private String codeForm(HttpServletRequest request, Model model, @Nullable String next, String challenge, @Nullable String error) {
        model.addAttribute("page", pages.anonymous(request, "totp.codeTitle"));
        model.addAttribute("view", new TwoFactorViews.CodeStepView(challenge, DashboardSessions.safeNext(next), error));
        return "dashboard/signin-code";
    }

    private String form(HttpServletRequest request, Model model, @Nullable String next, String email, @Nullable String error) {
        model.addAttribute("page", pages.anonymous(request, "signin.title"));
        model.addAttribute("next", DashboardSessions.safeNext(next));
        model.addAttribute("email", email);
        model.addAttribute("error", error);
        model.addAttribute("signedOut", request.getParameter("signedOut") != null);
        return "dashboard/signin";
    }
}
