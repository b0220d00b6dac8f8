package io.portico.platform.web;

import java.time.Duration;
import java.util.Arrays;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cookie mechanics of a page surface that keeps a sign-in session (the dashboard, the
 * subscriber console): an access-token cookie and its refresh-token cookie, both HttpOnly,
 * SameSite=Lax, Secure over https and limited to the surface's path; the page and sent tokens of
 * the request (forms carry a token bound to the session, see {@link FormGuard}); and the answer to
 * a request without a session (303 to the sign-in page, or {@code HX-Redirect} for htmx). Who the
 * tokens belong to is the surface's business: it authenticates them with its own module.
 */
public final class SessionCookies {

    /** The access token the page being rendered belongs to: its forms carry a token bound to it. */
    private static final String PAGE_TOKEN = SessionCookies.class.getName() + ".pageToken";
    /** The access token the browser sent: a form posted with it was rendered for it. */
    private static final String SENT_TOKEN = SessionCookies.class.getName() + ".sentToken";

    private final String path;
    private final String accessCookie;
    private final String refreshCookie;
    private final FormGuard guard;

    public SessionCookies(String path, String accessCookie, String refreshCookie, FormGuard guard) {
        this.path = path;
        this.accessCookie = accessCookie;
        this.refreshCookie = refreshCookie;
        this.guard = guard;
    }

    public @Nullable String access(HttpServletRequest request) {
        return read(request, accessCookie);
    }

    public @Nullable String refresh(HttpServletRequest request) {
        return read(request, refreshCookie);
    }

    /** Sets both cookies for a new or renewed session. */
    public void store(HttpServletRequest request, HttpServletResponse response, String accessToken, String refreshToken) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, accessCookie, accessToken, null).toString());
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, refreshCookie, refreshToken, null).toString());
    }

    /** Removes both cookies. */
    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, accessCookie, "", Duration.ZERO).toString());
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, refreshCookie, "", Duration.ZERO).toString());
    }

    /** An HttpOnly cookie of this surface (a browser-session cookie unless {@code maxAge} is given). */
    public ResponseCookie cookie(HttpServletRequest request, String name, String value, @Nullable Duration maxAge) {
        var builder = ResponseCookie.from(name, value).path(path).httpOnly(true).sameSite("Lax").secure(request.isSecure());
        if (maxAge != null) {
            builder.maxAge(maxAge);
        }
        return builder.build();
    }

    /** Records which token the request's page belongs to ({@code page}) and which the browser sent. */
    public void remember(HttpServletRequest request, String pageToken, @Nullable String sentToken) {
        request.setAttribute(PAGE_TOKEN, pageToken);
        request.setAttribute(SENT_TOKEN, sentToken);
    }

    /** The access token of the request's signed-in page, or null. */
    public @Nullable String pageToken(HttpServletRequest request) {
        return request.getAttribute(PAGE_TOKEN) instanceof String page ? page : null;
    }

    /** Refuses (403) a form not rendered for this session or sent from another site. */
    public void checkForm(HttpServletRequest request, @Nullable String formToken) {
        String sent = request.getAttribute(SENT_TOKEN) instanceof String s ? s : null;
        String page = pageToken(request);
        // A form rendered just before the access token was renewed carries the old token's digest.
        if (sent != null && formToken != null && !sent.equals(page) && guard.tokenFor(sent).equals(formToken)) {
            guard.check(request, sent, formToken);
            return;
        }
        guard.check(request, page, formToken);
    }

    /**
     * Sends a request without a session to {@code signInPath} with where to come back: this page
     * for a plain GET, {@code home} otherwise (303, or 401 with {@code HX-Redirect} for htmx).
     */
    public void redirectToSignIn(HttpServletRequest request, HttpServletResponse response, String signInPath, String home) {
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        String next = home;
        if ("GET".equals(request.getMethod()) && !htmx) {
            String query = request.getQueryString();
            next = request.getRequestURI() + (query == null ? "" : "?" + query);
        }
        String signIn = UriComponentsBuilder.fromPath(signInPath).queryParam("next", next).encode().build().toUriString();
        if (htmx) {
            response.setHeader("HX-Redirect", signIn);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader(HttpHeaders.LOCATION, signIn);
        }
    }

    /** A cookie's value, or null when absent or blank. */
    public static @Nullable String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> c.getName().equals(name) && !c.getValue().isBlank())
                .map(Cookie::getValue).findFirst().orElse(null);
    }
}
