package io.portico.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.tinyradius.core.attribute.type.RadiusAttribute;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What both simulated gateways share: an HTTP server on 127.0.0.1 (a free port) that plays the
 * gateway's web server and, for a phone already online, the internet; the phone; the RADIUS
 * client; and the sessions with their accounting (Start on Access-Accept, Interim-Update and Stop
 * when told or on logout). Each vendor's subclass adds its hand-over and its attribute formats.
 */
public abstract sealed class SimulatedGateway implements AutoCloseable permits MikroTikHotspotSimulator, CoovaChilliSimulator {

    static final int USER_NAME = 1;
    static final int CHAP_PASSWORD = 3;
    static final int NAS_IP_ADDRESS = 4;
    static final int NAS_PORT = 5;
    static final int SERVICE_TYPE = 6;
    static final int FRAMED_IP_ADDRESS = 8;
    static final int CALLED_STATION_ID = 30;
    static final int CALLING_STATION_ID = 31;
    static final int NAS_IDENTIFIER = 32;
    static final int ACCT_STATUS_TYPE = 40;
    static final int ACCT_DELAY_TIME = 41;
    static final int ACCT_INPUT_OCTETS = 42;
    static final int ACCT_OUTPUT_OCTETS = 43;
    static final int ACCT_SESSION_ID = 44;
    static final int ACCT_AUTHENTIC = 45;
    static final int ACCT_SESSION_TIME = 46;
    static final int ACCT_TERMINATE_CAUSE = 49;
    static final int ACCT_INPUT_GIGAWORDS = 52;
    static final int ACCT_OUTPUT_GIGAWORDS = 53;
    static final int EVENT_TIMESTAMP = 55;
    static final int CHAP_CHALLENGE = 60;
    static final int NAS_PORT_TYPE = 61;
    static final int NAS_PORT_ID = 87;

    static final int SERVICE_TYPE_LOGIN = 1;
    static final SecureRandom RANDOM = new SecureRandom();

    /** One of the gateway's own pages. */
    @FunctionalInterface
    interface Route {
        void serve(Map<String, String> parameters, HttpExchange exchange) throws IOException;
    }

    /** RFC 2866 §5.10 causes a simulated gateway sends. */
    public enum TerminateCause {
        USER_REQUEST(1), IDLE_TIMEOUT(4), SESSION_TIMEOUT(5), ADMIN_RESET(6);

        final int code;

        TerminateCause(int code) {
            this.code = code;
        }
    }

    final GatewaySettings settings;
    final Clock clock;
    final NasRadiusClient radius;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();
    private final List<GatewaySession> ended = new CopyOnWriteArrayList<>();
    private volatile Phone phone;
    private volatile @Nullable RadiusReply lastAccessReply;

    SimulatedGateway(GatewaySettings settings, Phone phone, Clock clock) {
        this.settings = settings;
        this.phone = phone;
        this.clock = clock;
        this.radius = new NasRadiusClient(settings.radiusAuth(), settings.radiusAcct(), settings.radiusSecret());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        // a browser's own request, not the phone asking for a page: never handed to the portal
        routes.put("/favicon.ico", (parameters, exchange) -> send(exchange, 404, "text/plain", "no favicon"));
        server.start();
    }

    /** http://127.0.0.1:port: the gateway's own web server (RouterOS's hotspot address, CoovaChilli's uamip:uamport). */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * A page "on the internet" that the phone opens first: intercepted and handed to the portal
     * while the phone is not online, a page saying so once it is.
     */
    public URI internetUrl() {
        return baseUrl().resolve("/welcome");
    }

    public GatewaySettings settings() {
        return settings;
    }

    public Phone phone() {
        return phone;
    }

    /** The phone the next browser request comes from. */
    public void usePhone(Phone next) {
        this.phone = next;
    }

    /** Portico's answer to the last Access-Request this gateway sent. */
    public Optional<RadiusReply> lastAccessReply() {
        return Optional.ofNullable(lastAccessReply);
    }

    public Optional<GatewaySession> session(Phone of) {
        return Optional.ofNullable(sessions.get(of.mac()));
    }

    public List<GatewaySession> endedSessions() {
        return List.copyOf(ended);
    }

    /** Traffic the phone made, reported in the next Interim-Update or Stop. */
    public void addTraffic(Phone of, long inputOctets, long outputOctets) {
        sessions.computeIfPresent(of.mac(), (mac, session) -> session.withTraffic(inputOctets, outputOctets));
    }

    /** Sends an Accounting Interim-Update for the phone's session. */
    public void interim(Phone of) {
        GatewaySession session = session(of).orElseThrow(() -> new IllegalStateException(of.mac() + " is not online"));
        radius.account(accounting(session, 3, List.of()));
    }

    /** Ends the phone's session as the gateway would (e.g. its Session-Timeout passed) and sends Accounting Stop. */
    public Optional<GatewaySession> disconnect(Phone of, TerminateCause cause) {
        GatewaySession session = sessions.remove(of.mac());
        if (session == null) {
            return Optional.empty();
        }
        radius.account(accounting(session, 2, List.of(NasRadiusClient.integer(ACCT_TERMINATE_CAUSE, cause.code))));
        GatewaySession stopped = session.stopped(clock.instant());
        ended.add(stopped);
        return Optional.of(stopped);
    }

