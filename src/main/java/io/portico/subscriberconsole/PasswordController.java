package io.portico.subscriberconsole;

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

import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.RequestOrigins;
import io.portico.subscription.SubscriberPasswords;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Forgotten passwords: the "forgot password" page asks for the email and always answers the same
 * ({@link SubscriberPasswords#requestReset}); the emailed link opens the set-password page
 * ({@code /subscriber/password?token=...}), which sets the password with
 * {@link SubscriberPasswords#setPassword} and sends the resident to sign in.
 */
@Hidden
@Controller
class PasswordController extends SubscriberErrorPages {

    private final ResidentSessions sessions;
    private final SubscriberPasswords passwords;
    private final RequestOrigins origins;

    PasswordController(SubscriberPages pages, ResidentSessions sessions, SubscriberPasswords passwords, RequestOrigins origins) {
        super(pages);
        this.sessions = sessions;
        this.passwords = passwords;
        this.origins = origins;
    }

    @GetMapping("/subscriber/forgot")
    String forgotPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        pages.frame(model, request, response, null, 0, "forgot.title", null);
        return forgot(model, "", null, null);
    }

    @PostMapping("/subscriber/forgot")
    String forgot(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response, Model model) {
        sessions.checkPublicForm(request, form.get(FormGuard.FIELD));
        String email = form.getOrDefault("email", "").strip();
        SubscriberPage page = pages.frame(model, request, response, null, 0, "forgot.title", null);
        try {
            passwords.requestReset(email, origins.of(request));
            return forgot(model, "", page.text().t("forgot.sent"), null);
        } catch (PorticoException e) {
            response.setStatus(e.problem().status());
            e.retryAfter().ifPresent(wait -> response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
            return forgot(model, email, null, page.text().t(e.problem() == Problem.TOO_MANY_REQUESTS ? "error.tooMany" : "forgot.invalid"));
        }
    }

    @GetMapping("/subscriber/password")
    String passwordPage(@RequestParam(required = false) @Nullable String token, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        pages.frame(model, request, response, null, 0, "password.title", null);
        return password(model, token == null ? "" : token, null);
    }

    @PostMapping("/subscriber/password")
    String setPassword(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
                       Model model) {
        sessions.checkPublicForm(request, form.get(FormGuard.FIELD));
        String token = form.getOrDefault("token", "");
        try {
            passwords.setPassword(token, form.getOrDefault("password", ""), origins.of(request));
            return "redirect:/subscriber/signin?done=password";
        } catch (PorticoException e) {
            response.setStatus(e.problem().status());
            SubscriberPage page = pages.frame(model, request, response, null, 0, "password.title", null);
            return password(model, token, page.text().t(e.problem() == Problem.UNAUTHENTICATED ? "password.linkInvalid" : "password.policy"));
        }
    }

    private static String forgot(Model model, String email, @Nullable String notice, @Nullable String error) {
        model.addAttribute("email", email);
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        return "subscriber/forgot";
    }

    private static String password(Model model, String token, @Nullable String error) {
        model.addAttribute("token", token);
        model.addAttribute("error", error);
        return "subscriber/password";
    }
}
