package io.portico.portal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.portico.platform.Digests;

/**
 * A CoovaChilli UAM hand-over: Chilli redirects the phone to the portal with {@code res},
 * {@code uamip}, {@code uamport}, {@code challenge}, {@code mac}, {@code ip}, {@code nasid},
 * {@code sessionid}, {@code userurl} and, with a UAM secret, {@code md}: uppercase hex
 * MD5(the whole URL up to {@code &md=} ‖ uamsecret), as Chilli's {@code redir_md_param} computes it.
 * The portal logs the phone in at {@code http://uamip:uamport/logon} with the CHAP response of
 * Chilli's {@code hotspotlogin.cgi}.
 */
record ChilliHandOver(String res, String uamIp, int uamPort, @Nullable String challengeHex, String mac,
                      @Nullable String ip, @Nullable String nasId, @Nullable String sessionId, @Nullable URI userUrl) {

    private static final String MD = "&md=";
    /**
     * The longest query CoovaChilli's web server keeps: it copies the query into
     * {@code qs[REDIR_USERURLSIZE]} (2048 bytes, {@code redir.h}) and drops the rest.
     */
    static final int QUERY_LIMIT = 2047;

    /**
     * Parses and verifies a hand-over. {@code urlBeforeQuery} is the portal URL Chilli redirected
     * to ({@code http://host/portal/NAS}), {@code rawQuery} the query exactly as received. With a
     * secret, {@code md} must match for one of {@code candidates} (the URL as seen here, and with
     * the other scheme when TLS ends at a proxy); a missing or wrong {@code md} is refused.
     */
    static ChilliHandOver parse(java.util.List<String> urlsBeforeQuery, String rawQuery, Optional<String> uamSecret) {
        if (uamSecret.isPresent()) {
            int at = rawQuery.lastIndexOf(MD);
            if (at < 0) {
                throw new HandOverException("CoovaChilli hand-over without md");
            }
            byte[] given = HandOvers.unhex(rawQuery.substring(at + MD.length()), "md");
            String signed = rawQuery.substring(0, at);
            boolean verified = urlsBeforeQuery.stream().anyMatch(url -> MessageDigest.isEqual(given,
                    Digests.md5(HandOvers.utf8(url + "?" + signed), HandOvers.utf8(uamSecret.get()))));
            if (!verified) {
                throw new HandOverException("CoovaChilli md does not match (forged hand-over or another uamsecret)");
            }
        }
        Map<String, String> params = query(rawQuery);
        String uamIp = params.getOrDefault("uamip", "");
        if (!isIpLiteral(uamIp)) {
            throw new HandOverException("CoovaChilli uamip is not an IP address");
        }
        int uamPort;
        try {
            uamPort = Integer.parseInt(params.getOrDefault("uamport", ""));
        } catch (NumberFormatException e) {
            throw new HandOverException("CoovaChilli uamport is not a port");
        }
        if (uamPort < 1 || uamPort > 65535) {
            throw new HandOverException("CoovaChilli uamport is not a port");
        }
        String challenge = HandOvers.blankToNull(params.get("challenge"));
        if (challenge != null) {
            HandOvers.unhex(challenge, "challenge");
        }
        return new ChilliHandOver(params.getOrDefault("res", "notyet").toLowerCase(Locale.ROOT), uamIp, uamPort,
                challenge == null ? null : challenge.toLowerCase(Locale.ROOT), HandOvers.mac(params.get("mac"), "CoovaChilli").value(),
                HandOvers.blankToNull(params.get("ip")), HandOvers.blankToNull(params.get("nasid")),
                HandOvers.blankToNull(params.get("sessionid")), HandOvers.webUrl(params.get("userurl")).orElse(null));
    }

    /**
     * The CHAP response of {@code hotspotlogin.cgi}: newchal = uamsecret ? MD5(challenge bytes ‖
     * uamsecret) : challenge bytes; response = hex(MD5(0x00 ‖ password ‖ newchal)).
     */
    static String response(String challengeHex, String password, Optional<String> uamSecret) {
        byte[] challenge = HandOvers.unhex(challengeHex, "challenge");
        byte[] newChallenge = uamSecret.isPresent()
                ? Digests.md5(challenge, HandOvers.utf8(uamSecret.get())) : challenge;
        return HandOvers.hex(Digests.md5(new byte[] {0}, HandOvers.utf8(password), newChallenge));
    }

    /**
     * Chilli's logon URL with the one-time credential. Chilli sends the phone back to the portal
     * with res=success or failed and {@code next} as its userurl: the portal's status page, so the
     * guest's language and original URL survive the hop.
     */
    URI logon(String username, String password, Optional<String> uamSecret, URI next) {
        if (challengeHex == null) {
            throw new HandOverException("CoovaChilli hand-over without a challenge cannot log in");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("username", username);
        query.put("response", response(challengeHex, password, uamSecret));
        query.put("userurl", next.toString());
        return HandOvers.withQuery(gateway("/logon"), query);
    }

    URI logoffUrl() {
        return gateway("/logoff");
    }

    private URI gateway(String path) {
        String host = uamIp.contains(":") ? "[" + uamIp + "]" : uamIp;
        return URI.create("http://" + host + ":" + uamPort + path);
    }

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    /** Chilli always sends its UAM address as an IP literal; a host name here is a forged hand-over. */
    private static boolean isIpLiteral(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!text.matches("[0-9a-fA-F:]{2,39}") || !text.contains(":")) {
            return false;
        }
        try {
            // Only hex digits and colons: parsed as an IPv6 literal, never looked up in DNS.
            InetAddress.getByName(text);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
