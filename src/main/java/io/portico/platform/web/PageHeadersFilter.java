package io.portico.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers of a web surface's pages (portal, subscriber console, dashboard): its
 * Content-Security-Policy, no MIME sniffing, no framing, its referrer policy, and for surfaces that
 * show a signed-in person's data, {@code Cache-Control: no-store} on everything but its static files.
 */
public class PageHeadersFilter extends OncePerRequestFilter {

    private final String contentSecurityPolicy;
    private final String referrerPolicy;
    private final @Nullable String cacheableStaticPrefix;

    /**
     * @param cacheableStaticPrefix null when pages may be cached as their controllers say; otherwise the
     *                              path prefix of the static files, and every other response is {@code no-store}
     */
    public PageHeadersFilter(String contentSecurityPolicy, String referrerPolicy, @Nullable String cacheableStaticPrefix) {
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.referrerPolicy = referrerPolicy;
        this.cacheableStaticPrefix = cacheableStaticPrefix;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", referrerPolicy);
        if (cacheableStaticPrefix != null && !request.getRequestURI().startsWith(cacheableStaticPrefix)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