    /**
     * Asks Portico with the phone's credentials; on Access-Accept the phone is online and
     * Accounting Start is sent.
     */
    RadiusReply authenticate(Phone of, String username, String acctSessionId, List<RadiusAttribute> credentials,
                             Optional<String> papPassword) {
        List<RadiusAttribute> attributes = new ArrayList<>();
        attributes.add(NasRadiusClient.attribute(USER_NAME, username));
        attributes.addAll(credentials);
        attributes.add(NasRadiusClient.attribute(ACCT_SESSION_ID, acctSessionId));
        attributes.addAll(accessAttributes(of, acctSessionId));
        RadiusReply reply = radius.access(attributes, papPassword);
        lastAccessReply = reply;
        if (reply.accepted()) {
            GatewaySession session = new GatewaySession(of, username, acctSessionId, clock.instant(), reply, 0, 0, Optional.empty());
            sessions.put(of.mac(), session);
            radius.account(accounting(session, 1, List.of()));
        }
        return reply;
    }

    /** The vendor's identity attributes of an Access-Request besides User-Name and the credentials. */
    abstract List<RadiusAttribute> accessAttributes(Phone of, String acctSessionId);

    /** The vendor's identity attributes of an Accounting-Request. */
    abstract List<RadiusAttribute> accountingAttributes(GatewaySession session);

    private List<RadiusAttribute> accounting(GatewaySession session, int statusType, List<RadiusAttribute> more) {
        List<RadiusAttribute> attributes = new ArrayList<>();
        attributes.add(NasRadiusClient.integer(ACCT_STATUS_TYPE, statusType));
        attributes.add(NasRadiusClient.attribute(USER_NAME, session.username()));
        attributes.add(NasRadiusClient.attribute(ACCT_SESSION_ID, session.acctSessionId()));
        attributes.addAll(accountingAttributes(session));
        attributes.add(NasRadiusClient.integer(ACCT_AUTHENTIC, 1));
        attributes.add(NasRadiusClient.integer(EVENT_TIMESTAMP, clock.instant().getEpochSecond()));
        attributes.add(NasRadiusClient.integer(ACCT_DELAY_TIME, 0));
        if (statusType != 1) {
            attributes.add(NasRadiusClient.integer(ACCT_SESSION_TIME,
                    Math.max(0, Duration.between(session.startedAt(), clock.instant()).toSeconds())));
            attributes.add(NasRadiusClient.integer(ACCT_INPUT_OCTETS, session.inputOctets() & 0xFFFFFFFFL));
            attributes.add(NasRadiusClient.integer(ACCT_INPUT_GIGAWORDS, session.inputOctets() >>> 32));
            attributes.add(NasRadiusClient.integer(ACCT_OUTPUT_OCTETS, session.outputOctets() & 0xFFFFFFFFL));
            attributes.add(NasRadiusClient.integer(ACCT_OUTPUT_GIGAWORDS, session.outputOctets() >>> 32));
        }
        attributes.addAll(more);
        return attributes;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> parameters = parameters(exchange, queryLimit());
            String path = exchange.getRequestURI().getPath();
            Route route = routes.get(path);
            if (route != null) {
                route.serve(parameters, exchange);
            } else {
                serveInternet(exchange);
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", "simulated gateway failed: " + e);
        }
    }

    /** Adds one of the vendor's own pages; every other path goes "to the internet". */
    final void route(String path, Route route) {
        routes.put(path, route);
    }

    /** The phone's first request is handed to the portal; an online phone reaches the page it asked for. */
    abstract void intercept(HttpExchange exchange) throws IOException;

    private void serveInternet(HttpExchange exchange) throws IOException {
        if (session(phone).isEmpty()) {
            intercept(exchange);
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", page("Online", "<h1>You are online</h1><p>The phone "
                + escape(phone.colonMac()) + " reached <code>" + escape(originalUrl(exchange)) + "</code> through the simulated "
                + escape(vendor()) + " gateway.</p><p><a href=\"" + logoutPath() + "\">Log out at the gateway</a></p>"));
    }

    abstract String vendor();

    /** The gateway's own logout page. */
    public abstract String logoutPath();

    String originalUrl(HttpExchange exchange) {
        return baseUrl() + exchange.getRequestURI().toString();
    }

    /** How many characters of a request's query the gateway's web server keeps; the rest is cut off. */
    int queryLimit() {
        return Integer.MAX_VALUE;
    }

    static Map<String, String> parameters(HttpExchange exchange, int queryLimit) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        decodeInto(query == null || query.length() <= queryLimit ? query : query.substring(0, queryLimit), parameters);
        if ("POST".equals(exchange.getRequestMethod())) {
            try (InputStream body = exchange.getRequestBody()) {
                decodeInto(new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8), parameters);
            }
        }
        return parameters;
    }

    private static void decodeInto(@Nullable String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            into.putIfAbsent(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, must-revalidate");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, must-revalidate");
        exchange.sendResponseHeaders(302, -1);
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + "</title></head><body>" + body
                + "</body></html>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }


    static byte[] ipv4(String address) {
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + address, e);
        }
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
