package io.portico.portal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.portico.guest.MacAddress;

/** Small helpers the three gateway hand-overs share: URL checks, MD5, hex. */
final class HandOvers {

    private HandOvers() {
    }

    /**
     * An absolute http(s) URL with a host and no user info, or empty. The portal only ever sends a
     * browser to such a URL, never to {@code javascript:}, a relative path or {@code //host}.
     */
    static Optional<URI> webUrl(@Nullable String text) {
        if (text == null || text.isBlank() || text.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
            return ok ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code base} with this query (each value fully percent-encoded), replacing any query it had. */
    static URI withQuery(URI base, Map<String, String> query) {
        StringBuilder url = new StringBuilder(base.getScheme()).append("://").append(base.getRawAuthority())
                .append(base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath());
        char separator = '?';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            url.append(separator).append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    static MacAddress mac(@Nullable String text, String gateway) {
        return MacAddress.tryParse(text).orElseThrow(() -> new HandOverException(gateway + " sent no usable client MAC"));
    }


    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] unhex(String hex, String what) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new HandOverException(what + " is not hex");
        }
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
