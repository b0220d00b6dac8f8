package io.portico.hotspot;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.portico.platform.PorticoException;

/**
 * Where a hotspot's gateway sends the guest once the portal logged the device in (MikroTik's
 * {@code dst}, CoovaChilli's {@code userurl}, the browser's next page at UniFi): Portico's status
 * page (the default), the URL the guest first asked for (only when the gateway handed over an
 * absolute http(s) URL; else the status page), or a fixed page the operator chose. Part of
 * {@link PortalSettings}; stored as {@code STATUS}, {@code ORIGINAL} or the URL itself.
 */
public record AfterLogin(Kind kind, Optional<URI> url) {

    public enum Kind { STATUS, ORIGINAL, URL }

    public static final AfterLogin STATUS_PAGE = new AfterLogin(Kind.STATUS, Optional.empty());
    public static final AfterLogin ORIGINAL_URL = new AfterLogin(Kind.ORIGINAL, Optional.empty());
    private static final int MAX_URL = 500;
    private static final String RULE = "{afterLogin} must be STATUS, ORIGINAL or an absolute http(s) URL "
            + "without user name (at most " + MAX_URL + " characters).";

    public AfterLogin {
        if (kind == null) {
            throw PorticoException.invalid("afterLogin", RULE);
        }
        url = url == null ? Optional.empty() : url;
        if ((kind == Kind.URL) != url.isPresent() || url.filter(u -> !webUrl(u)).isPresent()) {
            throw PorticoException.invalid("afterLogin", RULE);
        }
    }

    /** {@code STATUS}, {@code ORIGINAL} (any case) or an absolute http(s) URL; blank means STATUS. 400 otherwise. */
    public static AfterLogin parse(@Nullable String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.equalsIgnoreCase("STATUS")) {
            return STATUS_PAGE;
        }
        if (value.equalsIgnoreCase("ORIGINAL")) {
            return ORIGINAL_URL;
        }
        if (value.length() > MAX_URL) {
            throw PorticoException.invalid("afterLogin", RULE);
        }
        try {
            return new AfterLogin(Kind.URL, Optional.of(new URI(value)));
        } catch (URISyntaxException e) {
            throw PorticoException.invalid("afterLogin", RULE);
        }
    }

    /** How it is stored and shown: {@code STATUS}, {@code ORIGINAL} or the URL. */
    public String text() {
        return url.map(URI::toString).orElse(kind.name());
    }

    private static boolean webUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()
                && uri.getRawUserInfo() == null && uri.toString().length() <= MAX_URL;
    }
}
