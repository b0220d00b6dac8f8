package io.portico.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Signs in through the real login route and calls console routes with the AccessToken in the body. */
public final class ConsoleSession {

    private final Http http;
    private final String accessToken;

    private ConsoleSession(Http http, String accessToken) {
        this.http = http;
        this.accessToken = accessToken;
    }

    public static ConsoleSession login(Http http, String email, String password) {
        Http.Response r = http.postJson("/preview/subscriberconsole/login", Http.body("EmailAddress", email, "Password", password));
        assertThat(r.status()).as("login of %s: %s", email, r.raw()).isEqualTo(200);
        return new ConsoleSession(http, r.json().get("AuthenticationResult").get("AccessToken").asString());
    }

    public String accessToken() {
        return accessToken;
    }

    /** POSTs the body with this session's AccessToken added. */
    public Http.Response post(String path, Object... keyValues) {
        Map<String, Object> body = Http.body(keyValues);
        body.put("AccessToken", accessToken);
        return http.postJson(path, body);
    }
}
