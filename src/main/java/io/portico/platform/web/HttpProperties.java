package io.portico.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP limits shared by both APIs ({@code portico.http.*}).
 *
 * @param maxBodyBytes  largest accepted request body; larger ones get 413
 * @param trustForwardedFor take the client address from X-Forwarded-For (only behind a proxy you run)
 */
@ConfigurationProperties("portico.http")
public record HttpProperties(@DefaultValue("1048576") long maxBodyBytes,
                             @DefaultValue("false") boolean trustForwardedFor) {

    public HttpProperties {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("portico.http.max-body-bytes must be at least 1024");
        }
    }
}
