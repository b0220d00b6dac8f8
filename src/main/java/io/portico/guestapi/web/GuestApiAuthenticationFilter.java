package io.portico.guestapi.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.portico.guestapi.GuestApiProperties;
import io.portico.identity.ClientPrincipal;
import io.portico.identity.IdentityService;
import io.portico.platform.Caches;
import io.portico.platform.Problem;
import io.portico.platform.web.ApiError;
import io.portico.platform.web.ErrorFormats;

/**
 * Authenticates every {@code /v2/} request by its {@code api_token} query parameter or an
 * {@code Authorization: Bearer} header, and rate-limits per token. Failures answer 401 or 429
 * in the guest API's error format before any route runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class GuestApiAuthenticationFilter extends OncePerRequestFilter {

    static final String PRINCIPAL = GuestApiAuthenticationFilter.class.getName() + ".principal";

    private final IdentityService identity;
    private final ErrorFormats errors;
    private final GuestApiProperties properties;
    private final Cache<Long, Bucket> buckets = Caches.builder().expireAfterAccess(Duration.ofMinutes(10)).build();

    GuestApiAuthenticationFilter(IdentityService identity, ErrorFormats errors, GuestApiProperties properties) {
        this.identity = identity;
        this.errors = errors;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(GuestApiErrorFormat.PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = token(request);
        if (token == null) {
            errors.write(new ApiError(Problem.UNAUTHENTICATED,
                    "API token is missing: pass api_token or an Authorization: Bearer header."), request, response);
            return;
        }
        var principal = identity.authenticateApiToken(token);
        if (principal.isEmpty()) {
            errors.write(new ApiError(Problem.UNAUTHENTICATED, "API token is invalid or revoked."), request, response);
            return;
        }
        ClientPrincipal client = principal.get();
        Bucket bucket = buckets.get(client.apiTokenId(), id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(properties.requestsPerMinute())
                        .refillGreedy(properties.requestsPerMinute(), Duration.ofMinutes(1)).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            errors.write(new ApiError(Problem.TOO_MANY_REQUESTS, "Rate limit of " + properties.requestsPerMinute()
                    + " requests per minute exceeded for this API token.", null, wait), request, response);
            return;
        }
        response.setHeader("X-RateLimit-Limit", Integer.toString(properties.requestsPerMinute()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        request.setAttribute(PRINCIPAL, client);
        chain.doFilter(request, response);
    }

    private static String token(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()) {
            return header.substring(7).strip();
        }
        String param = request.getParameter("api_token");
        return param == null || param.isBlank() ? null : param;
    }
}
