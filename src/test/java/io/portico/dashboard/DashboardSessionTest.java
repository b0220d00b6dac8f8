package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import io.portico.tenant.Operator;

/**
 * The dashboard's session over plain HTTP: the cookies it sets, the way back to sign-in, the
 * navigation each role gets, renewal of an expired access token, sign-out and forged forms.
 */
@PorticoIntegrationTest
class DashboardSessionTest {

    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A signed-in browser: the two cookies, as a Cookie header. */
    record Session(String cookieHeader, String accessToken) {
    }

    static Session signIn(Http http, String email) {
        Http.Response response = post(http, "/dashboard/signin", null, "email", email, "password", Fixtures.PASSWORD,
                "next", "/dashboard");
        assertThat(response.status()).isEqualTo(302);
        List<String> cookies = response.headers().allValues("Set-Cookie");
        String access = value(cookies, DashboardSessions.COOKIE);
        String refresh = value(cookies, DashboardSessions.REFRESH_COOKIE);
        return new Session(DashboardSessions.COOKIE + "=" + access + "; " + DashboardSessions.REFRESH_COOKIE + "=" + refresh, access);
    }

    static Http.Response post(Http http, String path, String cookie, String... form) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < form.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(form[i]).append('=')
                    .append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
        }
        var builder = http.builder(path, "Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return http.send(builder.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    static String formToken(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("page has a form token").isTrue();
        return m.group(1);
    }

    private static String value(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElseThrow();
    }

    @Test
    void pagesSendAStrangerToSignInAndBackAfterwards() {
        Http http = new Http(port);
        Http.Response page = http.get("/dashboard/overview?window=30");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.header("Location")).isEqualTo("/dashboard/signin?next=/dashboard/overview?window%3D30");

        Operator operator = fixtures.operator();
        String email = fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS);
        Http.Response signIn = post(http, "/dashboard/signin", null, "email", email, "password", Fixtures.PASSWORD,
                "next", "/dashboard/overview?window=30");
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.header("Location")).endsWith("/dashboard/overview?window=30");
        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("portico_dashboard=").contains("Path=/dashboard", "HttpOnly", "SameSite=Lax")
                .doesNotContain("Secure"));
    }

    @Test
    void signInNeverRedirectsToAnotherSite() {
        Operator operator = fixtures.operator();
        String email = fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS);
        Http.Response signIn = post(new Http(port), "/dashboard/signin", null, "email", email, "password",
                Fixtures.PASSWORD, "next", "//evil.example/dashboard");
        assertThat(signIn.header("Location")).endsWith("/dashboard");
    }

    @Test
    void wrongPasswordShowsTheFormAgainWithAMessage() {
        Operator operator = fixtures.operator();
        String email = fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS);
        Http.Response response = post(new Http(port), "/dashboard/signin", null, "email", email, "password", "wrong");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw()).contains("Email address or password is incorrect.", "value=\"" + email + "\"");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void navigationShowsOnlyWhatTheRoleAllows() {
        Http http = new Http(port);
        Operator operator = fixtures.operator();
        Session admin = signIn(http, fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS));
        Session support = signIn(http, fixtures.administrator(operator, Role.CUSTOMER_SUPPORT));
        Session siem = signIn(http, fixtures.administrator(operator, Role.SIEM_ADMINISTRATORS));

        String adminPage = http.get("/dashboard/overview", "Cookie", admin.cookieHeader()).raw();
        assertThat(adminPage).contains("id=\"nav-overview\"", "id=\"nav-sessions\"", "id=\"nav-guests\"",
                "id=\"nav-logs\"", "id=\"nav-settings\"", operator.name());
        String supportPage = http.get("/dashboard/overview", "Cookie", support.cookieHeader()).raw();
        assertThat(supportPage).contains("id=\"nav-overview\"", "id=\"nav-logs\"").doesNotContain("id=\"nav-settings\"");

        Http.Response siemHome = http.get("/dashboard", "Cookie", siem.cookieHeader());
        assertThat(siemHome.header("Location")).endsWith("/dashboard/logs");
        Http.Response siemOverview = http.get("/dashboard/overview", "Cookie", siem.cookieHeader());
        assertThat(siemOverview.status()).isEqualTo(403);
        assertThat(siemOverview.raw()).contains("Not allowed", "Your role does not allow this action");
    }

    @Test
    void anExpiredAccessTokenIsRenewedWithTheRefreshToken() {
        Http http = new Http(port);
        Operator operator = fixtures.operator();
        Session session = signIn(http, fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS));
        clock.advance(Duration.ofHours(2));
        Http.Response page = http.get("/dashboard/overview", "Cookie", session.cookieHeader());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("portico_dashboard="))
                .noneSatisfy(c -> assertThat(c).startsWith("portico_dashboard=" + session.accessToken()));
        // A poll that raced the page with the same expired cookies gets the same renewed session.
        assertThat(http.get("/dashboard/overview", "Cookie", session.cookieHeader()).status()).isEqualTo(200);
    }

    @Test
    void signOutEndsTheSessionAndNeedsThePagesFormToken() {
        Http http = new Http(port);
        Operator operator = fixtures.operator();
        Session session = signIn(http, fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS));
        String token = formToken(http.get("/dashboard/overview", "Cookie", session.cookieHeader()).raw());

        Http.Response forged = post(http, "/dashboard/signout", session.cookieHeader(), "_csrf", "forged");
        assertThat(forged.status()).isEqualTo(403);
        Http.Response crossSite = http.send(http.builder("/dashboard/signout", "Content-Type",
                        "application/x-www-form-urlencoded", "Cookie", session.cookieHeader(), "Origin", "http://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + token)).build());
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(http.get("/dashboard/overview", "Cookie", session.cookieHeader()).status()).isEqualTo(200);

        Http.Response signOut = post(http, "/dashboard/signout", session.cookieHeader(), "_csrf", token);
        assertThat(signOut.status()).isEqualTo(302);
        assertThat(signOut.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("Max-Age=0"));
        // The old cookies no longer open a page: the session was revoked server-side, refresh token too.
        assertThat(http.get("/dashboard/overview", "Cookie", session.cookieHeader()).status()).isEqualTo(303);
    }
}
