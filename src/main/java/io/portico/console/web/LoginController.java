package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.identity.IdentityService;
import io.portico.identity.TokenGrant;
import io.portico.platform.web.RequestOrigins;
import io.portico.subscription.SubscriberSessions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The console's one sign-in, for administrators and residents: {@code login} trades an email and
 * password for tokens (an administrator account first, a resident's when the email has none),
 * {@code refreshAccessToken} trades either kind of refresh token for new ones, {@code logout}
 * ends the session of either kind of access token.
 */
@RestController
@Tag(name = "Console: sign-in")
class LoginController {

    static final String ADMINISTRATOR = "Administrator";
    static final String SUBSCRIBER = "Subscriber";

    record LoginRequest(@JsonProperty("EmailAddress") @Nullable String emailAddress,
                        @JsonProperty("Password") @Nullable String password,
                        @JsonProperty("TotpCode") @Nullable String totpCode) {
    }

    record RefreshRequest(@JsonProperty("RefreshToken") @Nullable String refreshToken) {
    }

    private final IdentityService identity;
    private final SubscriberSessions subscribers;
    private final RequestOrigins origins;

    LoginController(IdentityService identity, SubscriberSessions subscribers, RequestOrigins origins) {
        this.identity = identity;
        this.subscribers = subscribers;
        this.origins = origins;
    }

    @PostMapping("/preview/subscriberconsole/login")
    @Operation(summary = "Signs an administrator or a subscriber in",
            description = "Answers AuthenticationResult with an AccessToken (valid ExpiresIn seconds), a single-use RefreshToken "
                    + "and Principal: Administrator or Subscriber (an email with an administrator account signs the administrator "
                    + "in; otherwise the subscriber with that email and password). A subscriber's token opens only the "
                    + "/preview/subscriberconsole/resident/ routes, an administrator's only the others. Wrong credentials: 401. "
                    + "An administrator with two-factor sign-in on also sends TotpCode (the authenticator app's current code, or a "
                    + "recovery code); without it: 401 saying so. After 5 wrong passwords or codes in a row the account is locked "
                    + "for 15 minutes: 429 with Retry-After.")
    Map<String, Object> login(@RequestBody LoginRequest request, HttpServletRequest http) {
        String password = request.password() == null ? "" : request.password();
        String email = IdentityService.normaliseEmail(request.emailAddress());
        if (identity.isAdministrator(email)) {
            return grant(identity.login(email, password, request.totpCode(), origins.of(http)), ADMINISTRATOR);
        }
        return grant(subscribers.login(email, password, origins.of(http)), SUBSCRIBER);
    }

    @PostMapping("/preview/subscriberconsole/refreshAccessToken")
    @Operation(summary = "Trades a refresh token for new tokens",
            description = "Works for administrators' and subscribers' refresh tokens alike; each works once, and using one twice "
                    + "revokes the session (401).")
    Map<String, Object> refresh(@RequestBody RefreshRequest request) {
        if (request.refreshToken() != null && SubscriberSessions.isResidentToken(request.refreshToken().strip())) {
            return grant(subscribers.refresh(request.refreshToken()), SUBSCRIBER);
        }
        return grant(identity.refresh(request.refreshToken()), ADMINISTRATOR);
    }

    @PostMapping("/preview/subscriberconsole/logout")
    @Operation(summary = "Ends the session of the AccessToken",
            description = "For administrators and subscribers; the access and refresh tokens stop working at once. "
                    + "An unknown or missing token is not an error (the session is gone either way).")
    Map<String, Object> logout(HttpServletRequest http) {
        if (http.getAttribute(ConsoleRequestFilter.PUBLIC_TOKEN) instanceof String token) {
            if (SubscriberSessions.isResidentToken(token)) {
                subscribers.logout(token);
            } else {
                identity.logout(token);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Signed out.");
        body.put("errorProcessing", false);
        return body;
    }

    private static Map<String, Object> grant(TokenGrant grant, String principal) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("AccessToken", grant.accessToken());
        result.put("ExpiresIn", grant.expiresInSeconds());
        result.put("RefreshToken", grant.refreshToken());
        result.put("TokenType", grant.tokenType());
        result.put("Principal", principal);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("AuthenticationResult", result);
        body.put("errorProcessing", false);
        return body;
    }
}
