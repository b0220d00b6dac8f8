package io.portico.platform.web;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.portico.platform.PorticoException;
import io.portico.platform.SecretBox;

/**
 * Cross-site request forgery protection for the server-rendered pages that keep a session (the
 * subscriber console and the dashboard): every form carries {@link #tokenFor a token} bound to
 * the session (a keyed digest of the session's token, so nothing extra is stored), and a form
 * sent from another site's page ({@code Origin} of another host, or {@code Sec-Fetch-Site:
 * cross-site}) is refused even with the right token. The captive portal, which keeps no session,
 * uses {@link #isCrossSite} alone with its sealed state.
 */
@Component
public class FormGuard {

    /** The name of the hidden form field carrying the token. */
    public static final String FIELD = "_csrf";

    private final SecretBox box;

    FormGuard(SecretBox box) {
        this.box = box;
    }

    /** The form token for a session: stable for the session's life, useless for any other session. */
    public String tokenFor(String sessionToken) {
        return box.digest("form-guard", sessionToken);
    }

    /**
     * Refuses (403) a form sent from another site or without this session's token; a form whose
     * session has ended gets the same answer, and the page asks the person to reload.
     */
    public void check(HttpServletRequest request, @Nullable String sessionToken, @Nullable String formToken) {
        if (isCrossSite(request) || sessionToken == null || formToken == null
                || !MessageDigest.isEqual(tokenFor(sessionToken).getBytes(StandardCharsets.US_ASCII),
                formToken.getBytes(StandardCharsets.US_ASCII))) {
            throw PorticoException.forbidden("This form has expired or was sent from another site; reload the page and try again.");
        }
    }

    /**
     * True when the browser says the request comes from a page of another site: an {@code Origin}
     * naming another host than {@code Host}, or no {@code Origin} and {@code Sec-Fetch-Site: cross-site}.
     */
    public static boolean isCrossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null")) {
            URI uri;
            try {
                uri = URI.create(origin);
            } catch (IllegalArgumentException e) {
                return true;
            }
            String host = request.getHeader("Host");
            if (uri.getHost() == null || host == null) {
                return true;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return !(host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getHost()));
        }
        return "cross-site".equals(request.getHeader("Sec-Fetch-Site"));
    }
}
