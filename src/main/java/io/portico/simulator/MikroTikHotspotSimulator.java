package io.portico.simulator;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.tinyradius.core.attribute.type.RadiusAttribute;

import com.sun.net.httpserver.HttpExchange;

import io.portico.platform.Digests;

/**
 * A MikroTik RouterOS Hotspot whose login page is external (MikroTik's "HotSpot external login
 * page" set-up): the router's {@code login.html} is the documented redirect form that POSTs
 * {@code mac}, {@code ip}, {@code username}, {@code link-login}, {@code link-orig}, {@code error},
 * {@code chap-id}, {@code chap-challenge} (each byte written as {@code \ooo}, e.g.
 * {@code \357\015\330...}), {@code link-login-only}, {@code link-orig-esc} and {@code mac-esc} to
 * the portal, submitted by script, with a "continue" button for a browser without it. The portal
 * sends the browser to {@code link-login-only} ({@code /login}) with {@code username},
 * {@code password} (HTTP-CHAP: hex MD5 of chap-id, password, chap-challenge; HTTP-PAP: the
 * password) and {@code dst}; the router asks RADIUS (CHAP-Password = chap-id and the 16 octets,
 * CHAP-Challenge), and on Access-Accept shows {@code alogin.html}, which moves on to {@code dst};
 * on Access-Reject it serves {@code login.html} again with {@code $(error)} set, which hands the
 * phone back to the portal. {@code /status} and {@code /logout} (Accounting Stop, User-Request)
 * as the router's own pages.
 */
public final class MikroTikHotspotSimulator extends SimulatedGateway {

    /** The hotspot server's name, RouterOS's Called-Station-Id. */
    static final String HOTSPOT_SERVER = "hotspot1";
    static final String INTERFACE = "bridge-hotspot";
    private static final int NAS_PORT_TYPE_ETHERNET = 15;

    private record Challenge(byte id, byte[] challenge) {
    }

    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, String> lastUsername = new ConcurrentHashMap<>();
    private final AtomicInteger sessionNumbers = new AtomicInteger(0x81a00000);

    public MikroTikHotspotSimulator(GatewaySettings settings, Phone phone, Clock clock) {
        super(settings, phone, clock);
        route("/login", (parameters, exchange) -> {
            if (parameters.containsKey("username") && parameters.containsKey("password")) {
                login(parameters, exchange);
            } else {
                loginPage(parameters.getOrDefault("dst", ""), "", exchange);
            }
        });
        route("/status", (parameters, exchange) -> status(exchange));
        route("/logout", (parameters, exchange) -> logout(exchange));
    }

    public MikroTikHotspotSimulator(GatewaySettings settings, Phone phone) {
        this(settings, phone, Clock.systemUTC());
    }

    /** RouterOS's {@code link-login-only}: the router's own login URL. */
    public String linkLoginOnly() {
        return baseUrl() + "/login";
    }

