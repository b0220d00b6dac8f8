package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.platform.Actor;
import io.portico.platform.web.RequestOrigins;
import io.portico.subscription.Subscriber;
import io.portico.subscription.SubscriberPasswords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Subscriber passwords: staff send a single-use set/reset link ({@code sendPasswordLink}); the
 * subscriber sets the password with the link's token ({@code setPassword}, public: no AccessToken).
 */
@RestController
@Tag(name = "Console: subscriber passwords")
class SubscriberPasswordController {

    record SendPasswordLink(@JsonProperty("EmailAddress") @Nullable String email) {
    }

    record RequestReset(@JsonProperty("EmailAddress") @Nullable String email) {
    }

    record SetPassword(@JsonProperty("Token") @Nullable String token, @JsonProperty("Password") @Nullable String password) {
    }

    static final String RESET_ANSWER = "If a subscriber has this email address, a password link is on its way. ";

    private final SubscriberPasswords passwords;
    private final RequestOrigins origins;

    SubscriberPasswordController(SubscriberPasswords passwords, RequestOrigins origins) {
        this.passwords = passwords;
        this.origins = origins;
    }

    @PostMapping("/preview/networkoperatorconsole/subscribers/sendPasswordLink")
    @Operation(summary = "Emails a subscriber a single-use link to set or reset their password",
            description = "The link is valid for portico.subscription.password-link-validity (24h) and replaces older links. "
                    + "Unknown subscriber: 404. No email when subscriber notifications or emails are suppressed or the subscriber opted out.")
    Map<String, Object> sendPasswordLink(Actor actor, @RequestBody SendPasswordLink r) {
        Subscriber s = passwords.sendLink(actor, r.email());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Password link sent to " + s.email() + ". ");
        body.put("SubscriberToken", s.token());
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/preview/subscriberconsole/requestPasswordReset")
    @Operation(summary = "A resident asks for a password link by email (forgot password)",
            description = "Public (no AccessToken). Always answers 200 with the same message, whether or not a subscriber has "
                    + "this email; each subscriber with it gets a new single-use link. Invalid email: 400. More than "
                    + "portico.subscription.resets-per-email-per-hour (3) requests per email or resets-per-address-per-hour (20) "
                    + "per client address in an hour: 429 with Retry-After.")
    Map<String, Object> requestPasswordReset(@RequestBody RequestReset r, HttpServletRequest http) {
        passwords.requestReset(r.email(), origins.of(http));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", RESET_ANSWER);
        body.put("errorProcessing", false);
        return body;
    }

    @PostMapping("/preview/subscriberconsole/setPassword")
    @Operation(summary = "Sets a subscriber's password with the token of a password link",
            description = "Password: 12 to 128 characters (400 otherwise; the link stays usable). "
                    + "Unknown, used or expired token: 401.")
    Map<String, Object> setPassword(@RequestBody SetPassword r, HttpServletRequest http) {
        Subscriber s = passwords.setPassword(r.token(), r.password(), origins.of(http));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Password set. ");
        body.put("SubscriberToken", s.token());
        body.put("errorProcessing", false);
        return body;
    }
}
