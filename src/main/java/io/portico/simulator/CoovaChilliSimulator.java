package io.portico.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.tinyradius.core.attribute.type.RadiusAttribute;

import com.sun.net.httpserver.HttpExchange;

import io.portico.platform.Digests;

/**
 * A CoovaChilli gateway with a UAM server (the portal) and a {@code uamsecret}: an unauthenticated
 * phone's request is answered with a 302 to
 * {@code <uamserver>?res=notyet&uamip=..&uamport=..&challenge=..&called=..&mac=..&ip=..&nasid=..&sessionid=..&userurl=..&md=..},
 * built in CoovaChilli's order and encoding ({@code redir.c}: unreserved {@code A-Za-z0-9-_.!~*},
 * the rest {@code %xx}) and signed with {@code md}, the uppercase hex MD5 of the URL before
 * {@code &md=} followed by the uamsecret. The portal logs the phone in with
 * {@code http://uamip:uamport/logon?username=..&response=..&userurl=..} (the response as
 * {@code hotspotlogin.cgi} computes it); the gateway sends CHAP-Challenge = MD5(challenge ‖
 * uamsecret) and CHAP-Password = 0 ‖ response, then redirects back to the portal with
 * {@code res=success} (or {@code res=failed&reply=<Reply-Message>} and a new challenge, or
 * {@code res=already}). {@code /logoff} ends the session (Accounting Stop, User-Request) and
 * returns {@code res=logoff}. Like Chilli, it keeps only the first 2047 characters of a request's
 * query. PAP through {@code password=} is not simulated.
 */
public final class CoovaChilliSimulator extends SimulatedGateway {

    /** The gateway's own MAC, CoovaChilli's {@code called=} and Called-Station-Id. */
    static final String NAS_MAC = "02-C0-FF-EE-00-01";
    private static final int NAS_PORT_TYPE_WIRELESS = 19;
    private static final int VENDOR_WISPR = 14122;
    private static final int WISPR_LOGOFF_URL = 3;
    /** The longest query CoovaChilli's web server keeps (REDIR_USERURLSIZE less the terminating NUL). */
    public static final int QUERY_LIMIT = 2047;

    private final Map<String, byte[]> challenges = new ConcurrentHashMap<>();
    private final Map<String, String> sessionIds = new ConcurrentHashMap<>();
    private final AtomicInteger units = new AtomicInteger();

    public CoovaChilliSimulator(GatewaySettings settings, Phone phone, Clock clock) {
        super(settings, phone, clock);
        route("/prelogin", (parameters, exchange) -> intercept(exchange));
        route("/logon", this::logon);
        route("/logoff", (parameters, exchange) -> logoff(exchange));
    }

    public CoovaChilliSimulator(GatewaySettings settings, Phone phone) {
        this(settings, phone, Clock.systemUTC());
    }

