package io.portico.console.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.portico.identity.IdentityService;
import io.portico.platform.Actor;
import io.portico.platform.Problem;
import io.portico.platform.web.ApiError;
import io.portico.platform.web.ErrorFormats;
import io.portico.platform.web.ExceptionClassifier;
import io.portico.platform.web.HttpProperties;
import io.portico.platform.web.RequestOrigins;
import io.portico.subscription.SubscriberPrincipal;
import io.portico.subscription.SubscriberSessions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads each console POST body once (bounded by {@code portico.http.max-body-bytes}), checks it is
 * a JSON object, takes out {@code AccessToken} (or uses an {@code Authorization: Bearer} header)
 * and authenticates it. Controllers then see the body without the token and an {@link Actor} (or,
 * on {@link #RESIDENT_PREFIX} routes, a {@link SubscriberPrincipal}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ConsoleRequestFilter extends OncePerRequestFilter {

    static final String ACTOR = ConsoleRequestFilter.class.getName() + ".actor";
    static final String SUBSCRIBER = ConsoleRequestFilter.class.getName() + ".subscriber";
    static final String ACCESS_TOKEN = "AccessToken";
    /** The token a public route was sent (logout ends its session). */
    static final String PUBLIC_TOKEN = ConsoleRequestFilter.class.getName() + ".token";
    /** Routes that are called before there is a token. */
    private static final Set<String> PUBLIC = Set.of("/preview/subscriberconsole/login",
            "/preview/subscriberconsole/refreshAccessToken", "/preview/subscriberconsole/setPassword",
            "/preview/subscriberconsole/requestPasswordReset", "/preview/subscriberconsole/logout");
    /**
     * Routes a resident calls for themselves: they take a resident's token (a {@link SubscriberPrincipal}),
     * never an administrator's; every other route takes an administrator's token, never a resident's.
     */
    static final String RESIDENT_PREFIX = "/preview/subscriberconsole/resident/";

    private final IdentityService identity;
    private final SubscriberSessions subscribers;
    private final ErrorFormats errors;
    private final JsonMapper json;
    private final HttpProperties http;
    private final RequestOrigins origins;

    ConsoleRequestFilter(IdentityService identity, SubscriberSessions subscribers, ErrorFormats errors, JsonMapper json,
                         HttpProperties http, RequestOrigins origins) {
        this.identity = identity;
        this.subscribers = subscribers;
        this.errors = errors;
        this.json = json;
        this.http = http;
        this.origins = origins;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Other methods fall through to MVC, which answers 405 in the console's format.
        return !request.getRequestURI().startsWith(ConsoleErrorFormat.PREFIX) || !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !isJson(contentType)) {
            fail(Problem.UNSUPPORTED_MEDIA_TYPE, "Content type " + contentType + " is not supported; send application/json.", request, response);
            return;
        }
        byte[] raw = readBounded(request.getInputStream(), http.maxBodyBytes());
        if (raw == null) {
            fail(Problem.PAYLOAD_TOO_LARGE, "The request body is larger than the limit of " + http.maxBodyBytes() + " bytes.", request, response);
            return;
        }
        ObjectNode body;
        try {
            JsonNode parsed = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
            if (parsed == null || parsed.isMissingNode()) {
                parsed = json.createObjectNode();
            }
            if (!(parsed instanceof ObjectNode object)) {
                fail(Problem.INVALID_INPUT, "The request body must be a JSON object.", request, response);
                return;
            }
            body = object;
        } catch (JacksonException e) {
            errors.write(ExceptionClassifier.fromJson(e), request, response);
            return;
        }

        JsonNode tokenNode = body.remove(ACCESS_TOKEN);
        String token = bearer(request);
        if (token == null && tokenNode != null) {
            if (!tokenNode.isString()) {
                fail(Problem.INVALID_INPUT, "AccessToken must be a string.", request, response);
                return;
            }
            token = tokenNode.asString();
        }
        if (!PUBLIC.contains(request.getRequestURI())) {
            if (token == null || token.isBlank()) {
                fail(Problem.UNAUTHENTICATED, "AccessToken is missing.", request, response);
                return;
            }
            if (request.getRequestURI().startsWith(RESIDENT_PREFIX)) {
                var subscriber = subscribers.authenticate(token, origins.of(request));
                if (subscriber.isEmpty()) {
                    fail(Problem.UNAUTHENTICATED, "AccessToken is not a valid subscriber token.", request, response);
                    return;
                }
                request.setAttribute(SUBSCRIBER, subscriber.get());
            } else {
                var actor = SubscriberSessions.isResidentToken(token) ? Optional.<Actor>empty()
                        : identity.authenticate(token, origins.of(request));
                if (actor.isEmpty()) {
                    fail(Problem.UNAUTHENTICATED, "AccessToken is invalid or expired.", request, response);
                    return;
                }
                request.setAttribute(ACTOR, actor.get());
            }
        } else if (token != null && !token.isBlank()) {
            // The public routes that end a session (logout) need the token the filter took out.
            request.setAttribute(PUBLIC_TOKEN, token);
        }
        chain.doFilter(new CachedBodyRequest(request, json.writeValueAsBytes(body)), response);
    }

    private void fail(Problem problem, String message, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(new ApiError(problem, message), request, response);
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()) {
            return header.substring(7).strip();
        }
        return null;
    }

    /** The body's bytes, or null when it exceeds {@code limit} (chunked bodies have no length up front). */
    private static byte[] readBounded(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Replays the body (without AccessToken) to the controllers, always as JSON. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getHeader(String name) {
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                return MediaType.APPLICATION_JSON_VALUE;
            }
            if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                return Integer.toString(body.length);
            }
            return super.getHeader(name);
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("synchronous reads only");
                }
            };
        }
    }
}
