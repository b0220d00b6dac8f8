package io.portico.subscriberconsole;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers of every subscriber console response: a strict Content-Security-Policy (scripts,
 * styles and fetches from Portico only, never inline; images also as data: URIs for QR codes and
 * from https for operator logos; forms post to Portico only; no framing), no MIME sniffing, no
 * referrer (a password link's token must not leak), and no caching of pages that show a person's data.
 */
class SubscriberConsoleHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!request.getRequestURI().startsWith(SubscriberPages.STATIC_PATH) && !request.getRequestURI().startsWith("/subscriber/theme/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
