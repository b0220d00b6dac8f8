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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Console sign-in: {@code login} trades an email and password for tokens, {@code refreshAccessToken}
 * trades a refresh token for new ones.
 */
@RestController
@Tag(name = "Console: sign-in")
class LoginController {

    record LoginRequest(@JsonProperty("EmailAddress") @Nullable String emailAddress,
                        @JsonProperty("Password") @Nullable String password,
                        @JsonProperty("TotpCode") @Nullable String totpCode) {
    }

    record RefreshRequest(@JsonProperty("RefreshToken") @Nullable String refreshToken) {
    }

    private final IdentityService identity;
    private final RequestOrigins origins;

    LoginController(IdentityService identity, RequestOrigins origins) {
        this.identity = identity;
        this.origins = origins;
    }

    @PostMapping("/preview/subscriberconsole/login")
    @Operation(summary = "Signs an administrator in",
            description = "Answers AuthenticationResult with an AccessToken (valid ExpiresIn seconds) and a single-use RefreshToken. "
                    + "Wrong credentials: 401. An administrator with two-factor sign-in on also sends TotpCode (the authenticator "
                    + "app's current code, or a recovery code); without it: 401 saying so. After 5 wrong passwords or codes in a row "
                    + "the account is locked for 15 minutes: 429 with Retry-After.")
    Map<String, Object> login(@RequestBody LoginRequest request, HttpServletRequest http) {
        return grant(identity.login(request.emailAddress(), request.password() == null ? "" : request.password(),
                request.totpCode(), origins.of(http)));
    }

    @PostMapping("/preview/subscriberconsole/refreshAccessToken")
    @Operation(summary = "Trades a refresh token for new tokens",
            description = "Each refresh token works once; using one twice revokes the session (401).")
    Map<String, Object> refresh(@RequestBody RefreshRequest request) {
        return grant(identity.refresh(request.refreshToken()));
    }

    private static Map<String, Object> grant(TokenGrant grant) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("AccessToken", grant.accessToken());
        result.put("ExpiresIn", grant.expiresInSeconds());
        result.put("RefreshToken", grant.refreshToken());
        result.put("TokenType", grant.tokenType());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("AuthenticationResult", result);
        body.put("errorProcessing", false);
        return body;
    }
}
