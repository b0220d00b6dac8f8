package io.portico.dashboard;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import com.github.benmanes.caffeine.cache.Cache;

import io.portico.identity.IdentityService;
import io.portico.identity.SignInStep;
import io.portico.identity.TokenGrant;
import io.portico.platform.Actor;
import io.portico.platform.Caches;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.SessionCookies;
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
    static final String PATH = "/dashboard";

    private final IdentityService identity;
    private final RequestOrigins origins;
    private final FormGuard guard;
    private final SessionCookies cookies;
    private final Cache<String, TokenGrant> recentRefreshes = Caches.builder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    DashboardSessions(IdentityService identity, RequestOrigins origins, FormGuard guard) {
        this.identity = identity;
        this.origins = origins;
        this.guard = guard;
        this.cookies = new SessionCookies(PATH, COOKIE, REFRESH_COOKIE, guard);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        rememberLanguage(request, response);
        Optional<Actor> actor = resolve(request, response);
        if (actor.isPresent()) {
            String lang = request.getParameter("lang");
            if (lang != null && DashboardPages.LANGUAGES.containsKey(lang)) {
                identity.rememberLanguage(actor.get(), lang);
            }
            return true;
        }
        cookies.redirectToSignIn(request, response, PATH + "/signin", PATH);
        return false;
    }

    /** The signed-in administrator of this request, renewing the access token when it has expired. */
    Optional<Actor> resolve(HttpServletRequest request, HttpServletResponse response) {
        Object known = request.getAttribute(ACTOR);
        if (known instanceof Actor actor) {
            return Optional.of(actor);
        }
        var origin = origins.of(request);
        String access = cookies.access(request);
        Optional<Actor> actor = access == null ? Optional.empty() : identity.authenticate(access, origin);
        String pageToken = access;
        if (actor.isEmpty()) {
            String refresh = cookies.refresh(request);
            if (refresh == null) {
                return Optional.empty();
            }
            Optional<TokenGrant> grant = refreshed(refresh);
            if (grant.isEmpty()) {
                cookies.clear(request, response);
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
        cookies.remember(request, java.util.Objects.requireNonNull(pageToken), access);
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
        String access = cookies.pageToken(request);
        if (access != null) {
            identity.logout(access);
        }
        cookies.clear(request, response);
    }

    /** Refuses (403) a form not rendered for this session or sent from another site. */
    void checkForm(HttpServletRequest request, @Nullable String formToken) {
        cookies.checkForm(request, formToken);
    }

    /** The form token of the page being rendered, or null before sign-in. */
    @Nullable
    String formToken(HttpServletRequest request) {
        String page = cookies.pageToken(request);
        return page == null ? null : guard.tokenFor(page);
    }

    private void store(HttpServletRequest request, HttpServletResponse response, TokenGrant grant) {
        cookies.store(request, response, grant.accessToken(), grant.refreshToken());
    }

    /** Keeps the language switcher's choice for the next pages (not a secret: readable, a year long). */
    static void rememberLanguage(HttpServletRequest request, HttpServletResponse response) {
        String lang = request.getParameter("lang");
        if (lang != null && DashboardPages.LANGUAGES.containsKey(lang)) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(LANGUAGE_COOKIE, lang).path(PATH)
                    .sameSite("Lax").secure(request.isSecure()).maxAge(Duration.ofDays(365)).build().toString());
        }
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