    /** How RouterOS writes $(chap-id) and $(chap-challenge): every octet as a backslash and three octal digits. */
    public static String octalEscape(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 4);
        for (byte b : bytes) {
            String octal = Integer.toOctalString(b & 0xFF);
            text.append('\\').append("000", octal.length(), 3).append(octal);
        }
        return text.toString();
    }

    /** The HTTP-CHAP password the login page's md5.js computes: hex MD5 of chap-id, password and chap-challenge. */
    public static String chapPassword(byte chapId, String password, byte[] challenge) {
        return HexFormat.of().formatHex(Digests.md5(new byte[] {chapId}, password.getBytes(StandardCharsets.UTF_8), challenge));
    }

    @Override
    public String logoutPath() {
        return "/logout";
    }

    @Override
    String vendor() {
        return "MikroTik Hotspot";
    }

    @Override
    void intercept(HttpExchange exchange) throws IOException {
        // RouterOS's redirect.html: an unauthenticated phone is sent to $(link-login)
        redirect(exchange, linkLoginOnly() + "?dst=" + URLEncoder.encode(originalUrl(exchange), StandardCharsets.UTF_8));
    }

    private void login(Map<String, String> parameters, HttpExchange exchange) throws IOException {
        Phone current = phone();
        String username = parameters.get("username");
        String password = parameters.get("password");
        String dst = parameters.getOrDefault("dst", "");
        lastUsername.put(current.mac(), username);
        if (session(current).isPresent()) {
            afterLogin(dst, exchange);
            return;
        }
        Challenge challenge = challenges.remove(current.mac());
        int sessionNumber = sessionNumbers.incrementAndGet();
        List<RadiusAttribute> credentials = new ArrayList<>();
        Optional<String> pap = Optional.empty();
        if (challenge != null && password.matches("[0-9a-fA-F]{32}")) {
            byte[] chap = new byte[17];
            chap[0] = challenge.id();
            System.arraycopy(HexFormat.of().parseHex(password), 0, chap, 1, 16);
            credentials.add(NasRadiusClient.attribute(CHAP_PASSWORD, chap));
            credentials.add(NasRadiusClient.attribute(CHAP_CHALLENGE, challenge.challenge()));
        } else {
            pap = Optional.of(password);
        }
        RadiusReply reply = authenticate(current, username, "%08x".formatted(sessionNumber), credentials, pap);
        if (reply.accepted()) {
            afterLogin(dst, exchange);
        } else {
            loginPage(dst, reply.replyMessage().orElse("invalid username or password"), exchange);
        }
    }

    /** alogin.html: "You are logged in", then on to the page first asked for ($(link-redirect)). */
    private void afterLogin(String dst, HttpExchange exchange) throws IOException {
        String next = dst.isEmpty() ? baseUrl() + "/status" : dst;
        send(exchange, 200, "text/html; charset=utf-8", page("mikrotik hotspot > redirect",
                "<meta http-equiv=\"refresh\" content=\"0; url=" + escape(next) + "\"><p>You are logged in</p>"
                        + "<p>If nothing happens, click <a href=\"" + escape(next) + "\">here</a></p>"));
    }

    /**
     * login.html of MikroTik's external-login-page set-up, with the phone's chap-id and
     * chap-challenge: new ones after every login attempt, the same ones until then, so a browser's
     * side request (a favicon) cannot replace them while the guest is on the portal.
     */
    private void loginPage(String dst, String error, HttpExchange exchange) throws IOException {
        Phone current = phone();
        Challenge challenge = challenges.computeIfAbsent(current.mac(), mac -> new Challenge(randomBytes(1)[0], randomBytes(16)));
        String linkLogin = linkLoginOnly() + (dst.isEmpty() ? "" : "?dst=" + URLEncoder.encode(dst, StandardCharsets.UTF_8));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("mac", current.colonMac());
        fields.put("ip", current.ip());
        fields.put("username", lastUsername.getOrDefault(current.mac(), ""));
        fields.put("link-login", linkLogin);
        fields.put("link-orig", dst);
        fields.put("error", error);
        fields.put("chap-id", octalEscape(new byte[] {challenge.id()}));
        fields.put("chap-challenge", octalEscape(challenge.challenge()));
        fields.put("link-login-only", linkLoginOnly());
        fields.put("link-orig-esc", URLEncoder.encode(dst, StandardCharsets.UTF_8));
        fields.put("mac-esc", URLEncoder.encode(current.colonMac(), StandardCharsets.UTF_8));
        StringBuilder form = new StringBuilder("<p>If you are not redirected in a few seconds, click 'continue' below</p>"
                + "<form name=\"redirect\" action=\"" + escape(settings.portalUrl().toString()) + "\" method=\"post\">");
        fields.forEach((name, value) -> form.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                .append(escape(value)).append("\">"));
        form.append("<input type=\"submit\" value=\"continue\"></form>"
                + "<script>document.redirect.submit();</script>");
        send(exchange, 200, "text/html; charset=utf-8", page("mikrotik hotspot > login", form.toString()));
    }

    private void status(HttpExchange exchange) throws IOException {
        Optional<GatewaySession> session = session(phone());
        send(exchange, 200, "text/html; charset=utf-8", page("mikrotik hotspot > status", session
                .map(s -> "<p>Welcome " + escape(s.username()) + "!</p><p>IP address: " + escape(s.phone().ip())
                        + "</p><p><a href=\"/logout\">log off</a></p>")
                .orElse("<p>You are not logged in.</p>")));
    }

    private void logout(HttpExchange exchange) throws IOException {
        Optional<GatewaySession> stopped = disconnect(phone(), TerminateCause.USER_REQUEST);
        send(exchange, 200, "text/html; charset=utf-8", page("mikrotik hotspot > logout",
                stopped.map(s -> "<p>You have just logged out</p><p>user: " + escape(s.username()) + "</p>")
                        .orElse("<p>You are not logged in.</p>")));
    }

    @Override
    List<RadiusAttribute> accessAttributes(Phone of, String acctSessionId) {
        List<RadiusAttribute> attributes = new ArrayList<>(identity(of, acctSessionId));
        attributes.add(NasRadiusClient.integer(SERVICE_TYPE, SERVICE_TYPE_LOGIN));
        return attributes;
    }

    @Override
    List<RadiusAttribute> accountingAttributes(GatewaySession session) {
        return identity(session.phone(), session.acctSessionId());
    }

    /** What RouterOS's hotspot puts in every request about the phone and itself (MikroTik's Hotspot RADIUS attribute list). */
    private List<RadiusAttribute> identity(Phone of, String acctSessionId) {
        return List.of(
                NasRadiusClient.attribute(CALLING_STATION_ID, of.colonMac()),
                NasRadiusClient.attribute(CALLED_STATION_ID, HOTSPOT_SERVER),
                NasRadiusClient.integer(NAS_PORT_TYPE, NAS_PORT_TYPE_ETHERNET),
                NasRadiusClient.integer(NAS_PORT, Long.parseLong(acctSessionId, 16)),
                NasRadiusClient.attribute(NAS_PORT_ID, INTERFACE),
                NasRadiusClient.attribute(FRAMED_IP_ADDRESS, ipv4(of.ip())),
                NasRadiusClient.attribute(NAS_IDENTIFIER, settings.nasIdentifier()),
                NasRadiusClient.attribute(NAS_IP_ADDRESS, ipv4("127.0.0.1")));
    }
}
