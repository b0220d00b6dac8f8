package io.portico.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.portico.platform.Problem;

/**
 * Refuses request bodies over {@code portico.http.max-body-bytes} with 413 before anything reads
 * them. Chunked bodies without a length are capped where they are read (the console facade).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final HttpProperties properties;
    private final ErrorFormats formats;

    RequestBodyLimitFilter(HttpProperties properties, ErrorFormats formats) {
        this.properties = properties;
        this.formats = formats;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > properties.maxBodyBytes()) {
            formats.write(new ApiError(Problem.PAYLOAD_TOO_LARGE, "The request body is larger than the limit of "
                    + properties.maxBodyBytes() + " bytes."), request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
