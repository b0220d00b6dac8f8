package io.portico.subscriberconsole;

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

import io.portico.identity.Secrets;
import io.portico.identity.TokenGrant;
import io.portico.platform.Caches;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
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
    /** The access token the page being rendered belongs to: its forms carry a token bound to it. */
    static final String PAGE_TOKEN = ResidentSessions.class.getName() + ".pageToken";
    /** The access token the browser sent: a form posted with it was rendered for it. */
    static final String SENT_TOKEN = ResidentSessions.class.getName() + ".sentToken";

    private final SubscriberSessions sessions;
    private final RequestOrigins origins;
    private final FormGuard guard;
    // A refresh token works once; a page and its assets may present the same expired cookie at once.
    private final Cache<String, TokenGrant> recentRefreshes = Caches.builder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    ResidentSessions(SubscriberSessions sessions, RequestOrigins origins, FormGuard guard) {
        this.sessions = sessions;
        this.origins = origins;
        this.guard = guard;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
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

    /** The signed-in resident of this request, renewing the access token when it has expired. */
    Optional<SubscriberPrincipal> resolve(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(PRINCIPAL) instanceof SubscriberPrincipal known) {
            return Optional.of(known);
        }
        var origin = origins.of(request);
        String access = cookie(request, COOKIE);
        Optional<SubscriberPrincipal> principal = access == null ? Optional.empty() : sessions.authenticate(access, origin);
        String pageToken = access;
        if (principal.isEmpty()) {
            String refresh = cookie(request, REFRESH_COOKIE);
            if (refresh == null) {
                return Optional.empty();
            }
            Optional<TokenGrant> grant = refreshed(refresh);
            principal = grant.flatMap(g -> sessions.authenticate(g.accessToken(), origin));
            if (principal.isEmpty()) {
                clear(request, response);
                return Optional.empty();
            }
            store(request, response, grant.get());
            pageToken = grant.get().accessToken();
        }
        request.setAttribute(PRINCIPAL, principal.get());
        request.setAttribute(PAGE_TOKEN, pageToken);
        request.setAttribute(SENT_TOKEN, access);
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

    /** Ends the session server-side and removes the cookies. */
    void signOut(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(PAGE_TOKEN) instanceof String access) {
            sessions.logout(access);
        }
        clear(request, response);
    }

    /** Refuses (403) a form not rendered for this session or sent from another site. */
    void checkForm(HttpServletRequest request, @Nullable String formToken) {
        String sent = (String) request.getAttribute(SENT_TOKEN);
        String page = (String) request.getAttribute(PAGE_TOKEN);
        // A form rendered just before the access token was renewed carries the old token's digest.
        if (sent != null && formToken != null && !sent.equals(page) && guard.tokenFor(sent).equals(formToken)) {
            guard.check(request, sent, formToken);
            return;
        }
        guard.check(request, page, formToken);
    }

    /**
     * The form token of the page being rendered: bound to the session, or before sign-in to a
     * random browser cookie set now if missing (so a sign-in form cannot be sent from another site either).
     */
    String formToken(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(PAGE_TOKEN) instanceof String page) {
            return guard.tokenFor(page);
        }
        String browser = request.getAttribute(FORM_COOKIE) instanceof String fresh ? fresh : cookie(request, FORM_COOKIE);
        if (browser == null) {
            browser = Secrets.randomToken("");
            request.setAttribute(FORM_COOKIE, browser);
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, FORM_COOKIE, browser, null).toString());
        }
        return guard.tokenFor(browser);
    }

    /** Refuses (403) a form shown before sign-in that was not shown in this browser or comes from another site. */
    void checkPublicForm(HttpServletRequest request, @Nullable String formToken) {
        guard.check(request, cookie(request, FORM_COOKIE), formToken);
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

    static @Nullable String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> c.getName().equals(name) && !c.getValue().isBlank())
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    /** Where to come back after signing in: this page for a plain GET, My WiFi otherwise. */
    private static String next(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || "true".equals(request.getHeader("HX-Request"))) {
            return PATH + "/wifi";
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
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
