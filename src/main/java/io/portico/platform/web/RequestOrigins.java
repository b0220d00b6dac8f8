package io.portico.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import io.portico.platform.RequestOrigin;

/** Reads who sent a request (address, locale, user agent) for the operator log. */
@Component
public class RequestOrigins {

    private final HttpProperties properties;

    RequestOrigins(HttpProperties properties) {
        this.properties = properties;
    }

    public RequestOrigin of(HttpServletRequest request) {
        String ip = request.getRemoteAddr();
        if (properties.trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                ip = forwarded.split(",")[0].trim();
            }
        }
        String lang = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        String locale = lang == null || lang.isBlank() ? "" : lang.split("[,;]")[0].trim().toLowerCase();
        String ua = request.getHeader(HttpHeaders.USER_AGENT);
        return new RequestOrigin(ip, locale, ua == null ? "" : ua);
    }
}
