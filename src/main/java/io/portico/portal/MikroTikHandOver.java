package io.portico.portal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

import io.portico.platform.Digests;

/**
 * A MikroTik Hotspot's hand-over to an external login page: the router POSTs (or GETs) the
 * phone's {@code mac} and {@code ip}, {@code link-login-only}, {@code link-orig}, and with HTTP
 * CHAP {@code chap-id} and {@code chap-challenge} as octal-escaped bytes ({@code \357\022...}).
 * The portal logs the phone in by sending the browser to {@code link-login-only} with
 * {@code username}, {@code password} = hex(MD5(chap-id ‖ password ‖ challenge)) and {@code dst}.
 */
record MikroTikHandOver(String mac, @Nullable String ip, URI loginUrl, @Nullable URI originalUrl,
                        @Nullable String chapIdHex, @Nullable String chapChallengeHex, boolean gatewayError) {

    /** Reads the hand-over; {@code loginHosts} are the hotspot's configured router login hosts (see {@link GatewayLoginHost}). */
    static MikroTikHandOver parse(Map<String, String> params, List<String> loginHosts) {
        String mac = HandOvers.mac(params.get("mac"), "MikroTik").value();
        URI login = HandOvers.webUrl(params.get("link-login-only"))
                .orElseThrow(() -> new HandOverException("MikroTik sent no usable link-login-only"));
        if (login.getRawQuery() != null) {
            throw new HandOverException("MikroTik's link-login-only carries a query");
        }
        GatewayLoginHost.check(login, loginHosts);
        URI original = HandOvers.webUrl(params.get("link-orig")).orElse(null);
        String chapId = HandOvers.blankToNull(params.get("chap-id"));
        String challenge = HandOvers.blankToNull(params.get("chap-challenge"));
        if ((chapId == null) != (challenge == null)) {
            throw new HandOverException("MikroTik sent chap-id without chap-challenge or the reverse");
        }
        return new MikroTikHandOver(mac, HandOvers.blankToNull(params.get("ip")), login, original,
                chapId == null ? null : HandOvers.hex(octal(chapId)),
                challenge == null ? null : HandOvers.hex(octal(challenge)),
                HandOvers.blankToNull(params.get("error")) != null);
    }

    /**
     * Decodes RouterOS's {@code $(chap-id)} / {@code $(chap-challenge)}: each byte is written as a
     * backslash and three octal digits; any other character stands for its own (Latin-1) byte.
     */
    static byte[] octal(String escaped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(escaped.length() / 4 + 1);
        int i = 0;
        while (i < escaped.length()) {
            char c = escaped.charAt(i);
            if (c == '\\' && isOctal(escaped, i + 1) && isOctal(escaped, i + 2)
                    && isOctal(escaped, i + 3)) {
                int value = Integer.parseInt(escaped.substring(i + 1, i + 4), 8);
                if (value > 0xFF) {
                    throw new HandOverException("octal escape out of range");
                }
                out.write(value);
                i += 4;
            } else if (c > 0xFF) {
                throw new HandOverException("chap value is not bytes");
            } else {
                out.write(c);
                i++;
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(String s, int index) {
        return index < s.length() && s.charAt(index) >= '0' && s.charAt(index) <= '7';
    }

    /** What goes into the login URL's {@code password}: the CHAP response, or the password itself without CHAP. */
    String password(String clear) {
        if (chapIdHex == null || chapChallengeHex == null) {
            return clear;
        }
        return HandOvers.hex(Digests.md5(HandOvers.unhex(chapIdHex, "chap-id"), HandOvers.utf8(clear),
                HandOvers.unhex(chapChallengeHex, "chap-challenge")));
    }

    /** The router's login URL with the one-time credential; {@code dst} is where the router sends the phone next. */
    URI login(String username, String clearPassword, URI dst) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("username", username);
        query.put("password", password(clearPassword));
        query.put("dst", dst.toString());
        return HandOvers.withQuery(loginUrl, query);
    }

    /** The router's logout page, beside its login page. */
    URI logoutUrl() {
        return UriComponentsBuilder.fromUri(loginUrl).replacePath("/logout").build().toUri();
    }
}