    /** CoovaChilli's {@code redir_urlencode}: unreserved characters as they are, every other octet as {@code %xx} (lower case). */
    public static String urlEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.!~*".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    /** CoovaChilli's {@code redir_md_param}: the uppercase hex MD5 of the URL so far followed by the uamsecret. */
    public static String md(String urlBeforeMd, String uamSecret) {
        return HexFormat.of().withUpperCase().formatHex(Digests.md5(urlBeforeMd.getBytes(StandardCharsets.UTF_8),
                uamSecret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The CHAP challenge CoovaChilli sends in RADIUS and {@code hotspotlogin.cgi} hashes with:
     * MD5(challenge ‖ uamsecret) with a uamsecret, the challenge itself without.
     */
    public static byte[] chapChallenge(byte[] challenge, Optional<String> uamSecret) {
        return uamSecret.map(secret -> Digests.md5(challenge, secret.getBytes(StandardCharsets.UTF_8))).orElse(challenge);
    }

    /** {@code hotspotlogin.cgi}'s response: hex MD5(0x00 ‖ password ‖ CHAP challenge). */
    public static String chapResponse(String hexChallenge, String password, Optional<String> uamSecret) {
        byte[] challenge = chapChallenge(HexFormat.of().parseHex(hexChallenge), uamSecret);
        return HexFormat.of().formatHex(Digests.md5(new byte[] {0}, password.getBytes(StandardCharsets.UTF_8), challenge));
    }

    /**
     * CoovaChilli copies a request's query string into {@code qs[REDIR_USERURLSIZE]}, 2048 bytes
     * ({@code redir.c}, {@code chilli_limits.h}), with {@code strlcpy}: anything past 2047 characters is lost.
     */
    @Override
    int queryLimit() {
        return QUERY_LIMIT;
    }

    @Override
    public String logoutPath() {
        return "/logoff";
    }

    @Override
    String vendor() {
        return "CoovaChilli";
    }

    @Override
    void intercept(HttpExchange exchange) throws IOException {
        Phone current = phone();
        if (session(current).isPresent()) {
            redirect(exchange, uamUrl("already", current, null, null, null, originalUrl(exchange)));
            return;
        }
        redirect(exchange, uamUrl("notyet", current, pendingChallenge(current), null, null, originalUrl(exchange)));
    }

    private void logon(Map<String, String> parameters, HttpExchange exchange) throws IOException {
        Phone current = phone();
        String userurl = parameters.getOrDefault("userurl", "");
        String username = parameters.getOrDefault("username", "");
        String response = parameters.getOrDefault("response", "");
        if (session(current).isPresent()) {
            redirect(exchange, uamUrl("already", current, null, null, null, userurl));
            return;
        }
        byte[] challenge = challenges.remove(current.mac());
        if (challenge == null || username.isEmpty() || !response.matches("[0-9a-fA-F]{32}")) {
            redirect(exchange, uamUrl("failed", current, pendingChallenge(current), null, null, userurl));
            return;
        }
        byte[] chap = new byte[17];
        System.arraycopy(HexFormat.of().parseHex(response), 0, chap, 1, 16); // ident 0, as hotspotlogin.cgi hashes it
        List<RadiusAttribute> credentials = List.of(NasRadiusClient.attribute(CHAP_CHALLENGE, chapChallenge(challenge, settings.uamSecret())),
                NasRadiusClient.attribute(CHAP_PASSWORD, chap));
        RadiusReply reply = authenticate(current, username, sessionId(current), credentials, Optional.empty());
        if (reply.accepted()) {
            redirect(exchange, uamUrl("success", current, null, username, null, userurl));
        } else {
            redirect(exchange, uamUrl("failed", current, pendingChallenge(current), null,
                    reply.replyMessage().orElse("Invalid Username/Password"), userurl));
        }
    }

    private void logoff(HttpExchange exchange) throws IOException {
        Phone current = phone();
        disconnect(current, TerminateCause.USER_REQUEST);
        sessionIds.remove(current.mac());
        redirect(exchange, uamUrl("logoff", current, null, null, null, null));
    }

    /** The phone's challenge: a new one after every logon attempt, the same one until then. */
    private String pendingChallenge(Phone of) {
        return HexFormat.of().formatHex(challenges.computeIfAbsent(of.mac(), mac -> randomBytes(16)));
    }

    /** Chilli's session id, {@code %.8x%.8x} of the time the phone was seen and its unit; kept until it logs off. */
    private String sessionId(Phone of) {
        return sessionIds.computeIfAbsent(of.mac(), mac -> "%08x%08x".formatted(clock.instant().getEpochSecond(), units.incrementAndGet()));
    }

    /** {@code bstring_buildurl} of redir.c: the parameters in its order, then {@code md}. */
    String uamUrl(String res, Phone of, @Nullable String hexChallenge, @Nullable String uid, @Nullable String reply,
                  @Nullable String userurl) {
        String portal = settings.portalUrl().toString();
        StringBuilder url = new StringBuilder(portal).append(portal.contains("?") ? "&" : "?")
                .append("res=").append(res)
                .append("&uamip=").append(baseUrl().getHost())
                .append("&uamport=").append(baseUrl().getPort());
        if (hexChallenge != null) {
            url.append("&challenge=").append(hexChallenge);
        }
        url.append("&called=").append(urlEncode(NAS_MAC));
        if (uid != null) {
            url.append("&uid=").append(urlEncode(uid));
        }
        session(of).flatMap(s -> s.granted().first("Session-Timeout")).ifPresent(timeleft -> url.append("&timeleft=").append(timeleft));
        url.append("&mac=").append(urlEncode(of.dashMac()))
                .append("&ip=").append(of.ip());
        if (reply != null) {
            url.append("&reply=").append(urlEncode(reply));
        }
        url.append("&nasid=").append(urlEncode(settings.nasIdentifier()))
                .append("&sessionid=").append(urlEncode(sessionId(of)));
        if (userurl != null) {
            url.append("&userurl=").append(urlEncode(userurl));
        }
        String unsigned = url.toString();
        return settings.uamSecret().filter(secret -> !secret.isEmpty()).map(secret -> unsigned + "&md=" + md(unsigned, secret))
                .orElse(unsigned);
    }

    @Override
    List<RadiusAttribute> accessAttributes(Phone of, String acctSessionId) {
        List<RadiusAttribute> attributes = new ArrayList<>(identity(of));
        attributes.add(NasRadiusClient.integer(SERVICE_TYPE, SERVICE_TYPE_LOGIN));
        attributes.add(NasRadiusClient.vendor(VENDOR_WISPR, WISPR_LOGOFF_URL, baseUrl() + "/logoff"));
        return attributes;
    }

    @Override
    List<RadiusAttribute> accountingAttributes(GatewaySession session) {
        return identity(session.phone());
    }

    /** What chilli puts in every request about the phone and itself. */
    private List<RadiusAttribute> identity(Phone of) {
        return List.of(
                NasRadiusClient.attribute(FRAMED_IP_ADDRESS, ipv4(of.ip())),
                NasRadiusClient.integer(NAS_PORT_TYPE, NAS_PORT_TYPE_WIRELESS),
                NasRadiusClient.integer(NAS_PORT, Long.parseLong(sessionId(of).substring(8), 16)),
                NasRadiusClient.attribute(NAS_PORT_ID, sessionId(of).substring(8)),
                NasRadiusClient.attribute(CALLING_STATION_ID, of.dashMac()),
                NasRadiusClient.attribute(CALLED_STATION_ID, NAS_MAC),
                NasRadiusClient.attribute(NAS_IDENTIFIER, settings.nasIdentifier()),
                NasRadiusClient.attribute(NAS_IP_ADDRESS, ipv4("127.0.0.1")));
    }
}
