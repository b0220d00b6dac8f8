package io.portico.dashboard;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

import com.github.benmanes.caffeine.cache.Cache;

import io.portico.identity.IdentityService;
import io.portico.identity.SignInStep;
import io.portico.identity.TokenGrant;
import io.portico.platform.Actor;
import io.portico.platform.Caches;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.RequestOrigins;

/**
 * The dashboard's sign-in session. The {@code portico_dashboard} cookie holds a console access
 * token (HttpOnly, SameSite=Lax, Secure over https, Path=/dashboard) and
 * {@code portico_dashboard_refresh} its refresh token; both are browser-session cookies. Every
 * page request is authenticated with {@link IdentityService#authenticate}; when the access token
 * has expired, the refresh token is traded for new ones transparently, so a session ends with
 * sign-out, the refresh token's expiry or a revoked/disabled administrator.
 *
 * <p>A refresh token works once and a second use revokes the session, yet a page and its htmx
 * polls may present the same expired cookie at the same moment. The grant obtained for a refresh
 * token is therefore kept for a minute in this node, and concurrent requests share it.
 */
@Component
class DashboardSessions implements HandlerInterceptor {

    static final String COOKIE = "portico_dashboard";
    static final String REFRESH_COOKIE = "portico_dashboard_refresh";
    static final String LANGUAGE_COOKIE = "portico_dashboard_lang";
    static final String ACTOR = DashboardSessions.class.getName() + ".actor";
    /** The access token the page being rendered belongs to: its forms carry a token bound to it. */
    static final String PAGE_TOKEN = DashboardSessions.class.getName() + ".pageToken";
    /** The access token the browser sent: a form posted with it was rendered for it. */
    static final String SENT_TOKEN = DashboardSessions.class.getName() + ".sentToken";
    static final String PATH = "/dashboard";

    private final IdentityService identity;
    private final RequestOrigins origins;
    private final FormGuard guard;
    private final Cache<String, TokenGrant> recentRefreshes = Caches.builder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    DashboardSessions(IdentityService identity, RequestOrigins origins, FormGuard guard) {
        this.identity = identity;
        this.origins = origins;
        this.guard = guard;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        rememberLanguage(request, response);
        if (resolve(request, response).isPresent()) {
            return true;
        }
        String signIn = UriComponentsBuilder.fromPath(PATH + "/signin").queryParam("next", next(request))
                .encode().build().toUriString();
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", signIn);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader(HttpHeaders.LOCATION, signIn);
        }
        return false;
    }

    /** The signed-in administrator of this request, renewing the access token when it has expired. */
    Optional<Actor> resolve(HttpServletRequest request, HttpServletResponse response) {
        Object known = request.getAttribute(ACTOR);
        if (known instanceof Actor actor) {
            return Optional.of(actor);
        }
        var origin = origins.of(request);
        String access = cookie(request, COOKIE);
        Optional<Actor> actor = access == null ? Optional.empty() : identity.authenticate(access, origin);
        String pageToken = access;
        if (actor.isEmpty()) {
            String refresh = cookie(request, REFRESH_COOKIE);
            if (refresh == null) {
                return Optional.empty();
            }
            Optional<TokenGrant> grant = refreshed(refresh);
            if (grant.isEmpty()) {
                clear(request, response);
                return Optional.empty();
            }
            actor = identity.authenticate(grant.get().accessToken(), origin);
            if (actor.isEmpty()) {
                return Optional.empty();
            }
            store(request, response, grant.get());
            pageToken = grant.get().accessToken();
        }
        request.setAttribute(ACTOR, actor.get());
        request.setAttribute(PAGE_TOKEN, pageToken);
        request.setAttribute(SENT_TOKEN, access);
        return actor;
    }

    private Optional<TokenGrant> refreshed(String refresh) {
        try {
            return Optional.of(recentRefreshes.get(refresh, identity::refresh));
        } catch (PorticoException e) {
            return Optional.empty();
        }
    }

    /**
     * Signs in: checks the password ({@link IdentityService#passwordStep}, with its lockout) and sets
     * the cookies; for an administrator with two-factor sign-in, returns the challenge the code step needs.
     */
    Optional<String> signIn(String email, String password, HttpServletRequest request, HttpServletResponse response) {
        SignInStep step = identity.passwordStep(email, password, origins.of(request));
        step.grant().ifPresent(grant -> store(request, response, grant));
        return step.codeChallenge();
    }

    /** The two-factor code step ({@link IdentityService#codeStep}): sets the cookies when the code is right. */
    void completeSignIn(String challenge, String code, HttpServletRequest request, HttpServletResponse response) {
        store(request, response, identity.codeStep(challenge, code, origins.of(request)));
    }

    /** Ends the session server-side and removes the cookies. */
    void signOut(HttpServletRequest request, HttpServletResponse response) {
        String access = (String) request.getAttribute(PAGE_TOKEN);
        if (access != null) {
            identity.logout(access);
        }
        clear(request, response);
    }

    /** Refuses (403) a form not rendered for this session or sent from another site. */
    void checkForm(HttpServletRequest request, @Nullable String formToken) {
        String sent = (String) request.getAttribute(SENT_TOKEN);
        String page = (String) request.getAttribute(PAGE_TOKEN);
        // A form rendered just before the access token was renewed carries the old token's digest.
        if (sent != null && formToken != null && !sent.equals(page)
                && guard.tokenFor(sent).equals(formToken)) {
            guard.check(request, sent, formToken);
            return;
        }
        guard.check(request, page, formToken);
    }

    /** The form token of the page being rendered, or null before sign-in. */
    @Nullable
    String formToken(HttpServletRequest request) {
        String page = (String) request.getAttribute(PAGE_TOKEN);
        return page == null ? null : guard.tokenFor(page);
    }

    private static void store(HttpServletRequest request, HttpServletResponse response, TokenGrant grant) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, COOKIE, grant.accessToken(), null).toString());
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, REFRESH_COOKIE, grant.refreshToken(), null).toString());
    }

    private static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, COOKIE, "", Duration.ZERO).toString());
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, REFRESH_COOKIE, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String name, String value, @Nullable Duration maxAge) {
        var builder = ResponseCookie.from(name, value).path(PATH).httpOnly(true).sameSite("Lax").secure(request.isSecure());
        if (maxAge != null) {
            builder.maxAge(maxAge);
        }
        return builder.build();
    }

    /** Keeps the language switcher's choice for the next pages (not a secret: readable, a year long). */
    static void rememberLanguage(HttpServletRequest request, HttpServletResponse response) {
        String lang = request.getParameter("lang");
        if (lang != null && DashboardPages.LANGUAGES.containsKey(lang)) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(LANGUAGE_COOKIE, lang).path(PATH)
                    .sameSite("Lax").secure(request.isSecure()).maxAge(Duration.ofDays(365)).build().toString());
        }
    }

    static @Nullable String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> c.getName().equals(name) && !c.getValue().isBlank())
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    /** Where to come back after signing in: this page for a plain GET, the overview otherwise. */
    private static String next(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || "true".equals(request.getHeader("HX-Request"))) {
            return PATH;
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** Only a path inside the dashboard may be a sign-in's {@code next}: never another site. */
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith(PATH) || next.startsWith("//") || next.contains("\\")
                || next.startsWith(PATH + "/signin")) {
            return PATH;
        }
        return next;
    }
}
