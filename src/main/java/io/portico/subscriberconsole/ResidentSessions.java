package io.portico.subscriberconsole;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import com.github.benmanes.caffeine.cache.Cache;

import io.portico.identity.Secrets;
import io.portico.identity.TokenGrant;
import io.portico.platform.Caches;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.SessionCookies;
import io.portico.platform.web.RequestOrigins;
import io.portico.subscription.SubscriberPrincipal;
import io.portico.subscription.SubscriberSessions;

/**
 * The subscriber console's sign-in session. The {@code portico_subscriber} cookie holds a resident
 * access token (HttpOnly, SameSite=Lax, Secure over https, Path=/subscriber) and
 * {@code portico_subscriber_refresh} its single-use refresh token. Every page but the public ones
 * is authenticated with {@link SubscriberSessions#authenticate} (an administrator's token is not a
 * resident's: it signs nobody in); an expired access token is renewed with the refresh token, and
 * a request without a session is sent to {@code /subscriber/signin}. Controllers take the
 * {@link SubscriberPrincipal} as a parameter.
 */
@Component
class ResidentSessions implements HandlerInterceptor {

    static final String PATH = "/subscriber";
    static final String COOKIE = "portico_subscriber";
    static final String REFRESH_COOKIE = "portico_subscriber_refresh";
    static final String LANGUAGE_COOKIE = "portico_subscriber_lang";
    /** A random value binding the forms shown before sign-in (sign-in, sign-up, password) to this browser. */
    static final String FORM_COOKIE = "portico_subscriber_form";
    static final String PRINCIPAL = ResidentSessions.class.getName() + ".principal";

    private final SubscriberSessions sessions;
    private final RequestOrigins origins;
    private final FormGuard guard;
    private final SessionCookies cookies;
    // A refresh token works once; a page and its assets may present the same expired cookie at once.
    private final Cache<String, TokenGrant> recentRefreshes = Caches.builder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    ResidentSessions(SubscriberSessions sessions, RequestOrigins origins, FormGuard guard) {
        this.sessions = sessions;
        this.origins = origins;
        this.guard = guard;
        this.cookies = new SessionCookies(PATH, COOKIE, REFRESH_COOKIE, guard);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (resolve(request, response).isPresent()) {
            return true;
        }
        cookies.redirectToSignIn(request, response, PATH + "/signin", PATH + "/wifi");
        return false;
    }

    /** The signed-in resident of this request, renewing the access token when it has expired. */
    Optional<SubscriberPrincipal> resolve(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(PRINCIPAL) instanceof SubscriberPrincipal known) {
            return Optional.of(known);
        }
        var origin = origins.of(request);
        String access = cookies.access(request);
        Optional<SubscriberPrincipal> principal = access == null ? Optional.empty() : sessions.authenticate(access, origin);
        String pageToken = access;
        if (principal.isEmpty()) {
            String refresh = cookies.refresh(request);
            if (refresh == null) {
                return Optional.empty();
            }
            Optional<TokenGrant> grant = refreshed(refresh);
            principal = grant.flatMap(g -> sessions.authenticate(g.accessToken(), origin));
            if (principal.isEmpty()) {
                cookies.clear(request, response);
                return Optional.empty();
            }
            store(request, response, grant.get());
            pageToken = grant.get().accessToken();
        }
        request.setAttribute(PRINCIPAL, principal.get());
        cookies.remember(request, java.util.Objects.requireNonNull(pageToken), access);
        return principal;
    }

    private Optional<TokenGrant> refreshed(String refresh) {
        if (!SubscriberSessions.isResidentToken(refresh)) {
            return Optional.empty();
        }
        try {
            return Optional.of(recentRefreshes.get(refresh, sessions::refresh));
        } catch (PorticoException e) {
            return Optional.empty();
        }
    }

    /** Signs in (with the lockout of {@link SubscriberSessions#login}) and sets the cookies. */
    void signIn(String email, String password, HttpServletRequest request, HttpServletResponse response) {
        store(request, response, sessions.login(email, password, origins.of(request)));
    }

    /** Keeps a session opened elsewhere (self sign-up) in the cookies. */
    void signedIn(TokenGrant grant, HttpServletRequest request, HttpServletResponse response) {
        store(request, response, grant);
    }

    /** Ends the session server-side and removes the cookies. */
    void signOut(HttpServletRequest request, HttpServletResponse response) {
        String access = cookies.pageToken(request);
        if (access != null) {
            sessions.logout(access);
        }
        cookies.clear(request, response);
    }

    /** Refuses (403) a form not rendered for this session or sent from another site. */
    void checkForm(HttpServletRequest request, @Nullable String formToken) {
        cookies.checkForm(request, formToken);
    }

    /**
     * The form token of the page being rendered: bound to the session, or before sign-in to a
     * random browser cookie set now if missing (so a sign-in form cannot be sent from another site either).
     */
    String formToken(HttpServletRequest request, HttpServletResponse response) {
        String page = cookies.pageToken(request);
        if (page != null) {
            return guard.tokenFor(page);
        }
        String browser = request.getAttribute(FORM_COOKIE) instanceof String fresh ? fresh : SessionCookies.read(request, FORM_COOKIE);
        if (browser == null) {
            browser = Secrets.randomToken("");
            request.setAttribute(FORM_COOKIE, browser);
            response.addHeader(HttpHeaders.SET_COOKIE, cookies.cookie(request, FORM_COOKIE, browser, null).toString());
        }
        return guard.tokenFor(browser);
    }

    /** Refuses (403) a form shown before sign-in that was not shown in this browser or comes from another site. */
    void checkPublicForm(HttpServletRequest request, @Nullable String formToken) {
        guard.check(request, SessionCookies.read(request, FORM_COOKIE), formToken);
    }

    private void store(HttpServletRequest request, HttpServletResponse response, TokenGrant grant) {
        cookies.store(request, response, grant.accessToken(), grant.refreshToken());
    }

    /** Only a path inside the console may be a sign-in's {@code next}: never another site. */
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith(PATH + "/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith(PATH + "/signin") || next.startsWith(PATH + "/signout")) {
            return PATH + "/wifi";
        }
        return next;
    }
}
